"""Who holds an office, as a page says it: a title beside a person's name. The knowledge
base holds no officeholders, so these claims are found, judged unverifiable and counted."""

from __future__ import annotations

import re

from multilateral.check.claim import ArticleClaim
from multilateral.check.modality import stated
from multilateral.ingest.mentions import Mention
from multilateral.ingest.rules.context import Context

# Who holds an office: the title next to a person's name ("Secretary-General Zhang Ming",
# "Ursula von der Leyen, President of the European Commission").
_OFFICE = re.compile(
    r"\b(?P<office>(?:Deputy\s+)?Secretary[- ]General|Director[- ]General|Executive\s+"
    r"(?:Secretary|Director)|High\s+Representative|(?P<head>President|Chair(?:man|person|"
    r"woman)?(?:[- ]in[- ]Office)?|Registrar|Prosecutor|Commissioner))\b", re.IGNORECASE)
_NAME_WORD = r"(?:[A-Z][\w'’.-]+|(?:der|del|de|da|von|van|bin|al-\w+)\b)"
_NAME_AFTER = re.compile(r"^\s*,?\s+(?P<name>[A-Z][\w'’.-]+(?:\s+" + _NAME_WORD + r"){1,3})")
_NAME = r"(?P<name>[A-Z][\w'’.-]+(?:\s+" + _NAME_WORD + r"){1,3})"
# The name before its title: "X, (the) NATO ...", "elected X as the new AU Commission
# chairman", "X, Malta's Foreign Minister and the new OSCE Chair-in-Office", "X, assuming
# the post of PIF secretary-general" (a second title, or the taking of the office).
_NAME_BEFORE = (
    re.compile(_NAME + r",\s+(?:the\s+)?(?:\w+\s+){0,3}$"),
    re.compile(_NAME + r"\s+as\s+(?:the\s+|its\s+)?(?:new\s+|next\s+|incoming\s+)?"
               r"(?:[\w'’-]+\s+){0,3}$"),
    re.compile(_NAME + r",\s+(?:[\w'’-]+\s+){0,3}(?:and\s+(?:the\s+)?(?:new\s+)?|"
               r"(?:assuming|taking(?:\s+up)?|appointed|elected)\s+(?:as\s+)?(?:the\s+)?"
               r"(?:\w+\s+)?(?:post|office|role|position)\s+of\s+(?:the\s+)?)"
               r"(?:[\w'’-]+\s+){0,2}$"),
)
# Not a name, though capitalised: the words a sentence or a title may start with.
_NOT_NAME = {"The", "He", "She", "It", "On", "In", "At", "His", "Her", "This", "That", "Mr",
             "Mrs", "Ms", "Dr", "H.E.", "Of", "And", "For", "General", "Secretary", "Said",
             "Also", "Today", "Yesterday", "Assembly", "Council"}

# Courtesy titles a name may carry in front, which are not part of it.
_TITLES = {"Mr", "Mrs", "Ms", "Dr", "H.E", "Prof", "Sir", "Dame", "Madam", "Mme", "HE"}


def officeholders(context: Context, org: Mention | None) -> list[ArticleClaim]:
    """A title beside a person's name: who holds an office, which the knowledge base lacks.
    "Secretary-General of the United Nations Antonio Guterres", "NATO Secretary General
    Jens Stoltenberg", "Jens Stoltenberg, Secretary General of NATO"; a president or a
    chair only of an organization ("AU Chairman Azali Assoumani"), not of a state."""
    sentence = context.sentence
    text = sentence.text
    at = sentence.start
    found = []
    for match in _OFFICE.finditer(text):
        body, after_office = _office_of(context, at + match.end())
        if match.group("head") and body is None and not _org_just_before(context,
                                                                         at + match.start()):
            continue  # "President Putin": a head of state's office, not an organization's
        after = _NAME_AFTER.match(text[after_office - at:])
        before = next((m for p in _NAME_BEFORE if (m := p.search(text[:match.start()]))),
                      None)
        after_name = _untitled(after.group("name")) if after else None
        before_name = _untitled(before.group("name")) if before else None
        if after and after_name and _is_name(
                context, after_office + after.end("name") - len(after_name), after_name):
            lo, hi, name = match.start(), after_office - at + after.end(), after_name
        elif before and before_name and _is_name(
                context, at + before.end("name") - len(before_name), before_name):
            lo, hi, name = before.end("name") - len(before_name), after_office - at, before_name
        else:
            continue  # "the Secretary-General said": no one named as holding it
        start, end = at + lo, at + hi
        if not stated(context, start, end, tail=False, office=True):
            continue  # "will be Secretary-General", "not ... Director-General"
        holder = body or org
        found.append(ArticleClaim("officeholder", start, end, text[lo:hi],
                                  holder.id if holder else None,
                                  holder.name if holder else None,
                                  {"office": " ".join(match.group("office").split()),
                                   "person": name}))
    return found


def _untitled(name: str) -> str | None:
    """The name without the courtesy titles or the possessive before it ("H.E. Dr Nkosazana
    Dlamini-Zuma", "Mr Jose Manuel Barroso", "Chad's Moussa Mahamat"); None when only
    titles remain."""
    words = name.split()
    while words and (words[0].rstrip(".") in _TITLES or re.search(r"['’]s$", words[0])):
        words = words[1:]  # a title, or whose the person is ("Chad's Moussa Mahamat")
    return " ".join(words) if words else None


def _office_of(context: Context, end: int) -> tuple[Mention | None, int]:
    """The organization an office is "of" ("Secretary-General of the United Nations"), and
    where the words naming it end."""
    of = re.match(r"\s+of\s+(?:the\s+)?", context.article.text[end:end + 12])
    if of is None:
        return None, end
    body = next((m for m in context.mentions if m.start == end + of.end()
                 and m.type == "organization"), None)
    if body is None:
        return None, end
    tail = re.match(r"\s*\([^)]{1,20}\)", context.article.text[body.end:body.end + 24])
    return body, body.end + (tail.end() if tail else 0)


def _org_just_before(context: Context, start: int) -> bool:
    """ "AU Chairman", "the European Council president", "the commission's president"."""
    head = context.article.text[max(0, start - 14):start]
    return any(m.type == "organization" and 0 <= start - m.end <= 3 for m in context.mentions) \
        or re.search(r"\b(?:commission|council|assembly|parliament|bank)['’]s\s+$", head,
                     re.IGNORECASE) is not None


def _is_name(context: Context, start: int, name: str) -> bool:
    """A person's name: not a word that opens a sentence or a title, and not a name the
    reader knows as an organization, a state or a place."""
    if name.split()[0] in _NOT_NAME:
        return False
    end = start + len(name)
    return not any(m.start < end and start < m.end for m in context.mentions)
