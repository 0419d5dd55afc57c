"""Whether the parties an article names to an instrument are those the knowledge base
records: the same organizations, or one's body for the other ("the SCO Secretariat" for
the SCO)."""

from __future__ import annotations


class Parties:
    def __init__(self, parents: dict[str, str]) -> None:
        self.parents = parents  # a body's organization, by id

    def same(self, claimed: list[str], recorded: list[str]) -> bool:
        """Each party named is one recorded (or its body or parent), and each recorded
        one is named: another pair's memorandum is not this one."""
        return (all(any(self.related(a, b) for b in recorded) for a in claimed)
                and (len(claimed) < 2
                     or all(any(self.related(a, b) for a in claimed) for b in recorded)))

    def related(self, a: str, b: str) -> bool:
        return a == b or self._ancestor(a, b) or self._ancestor(b, a)

    def _ancestor(self, older: str, younger: str) -> bool:
        while younger in self.parents:
            younger = self.parents[younger]
            if younger == older:
                return True
        return False
