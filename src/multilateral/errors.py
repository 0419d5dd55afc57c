"""Domain exceptions. Each says what went wrong with which input and what to do.

The CLI and the web layer convert them at the edge; `exit_code` and `status`
travel with the exception so that every edge reports a failure the same way.
"""

from __future__ import annotations

from collections.abc import Sequence


class MultilateralError(Exception):
    """Base class: a message for the user, an exit code for the CLI, a status for HTTP."""

    exit_code = 1
    status = 500
    code = "error"

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class InvalidDate(MultilateralError, ValueError):
    exit_code = 2
    status = 400
    code = "invalid_date"

    def __init__(self, text: str, reason: str) -> None:
        super().__init__(f"Invalid date '{text}': {reason}. Use YYYY, YYYY-MM or YYYY-MM-DD.")
        self.text = text
        self.reason = reason


class UnknownEntity(MultilateralError, LookupError):
    exit_code = 2
    status = 404
    code = "unknown_entity"

    def __init__(self, kind: str, name: str, suggestions: list[tuple[str, str]]) -> None:
        hint = ""
        if suggestions:
            hint = " Did you mean " + ", ".join(
                f"'{ident}' ({label})" for ident, label in suggestions
            ) + "?"
        else:
            hint = f" Try `multilateral find {name!r}` to search names."
        super().__init__(f"Unknown {kind} '{name}'.{hint}")
        self.kind = kind
        self.name = name
        self.suggestions = suggestions


class AmbiguousName(MultilateralError, LookupError):
    exit_code = 2
    status = 409
    code = "ambiguous_name"

    def __init__(self, kind: str, name: str, candidates: list[tuple[str, str]]) -> None:
        listed = ", ".join(f"'{ident}' ({label})" for ident, label in candidates)
        super().__init__(f"The {kind} name '{name}' is ambiguous: it names {listed}. Give the id.")
        self.candidates = candidates


class OutOfExistence(MultilateralError):
    """A question about an organization on a date when it did not exist."""

    exit_code = 2
    status = 400
    code = "out_of_existence"


class NoData(MultilateralError):
    """The knowledge base holds nothing to answer with (population for a year, say)."""

    exit_code = 2
    status = 404
    code = "no_data"


class DatabaseError(MultilateralError):
    """The database cannot be opened or used: missing, corrupt, not initialised, locked."""

    exit_code = 3
    status = 503
    code = "database_error"


class DataFileError(MultilateralError):
    """A bundled or given data file is missing or malformed."""

    exit_code = 3
    status = 500
    code = "data_file_error"


class NotFound(MultilateralError, LookupError):
    """No record with that id (a token, a candidate, an article)."""

    exit_code = 2
    status = 404
    code = "not_found"


class InvalidInput(MultilateralError, ValueError):
    """A request the library cannot carry out as given (an unknown review action, say)."""

    exit_code = 2
    status = 400
    code = "invalid_input"


class InvalidFact(MultilateralError, ValueError):
    """A fact (extracted, edited, sent to the API, read from a gold file) that the one fact
    format (docs/FACTS.md) does not allow: the field, the value and what is allowed."""

    exit_code = 2
    status = 400
    code = "invalid_fact"

    def __init__(self, field: str, value: object, allowed: Sequence[str] = (), *,
                 fact_type: str | None = None, problem: str | None = None) -> None:
        what = f"Invalid {fact_type} fact" if fact_type else "Invalid fact"
        if problem is None:
            problem = "is missing" if value is None else f"'{value}' is not allowed"
            if allowed:
                problem += f"; use one of {', '.join(allowed)}"
        super().__init__(f"{what}: {field} {problem} (docs/FACTS.md).")
        self.field = field
        self.value = value
        self.allowed = tuple(allowed)


def batch_exit_code(failed: int, total: int) -> int:
    """The one exit policy for a batch (articles read, candidates reviewed), shared by the CLI
    and the API: 0 when nothing failed, 1 when some items failed, 2 when all did."""
    if not failed:
        return 0
    return 2 if failed >= total else 1
