"""How a committee words its decisions (docs/minutes.md, "Wording"): the word the
minutes call the body by, the example a decision form shows, and the sentence the NHS
minutes make of a resolution.

- The body is "the Board" for "Board of the ... Integrated Care Board", else the last
  word of the committee's name ("Health and Care Partnership": "the Partnership").
- A council's resolutions read "That the Committee ..." (seed 001's "RESOLVED - That
  the Partnership ..."); an NHS body's read "To approve ..." (seed 003: "The Board
  agreed the following: (a) To establish ...", "(c) To approve ..."). A form's example
  is the committee's own, never another's.
- A named vote's example is typed with the committee's own members' surnames.
- The NHS minutes lead a resolution in with "The Board resolved": a text typed "That
  the Board approves the review" does not name the Board twice ("The Board resolved
  that the Board approves ..."): it reads "The Board resolved to approve the review",
  as seed 003 words what the Board resolves; "That the Board is assured ..." reads
  "The Board resolved that it is assured ..."; "That the Board notes the update",
  noted, reads "The Board noted the update".
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from minutebook.domain.bodies import BodyType
from minutebook.domain.committee import Person
from minutebook.domain.register import surname_forename

AUXILIARIES = frozenset(
    {
        *("is", "are", "was", "were", "be", "been", "has", "have", "had", "do", "does"),
        *("did", "will", "shall", "should", "would", "may", "might", "can", "could", "must"),
    }
)
"""Words after "That the Board" that are no verb to put after "to": the sentence keeps
"that it" instead ("resolved that it is assured")."""


def body_word(committee_name: str) -> str:
    """ "Board" for "Board of the ... ICB", else the last word ("Committee")."""
    words = committee_name.split() or ["Committee"]
    return words[0] if words[0].lower() == "board" else words[-1]


def decision_example(committee_name: str, body_type: BodyType) -> str:
    """The decision form's example of a resolution, in the committee's own words."""
    if body_type is BodyType.NHS_BODY:
        return "To approve ... (or NOTED: ...)"
    return f"That the {body_word(committee_name)} ... (or NOTED: ...)"


def named_vote_example(members: Sequence[Person]) -> str:
    """A named vote's example from the committee's members' surnames, as a named vote is
    read (`register.surname_forename`: "Smith" for "Tony Smith OBE", "van der Berg"):
    the first two for, the third against ("For: Marland, Hopkins; Against: Bradburn")."""
    names = list(
        dict.fromkeys(surname_forename(p.name, p.honorific)[0] for p in members if p.name.split())
    )
    if not names:
        return "For: name, name; Against: name"
    against = names[2:3] or ["name"]
    return f"For: {', '.join(names[:2])}; Against: {against[0]}"


def lower_first(text: str) -> str:
    """ "That the ..." -> "that the ..."; "ICB ..." (an acronym) is left alone."""
    if len(text) > 1 and text[0].isupper() and text[1].islower():
        return text[0].lower() + text[1:]
    return text


def minuted_sentence(body: str, verb: str, text: str, *, resolves: bool = True) -> str:
    """The sentence "The Board <verb> ..." for a decision typed as `text`; `resolves`:
    the verb decides something (resolved, agreed), not a noting verb, so that "That the
    Board approves X" reads "The Board resolved to approve X"."""
    match = re.match(rf"that\s+(?:the\s+)?{re.escape(body)}\s+(\w+)\b(.*)", text, re.I | re.S)
    if match is None:
        return f"The {body} {verb} {lower_first(text)}"
    word, rest = match.group(1), match.group(2)
    if word.lower() in AUXILIARIES:
        return f"The {body} {verb} that it {word}{rest}"
    if resolves:
        return f"The {body} {verb} to {_base_form(word)}{rest}"
    return f"The {body} {verb}{rest}"  # "That the Board notes the update": noted the update


BASE_ENDS_IN_S = {"focuses": "focus", "biases": "bias", "canvases": "canvas"}
"""Verbs whose base form itself ends in "s" and takes "-es" (not "-sses"): "focuses" is
"focus", where "uses", "causes" and "proposes" drop only the "s"."""


def _base_form(word: str) -> str:
    """ "approves" -> "approve", "ratifies" -> "ratify", "establishes" -> "establish",
    "focuses" -> "focus", "prioritizes" -> "prioritize", "undergoes" -> "undergo";
    "approve" (typed already as "That the Board approve ...") stays."""
    lower = word.lower()
    if lower in BASE_ENDS_IN_S:
        return BASE_ENDS_IN_S[lower]
    if lower.endswith("ies") and len(lower) > 4:
        return lower[:-3] + "y"
    # "-es" after a hissing sound is the ending's own ("discusses", "approaches",
    # "fixes", "buzzes"); after one "z" or "s" it is the word's ("prioritizes",
    # "endorses"); after "o" it is the ending's ("goes", "undergoes", "vetoes").
    if lower.endswith(("sses", "shes", "ches", "xes", "zzes", "oes")):
        return lower[:-2]
    if lower.endswith("s") and not lower.endswith("ss"):
        return lower[:-1]
    return lower
