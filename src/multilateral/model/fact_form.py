"""A fact as the fields of a form (the review page edits a fact field by field), and the
fields sent back as the edit `review` merges into the fact.

A field named `f.NAME` holds one value; `f.NAME[]` a list, one item per line. An empty
field is null.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

# Each type's fields, in the order of docs/FACTS.md, with their knowledge-base id twins:
# shown even when the reader left them out, so that an editor can fill them in.
FIELDS: dict[str, tuple[str, ...]] = {
    "membership": ("org", "org_id", "state", "state_id", "status", "change", "date"),
    "agreement": ("kind", "title", "parties", "party_ids", "date", "place", "place_id"),
    "resolution": ("body", "body_id", "number", "date", "subject", "subject_id", "effect"),
    "event": ("kind", "name", "date", "end_date", "place", "place_id", "organizers",
              "organizer_ids"),
    "chairmanship": ("org", "org_id", "state", "state_id", "start", "end"),
    "founding": ("org", "org_id", "date", "place", "place_id"),
}
LISTS = frozenset({"parties", "party_ids", "organizers", "organizer_ids", "orgs"})
# Not an editor's to change: what the fact is, where the article says it (once or more),
# how sure the reader was.
FIXED = frozenset({"type", "evidence", "also", "confidence"})


@dataclass(frozen=True)
class FormField:
    name: str
    value: str
    many: bool  # a list: one item per line

    @property
    def input_name(self) -> str:
        return f"f.{self.name}[]" if self.many else f"f.{self.name}"


def form_fields(fact: Mapping[str, Any]) -> list[FormField]:
    """The fact's fields: its type's first, then any other it has, then `modality`."""
    names = list(FIELDS.get(str(fact.get("type")), ()))
    names += [n for n in fact if n not in names and n not in FIXED and n != "modality"]
    names.append("modality")
    out = []
    for name in names:
        value = fact.get(name)
        many = name in LISTS or isinstance(value, list)
        text = "\n".join(str(v) for v in value or []) if many else (
            "" if value is None else str(value))
        out.append(FormField(name, text, many))
    return out


def submitted_fact(form: Mapping[str, str]) -> dict[str, Any]:
    """The edit the form's `f.` fields make: text stripped, empty as null, lists by line."""
    edit: dict[str, Any] = {}
    for key, value in form.items():
        if not key.startswith("f."):
            continue
        name = key[2:].removesuffix("[]")
        if name in FIXED:
            continue
        if key.endswith("[]"):
            edit[name] = [line.strip() for line in value.splitlines() if line.strip()]
        else:
            edit[name] = value.strip() or None
    return edit
