"""What a database URL names, read with the standard library: a command that only reads an
SQLite file need not import SQLAlchemy to find it."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from urllib.parse import parse_qsl

from multilateral.errors import DatabaseError
from multilateral.settings import DATABASE


def default_path() -> Path:
    import platformdirs  # only when neither --db nor the environment names a database
    return Path(platformdirs.user_data_dir("multilateral")) / "multilateral.db"


def resolve_url(value: str | None = None) -> str:
    """`--db` wins, then the environment, then the SQLite file in the user's data directory.

    A value without "://" is a path to an SQLite file.
    """
    value = value or DATABASE.from_env() or str(default_path())
    if "://" not in value:
        return f"sqlite:///{Path(value).expanduser().absolute()}"
    if value.startswith("postgresql://") or value.startswith("postgres://"):
        # psycopg 3 is the driver we ship; plain URLs mean it.
        value = "postgresql+psycopg://" + value.split("://", 1)[1]
    return value


@dataclass(frozen=True)
class SQLiteFile:
    """An SQLite database file, as SQLAlchemy's URL syntax names it."""

    path: Path
    uri: str | None  # "file:/path?mode=ro" when the URL asks for an SQLite URI

    def connect_args(self) -> tuple[str, bool]:
        """What `sqlite3.connect` takes: the database argument, and whether it is a URI."""
        return (self.uri, True) if self.uri else (str(self.path), False)


def sqlite_file(url: str) -> SQLiteFile | None:
    """The file an `sqlite://` URL names; None for other databases and for memory."""
    scheme, sep, rest = url.partition("://")
    if not sep or scheme.split("+", 1)[0] != "sqlite":
        return None
    # sqlite:///relative.db and sqlite:////absolute.db: the host part is empty.
    database, _, query = rest.removeprefix("/").partition("?")
    if not database or database == ":memory:":
        return None
    params = dict(parse_qsl(query))
    if params.pop("uri", None) == "true" and database.startswith("file:"):
        # sqlite:///file:/path/kb.db?mode=ro&uri=true opens the file read-only
        options = "&".join(f"{key}={value}" for key, value in params.items())
        return SQLiteFile(Path(database.removeprefix("file:")),
                          database + (f"?{options}" if options else ""))
    return SQLiteFile(Path(database), None)


def sqlite_path(url: str) -> Path | None:
    found = sqlite_file(url)
    return found.path if found else None


SQLITE_MAGIC = b"SQLite format 3\x00"


def check_sqlite_file(path: Path, *, create: bool = False) -> None:
    """Refuse a missing file (unless it is to be created) and one that is not SQLite's."""
    if not path.exists():
        if create:
            path.parent.mkdir(parents=True, exist_ok=True)
            return
        raise DatabaseError(
            f"No database at {path}. Run `multilateral init` to create it, "
            f"or point --db / {DATABASE.env} at an existing one."
        )
    try:
        with path.open("rb") as handle:
            header = handle.read(len(SQLITE_MAGIC))
    except OSError as exc:
        raise DatabaseError(f"Cannot read the database file {path}: {exc.strerror}.") from None
    if header and header != SQLITE_MAGIC:
        raise DatabaseError(
            f"{path} is not an SQLite database (corrupt or another kind of file). "
            "Move it aside and run `multilateral init`, or point --db at the right file."
        )
