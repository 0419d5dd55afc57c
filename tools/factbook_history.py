"""Derive spells of the CIA World Factbook's organization participation from its weekly history.

Run by hand, never at init or in tests:

    python tools/factbook_history.py GIT_DIR [--out FILE]

GIT_DIR is a (bare) clone of the public `factbook/factbook.json` repository, which commits
the Factbook's country profiles as JSON, weekly since August 2021 and a few times before.
For the last data commit of each ISO week from 2015 on, every country profile's field
"International organization participation" is split into organizations and their
qualifiers; consecutive sightings of one (country, organization, qualifier) become one
spell, first and last seen (the commit days). A country whose profile is absent from a
snapshot, or lacks the field, was not observed that week: its spells neither end nor grow.

The output (gzip CSV) is ours: facts derived from a public-domain work, with the
commits they came from. Nothing from the repository itself is copied.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import gzip
import html
import io
import json
import re
import subprocess
import sys
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DATA = REPO / "src" / "multilateral" / "data"
OUT = DATA / "cia-factbook-history" / "participation_spells.csv.gz"
FIRST_YEAR = 2015
# Folders of the repository that hold no country profile.
NOT_COUNTRIES = {"meta", "world", "oceans", "antarctica"}
# The Factbook's short names that the crosswalk does not spell alike (checked by hand).
NAMES = {
    "Bahamas, The": "BHS", "Gambia, The": "GMB", "Burma": "MMR", "Cabo Verde": "CPV",
    "Cape Verde": "CPV", "Congo, Democratic Republic of the": "COD",
    "Congo, Republic of the": "COG", "Cote d'Ivoire": "CIV", "Czechia": "CZE",
    "Czech Republic": "CZE", "Korea, North": "PRK", "Korea, South": "KOR",
    "Micronesia, Federated States of": "FSM", "Holy See (Vatican City)": "VAT",
    "Macedonia": "MKD", "North Macedonia": "MKD", "Swaziland": "SWZ", "Eswatini": "SWZ",
    "Turkey": "TUR", "Turkey (Turkiye)": "TUR", "Turkiye": "TUR", "Timor-Leste": "TLS",
    "Laos": "LAO", "Russia": "RUS", "Syria": "SYR", "Iran": "IRN", "Vietnam": "VNM",
    "Brunei": "BRN", "Moldova": "MDA", "Tanzania": "TZA", "Bolivia": "BOL",
    "Venezuela": "VEN", "Taiwan": "TWN", "Kosovo": "XKX", "Curacao": "CUW",
    "Sint Maarten": "SXM", "Saint Martin": "MAF", "Saint Barthelemy": "BLM",
    "Virgin Islands": "VIR", "Falkland Islands (Islas Malvinas)": "FLK",
    "West Bank": "", "Gaza Strip": "", "European Union": "",
}

# The European Union's profile (2015: "eu-european-union.json", then "ee.json"): no state.
EU_FILES = {"iso2:eu", "ee"}


@dataclass(frozen=True)
class Snapshot:
    commit: str
    day: dt.date


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("git_dir", type=Path, help="a clone of factbook/factbook.json")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    git = Git(args.git_dir)
    snapshots = weekly(git)
    names = crosswalk_names()
    # First pass: each profile's name, so that a file code whose name the Factbook misspelt
    # one week ("Laos&nbsp;", "DRC") is still read as the country its other weeks name.
    read = [(index, git.profiles(snap.commit)) for index, snap in enumerate(snapshots)]
    code_iso3: dict[str, str] = {}
    for _, profiles in read:
        for path, blob in profiles:
            iso3 = country_of(path, git.participation(blob)[0], names)
            if iso3:
                code_iso3.setdefault(file_code(path), iso3)
    seen: dict[Key, list[int]] = defaultdict(list)
    observed: dict[str, list[int]] = defaultdict(list)  # iso3 -> snapshots that read it
    labels: dict[str, str] = {}
    unmapped: dict[str, str] = {}
    for index, profiles in read:
        snap = snapshots[index]
        for path, blob in profiles:
            name, listing = git.participation(blob)
            iso3 = code_iso3.get(file_code(path), "")
            if not iso3:
                unmapped[name or path] = path
                continue
            if listing is None:
                continue
            preface, items = listing
            if observed[iso3][-1:] == [index]:
                raise SystemExit(f"{snap.commit}: two profiles read as {iso3}, the second "
                                 f"{path} ({name}). Fix NAMES in this script.")
            labels[iso3] = name.split(" | ")[0] or path
            observed[iso3].append(index)
            for org, qualifier in dict.fromkeys(items):
                seen[(iso3, org, qualifier, preface)].append(index)
    rows = spells(seen, observed, snapshots, labels)
    write(args.out, rows)
    print(f"{len(snapshots)} weekly snapshots {snapshots[0].day} .. {snapshots[-1].day} "
          f"({snapshots[0].commit[:8]} .. {snapshots[-1].commit[:8]}); {len(observed)} "
          f"countries; {len(rows)} spells -> {args.out} ({args.out.stat().st_size} bytes)")
    if unmapped:
        print("not a state of the crosswalk (skipped):", "; ".join(sorted(unmapped)),
              file=sys.stderr)
    return 0


class Git:
    """Reads a repository's commits and blobs through one `git cat-file --batch` process."""

    def __init__(self, git_dir: Path) -> None:
        if not (git_dir / "objects").is_dir() and not (git_dir / ".git").exists():
            raise SystemExit(f"{git_dir}: not a git directory. Pass the clone of "
                             "factbook/factbook.json.")
        self.git_dir = git_dir
        self.batch = subprocess.Popen(["git", f"--git-dir={git_dir}", "cat-file", "--batch"],
                                      stdin=subprocess.PIPE, stdout=subprocess.PIPE)
        self.parsed: dict[str, tuple[str, tuple[str, list[tuple[str, str]]] | None]] = {}

    def run(self, *args: str) -> str:
        return subprocess.run(["git", f"--git-dir={self.git_dir}", *args], check=True,
                              capture_output=True, text=True).stdout

    def blob(self, sha: str) -> bytes:
        assert self.batch.stdin is not None and self.batch.stdout is not None
        self.batch.stdin.write(f"{sha}\n".encode())
        self.batch.stdin.flush()
        header = self.batch.stdout.readline().split()
        size = int(header[2])
        data = self.batch.stdout.read(size)
        self.batch.stdout.read(1)
        return data

    def profiles(self, commit: str) -> list[tuple[str, str]]:
        found = []
        for line in self.run("ls-tree", "-r", commit).splitlines():
            meta, path = line.split("\t", 1)
            folder, _, file = path.partition("/")
            if file.endswith(".json") and "/" not in file and folder not in NOT_COUNTRIES:
                found.append((path, meta.split()[2]))
        return found

    def participation(self, blob: str) -> tuple[str, tuple[str, list[tuple[str, str]]] | None]:
        """The profile's short name and its organizations with their qualifiers (None
        when the field is absent), parsed once per blob."""
        if blob not in self.parsed:
            try:
                profile = json.loads(self.blob(blob))
            except ValueError:
                profile = {}
            government = profile.get("Government") or profile.get("govt") or {}
            field = (government.get("International organization participation")
                     or government.get("international_organization_participation"))
            names = government.get("Country name") or government.get("country_name") or {}
            forms = []
            for form in ("conventional short form", "conventional long form"):
                value = names.get(form) or names.get(form.replace(" ", "_"))
                value = value.get("text") if isinstance(value, dict) else value
                if isinstance(value, str) and value.strip().lower() not in {"", "none"}:
                    forms.append(" ".join(html.unescape(value).split()))
            text = field.get("text") if isinstance(field, dict) else None
            # "Short form | long form": the country is found by either.
            self.parsed[blob] = (" | ".join(forms), parse(text) if isinstance(text, str) else None)
        return self.parsed[blob]


def weekly(git: Git) -> list[Snapshot]:
    """The last commit touching a country profile in each ISO week, from FIRST_YEAR on."""
    log = git.run("log", "--first-parent", "--reverse", "--format=%H %cs",
                  f"--since={FIRST_YEAR}-01-01", "--", "*/*.json")
    by_week: dict[tuple[int, int], Snapshot] = {}
    for line in log.splitlines():
        sha, day = line.split()
        date = dt.date.fromisoformat(day)
        by_week[date.isocalendar()[:2]] = Snapshot(sha, date)
    # A commit that only moves files (May 2026, after the Factbook closed) is no new reading.
    kept: list[Snapshot] = []
    previous: list[str] = []
    for snap in sorted(by_week.values(), key=lambda s: s.day):
        blobs = sorted(blob for _, blob in git.profiles(snap.commit))
        if blobs != previous:
            kept.append(snap)
        previous = blobs
    return kept


def parse(text: str) -> tuple[str, list[tuple[str, str]]]:
    """'ADB (nonregional member), AU, UN (observer)' -> [(ADB, nonregional member), (AU,
    member), (UN, observer)]: split at commas outside parentheses. A preface before a colon
    (Afghanistan since 2022: "... was a member or participant in these organizations:")
    comes back first, to travel with every entry; a closing note is dropped."""
    text = " ".join(html.unescape(re.sub(r"<[^>]+>", " ", text)).split())
    text = re.split(r"(?i)[;,.]?\s*\bnote\s*[-:\u2013]", text)[0]
    # A parenthesis the Factbook left open ("OECD (Enhanced Engagement, OIC, ...PIF
    # (partner)") closes at its first comma when another one opens before it closes.
    text = re.sub(r"\(([^(),]*),(?=[^()]*\()", r"(\1),", text)
    preface = ""
    if ":" in text:
        preface, _, text = text.rpartition(":")
        preface = preface.strip(" ;,.")
    items: list[tuple[str, str]] = []
    depth, start = 0, 0
    parts = []
    for i, char in enumerate(text):
        if char == "(":
            depth += 1
        elif char == ")":
            depth = max(0, depth - 1)
        elif char in ",;" and depth == 0:
            parts.append(text[start:i])
            start = i + 1
    parts.append(text[start:])
    for part in parts:
        part = re.sub(r"\s*-\s*", "-", part.strip(" ."))  # "G- 9" is G-9
        match = re.fullmatch(r"(.+?)\s*\((.+)\)", part)
        org, qualifier = (match.group(1), match.group(2)) if match else (part, "member")
        if org and org.lower() != "none":
            items.append((org.strip(), qualifier.replace(") (", "; ").strip()))
    return preface, items


def crosswalk_names() -> dict[str, str]:
    """Names and ISO 3166 codes of the crosswalk's states -> ISO alpha-3."""
    names: dict[str, str] = {}
    with open(DATA / "country-crosswalk" / "owid_countries_regions.csv", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            iso3 = row["iso_alpha3"]
            if not iso3:
                continue
            for name in [row["name"], row["wikidata_label"], *json.loads(row["aliases"] or "[]")]:
                names.setdefault(name.casefold(), iso3)
            if row["iso_alpha2"]:
                names.setdefault(f"iso2:{row['iso_alpha2'].lower()}", iso3)
    return names


def file_code(path: str) -> str:
    """The profile's code: GEC from October 2015 ("gm"), ISO alpha-2 before ("iso2:de")."""
    stem = path.rsplit("/", 1)[-1].removesuffix(".json")
    return f"iso2:{stem.split('-', 1)[0]}" if "-" in stem else stem


def country_of(path: str, name: str, names: dict[str, str]) -> str:
    if file_code(path) in EU_FILES:
        return ""
    for form in name.split(" | "):
        if form in NAMES:
            return NAMES[form]
        if form.casefold() in names:
            return names[form.casefold()]
    # The 2015 layout names its files by ISO alpha-2 ("europe/de-germany.json").
    stem = path.rsplit("/", 1)[-1].removesuffix(".json")
    if "-" in stem:
        return names.get(f"iso2:{stem.split('-', 1)[0]}", "")
    return ""


Key = tuple[str, str, str, str]  # iso3, organization, qualifier, preface


def spells(seen: dict[Key, list[int]], observed: dict[str, list[int]],
           snapshots: list[Snapshot], labels: dict[str, str]) -> list[dict[str, str]]:
    """Runs of sightings over the snapshots in which the country was observed."""
    rows = []
    for key, hits in sorted(seen.items()):
        read = observed[key[0]]
        position = {snap: i for i, snap in enumerate(read)}
        run: list[int] = []
        for hit in hits:
            if run and position[hit] != position[run[-1]] + 1:
                rows.append(_row(key, labels[key[0]], run, read, snapshots))
                run = []
            run.append(hit)
        rows.append(_row(key, labels[key[0]], run, read, snapshots))
    return rows


def _row(key: Key, name: str, run: list[int], read: list[int],
         snapshots: list[Snapshot]) -> dict[str, str]:
    iso3, org, qualifier, preface = key
    after = read.index(run[-1]) + 1
    first, last = snapshots[run[0]], snapshots[run[-1]]
    return {"factbook_org": org, "qualifier": qualifier, "preface": preface, "iso3": iso3,
            "country": name, "first_seen": first.day.isoformat(),
            "last_seen": last.day.isoformat(), "sightings": str(len(run)),
            # The first week the country was read again without this entry; empty when
            # the entry stands in the newest snapshot read.
            "gone_by": snapshots[read[after]].day.isoformat() if after < len(read) else "",
            "first_commit": first.commit[:12], "last_commit": last.commit[:12]}


def write(out: Path, rows: list[dict[str, str]]) -> None:
    out.parent.mkdir(parents=True, exist_ok=True)
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(rows[0]), lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    # mtime=0: the same rows give the same bytes, so the init fingerprint stays put.
    with open(out, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as f:
        f.write(buffer.getvalue().encode())


if __name__ == "__main__":
    sys.exit(main())
