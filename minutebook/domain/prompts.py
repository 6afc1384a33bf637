"""Prompts: which members' registered interests may touch an agenda item
(docs/register.md#prompts).

The secretary's question at the declarations item is who is likely to be conflicted on
which item. An item may touch a member when

- the organisation an interest concerns is named in the item (its title, description or
  lead), as a phrase: "Bedford Borough Council", not "council";
- a significant word of an interest's description is one of the words of the item's
  title or description (not its lead: "Chief Medical Officer" names a role, and a role's
  words would prompt every interest that shares them): words are
  compared lower case, plurals stemmed ("pharmacies" meets "pharmacy"), and the words every
  NHS or council paper uses ("board", "NHS", "report", "care", "health", "chair", ...) do
  not count, nor do an interest's address, numbers and postcodes, nor the committee's own
  area: a word in the names of two or more of its organisations ("Milton", "Keynes",
  "Luton") and the initials of a run of them ("MK", "BLMK");
- the organisation of the member's own seat is named in the item, as a phrase, unless it
  holds three or more of the committee's seats (`OWN_BODY_SEATS`): then it is the
  committee's own body (the council a partnership belongs to), not an interest;
- an organisation named short: its name without the committee's area at its start
  ("Health and Care Partnership" for "Bedfordshire, Luton and Milton Keynes Health and
  Care Partnership"), when what remains is at least three words that are not common
  English, is no other organisation's short name and not part of the committee's own
  name (the Board of the ICB does not prompt everyone who sits for the ICB when an
  item says "Integrated Care Board"), and the item does not give it a name of its own:
  the short name starts the text or follows a punctuation mark, a common English word
  or the area's initials ("BLMK"), not another name ("MK Together Health and Care
  Partnership" is another partnership).

"&" is read as "and" everywhere.

A few abbreviations registers use stand for the words an agenda uses: "PCN" (primary
care network) and "GP" (general practice) meet "primary".

Tuned on seed 003's agenda of 29 July 2022 with its register (tests/domain/
test_prompt_rule.py gives the figures). `PromptIndex` reads the register once so an
agenda's prompts are a look-up per word (bench/prompts.py).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from minutebook.domain.committee import Organisation, Seat
from minutebook.domain.meeting import AgendaItem, InterestCategory
from minutebook.domain.register import Interest

_STOP = """a about above after all also an and any are as at be been being both but by can
    could did do does for from further had has have he her his i if in into is it its
    may me more most my no not of on or our out over own same she should so some such
    than that the their them then there these they this those through to too under until
    up very was we were what when where which while who whom why will with would you
    your new next other each any"""
STOP_WORDS = frozenset(_STOP.split())

_GENERIC = """
    nhs icb icbs ccg ccb ics board boards committee council report reports update updates
    care health healthcare service services integrated integrating integration system
    trust foundation hospital hospitals partnership partner partners member members
    membership organisation organisations body bodies group network
    chair vice chief executive director officer manager lead interim deputy senior
    head associate non trustee trustees governor governors president secretary
    interest interests register registered declaration declarations relevant person people
    public private sector meeting meetings minutes minute matter matters arising item items
    agenda paper papers approval approve agree agreed discuss discussion note noting review
    reports verbal draft plan plans planning strategy strategic statement framework
    quality performance assurance risk risks management business any welcome
    introduction apologies question questions communication communications future approach
    resident patient transformation commissioner commissioning commissioned commission
    provide provides provided providing work working role roles time date day week month year
    january february march april june july august september october november december
    ltd limited plc company co uk england national local regional region
    road street unit avenue lane way
    """
GENERIC_WORDS = frozenset(_GENERIC.split())
"""Words that do not make an interest touch an item: the vocabulary of every NHS or
council paper, roles, months, company and address words (tuned on seed 003)."""

ABBREVIATIONS: dict[str, tuple[str, ...]] = {
    "pcn": ("primary",),
    "pcns": ("primary",),
    "gp": ("primary", "practice"),
    "gps": ("primary", "practice"),
}
"""A register's abbreviations, with the significant words an agenda uses for them."""

_WORD = re.compile(r"[^\W_]+")
_TOKEN = re.compile(r"[^\W_]+|[^\w\s]")
_ADDRESS = re.compile(r"\baddress\b:?[^.]*", re.IGNORECASE)


def stem(word: str) -> str:
    """A word without its plural ending: "pharmacies" -> "pharmacy", "businesses" ->
    "business", "services" -> "service"; "access" and "status" stay."""
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if word.endswith("sses"):
        return word[:-2]
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def _plain(text: str) -> str:
    """A text lower case, possessives off and "&" read as "and"."""
    return text.lower().replace("'s", " ").replace("\u2019s", " ").replace("&", " and ")


def words(text: str) -> list[str]:
    """The words of a text, lower case, possessives off ("Chair's" -> "chair"), "&" read
    as "and"."""
    return _WORD.findall(_plain(text))


def tokens(text: str) -> list[str]:
    """A text's words (as `words`) with the punctuation between them, one mark a token;
    each line of the text starts with a line break token."""
    found: list[str] = []
    for line in _plain(text).splitlines():
        found.append("\n")
        found.extend(_TOKEN.findall(line))
    return found


def short_name(name: str, area: frozenset[str]) -> tuple[str, str] | None:
    """An organisation's name without the committee's area at its start, and the
    initials of the area words taken off: ("health and care partnership", "blmk") for
    "Bedfordshire, Luton and Milton Keynes Health and Care Partnership". None when no
    area word starts the name, or what remains is under three words other than common
    English ones ("Milton Keynes Council" leaves "council")."""
    said = words(name)
    start = 0
    while start < len(said) and (said[start] in STOP_WORDS or stem(said[start]) in area):
        start += 1
    taken = [w for w in said[:start] if w not in STOP_WORDS]
    rest = said[start:]
    if not taken or len([w for w in rest if w not in STOP_WORDS]) < SHORT_NAME_WORDS:
        return None
    return " ".join(rest), "".join(w[0] for w in taken)


SHORT_NAME_WORDS = 3
"""The fewest words other than common English a short name keeps: "Health and Care
Partnership" is a name, "Foundation Trust" and "Council" are every area's."""


def area_words(organisations: Iterable[Organisation]) -> frozenset[str]:
    """The committee's own area: the stems in the names of two or more of its organisations
    ("milton", "keynes", "luton"), and the initials of each run of two or more of them
    in a name ("mk", "blmk")."""
    seen: dict[str, int] = {}
    names = [[stem(w) for w in words(o.name) if w not in STOP_WORDS] for o in organisations]
    for name in names:
        for word in set(name):
            seen[word] = seen.get(word, 0) + 1
    area = {w for w, n in seen.items() if n >= 2 and w not in GENERIC_WORDS}
    initials = set()
    for name in names:
        run = [w for w in name if w in area]
        for start in range(len(run)):
            for end in range(start + 2, len(run) + 1):
                initials.add("".join(w[0] for w in run[start:end]))
    return frozenset(area | initials)


def significant(text: str, ignored: frozenset[str] = frozenset()) -> frozenset[str]:
    """The stems of a text's words that can make an interest touch an item."""
    found: set[str] = set()
    for word in words(text):
        if word in ABBREVIATIONS:
            found.update(ABBREVIATIONS[word])
            continue
        if word.isdigit() or any(c.isdigit() for c in word) or len(word) < 3:
            continue
        if word in STOP_WORDS or word in GENERIC_WORDS:
            continue
        stemmed = stem(word)
        if stemmed not in GENERIC_WORDS and stemmed not in ignored:
            found.add(stemmed)
    return frozenset(found)


def phrase(text: str) -> str:
    """A name as a phrase to find in an item: its words joined by single spaces."""
    return " ".join(words(text))


def item_text(item: AgendaItem, *, lead: bool = True) -> str:
    """What an item says of itself: its title, description and (unless not asked) lead."""
    parts = (item.title, item.description, item.lead if lead else None)
    return "\n".join(part for part in parts if part)


@dataclass(frozen=True)
class Prompt:
    """A member whose interest may touch an item, and why."""

    person: str
    interest: Interest | None
    """The registered interest (None: the member's own seat's organisation is named)."""
    reason: tuple[str, ...]
    """The words or organisation that met the item ("primary"; "Milton Keynes Council")."""

    @property
    def summary(self) -> str:
        """The interest in a few words, for a prompt's line: the organisation it concerns,
        else its description's beginning; for a seat, the organisation (cut at 48
        characters, with "…")."""
        if self.interest is None:
            text = self.reason[0] if self.reason else ""
        else:
            text = self.interest.organisation or self.interest.description
        return text if len(text) <= 48 else text[:47].rstrip(" ,;") + "…"


OWN_BODY_SEATS = 3
"""The fewest current seats an organisation holds on a committee to be the committee's
own body, whose naming in an item prompts none of those who sit for it: a partner sends
one or two (a council's leader and its director of public health, Luton Council's two
on the ICB Board); the body a committee belongs to fills many (Milton Keynes City
Council's 8 of the Health and Care Partnership's 19, the ICB's 12 of its Board's 25).
A share of the seats would not do: on a small committee two of six is a quarter."""


class PromptIndex:
    """The register (as on the meeting's date) and the seats read once, so an item's
    prompts are a look-up of its words and phrases."""

    def __init__(
        self,
        interests: Sequence[Interest],
        seats: Sequence[Seat] = (),
        organisations: Sequence[Organisation] = (),
        committee: str = "",
    ) -> None:
        """`committee` is the committee's name: a short name in it is the committee's own
        body, which every member sits for."""
        self._area = area_words(organisations)
        self._own = f" {phrase(committee)} "
        self._interests = list(interests)
        self._by_word: dict[str, list[int]] = {}
        for index, interest in enumerate(self._interests):
            description = _ADDRESS.sub(" ", interest.description)
            for word in significant(description, self._area):
                self._by_word.setdefault(word, []).append(index)
        # Phrases (organisation names) keyed by their first word, so an item is scanned
        # once, word by word, whatever the number of organisations.
        self._phrases: dict[str, list[tuple[str, int | None, str, str]]] = {}
        # Short names, by their first word: the words, the area's initials that may
        # stand before them, and who they prompt.
        self._short: dict[str, list[tuple[tuple[str, ...], str, int | None, str, str]]] = {}
        self._shorts = self._short_names(
            [i.organisation for i in self._interests if i.organisation]
            + [o.name for o in organisations]
        )
        for index, interest in enumerate(self._interests):
            if interest.organisation:
                self._add_phrase(interest.organisation, index, interest.person)
        names = {o.id: o.name for o in organisations}
        held = [s for s in seats if s.holder and s.org in names and s.is_current]
        count: dict[str | None, int] = {}
        for seat in held:
            count[seat.org] = count.get(seat.org, 0) + 1
        for seat in held:
            # An organisation holding many of the seats is the committee's own body (the
            # council a partnership belongs to), not an interest of each who sits for it.
            if seat.holder and seat.org and count[seat.org] < OWN_BODY_SEATS:
                self._add_phrase(names[seat.org], None, seat.holder)

    def _short_names(self, names: Iterable[str]) -> dict[str, tuple[str, str]]:
        """Each organisation's short name (`short_name`), where no other organisation
        has the same and the committee's own name does not hold it."""
        found: dict[str, tuple[str, str]] = {}
        owners: dict[str, set[str]] = {}
        for name in dict.fromkeys(names):
            short = short_name(name, self._area)
            if short is not None and f" {short[0]} " not in self._own:
                found[name] = short
                owners.setdefault(short[0], set()).add(phrase(name))
        return {n: s for n, s in found.items() if len(owners[s[0]]) == 1}

    def _add_phrase(self, name: str, index: int | None, person: str) -> None:
        said = phrase(name)
        if said:
            first = said.split(" ", 1)[0]
            self._phrases.setdefault(first, []).append((said, index, person, name))
        if name in self._shorts:
            short, initials = self._shorts[name]
            shown = tuple(short.split(" "))
            entry = (shown, initials, index, person, name)
            self._short.setdefault(shown[0], []).append(entry)

    def _short_met(self, text: str) -> list[tuple[int | None, str, str]]:
        """The organisations named short in a text, not as part of a name of the
        item's own (interest index or None for a seat, person, full name)."""
        said = tokens(text)
        met = []
        for at, token in enumerate(said):
            for short, initials, index, person, name in self._short.get(token, ()):
                if tuple(said[at : at + len(short)]) != short:
                    continue
                before = said[at - 1] if at else "\n"
                if before.isalnum() and before not in STOP_WORDS and before != initials:
                    continue  # "MK Together Health and Care Partnership": another one
                met.append((index, person, name))
        return met

    def for_item(self, item: AgendaItem) -> list[Prompt]:
        """The prompts for one item: one per interest met (and per member whose seat's
        organisation is named), in the register's order, seats last."""
        text = item_text(item)
        said = words(text)
        joined = f" {' '.join(said)} "
        reasons: dict[int, list[str]] = {}
        seats: dict[str, str] = {}
        for word in dict.fromkeys(said):
            for said_name, index, person, name in self._phrases.get(word, ()):
                if f" {said_name} " not in joined:
                    continue
                if index is None:
                    seats.setdefault(person, name)
                else:
                    reasons.setdefault(index, []).append(name)
        for index, person, name in self._short_met(text) if self._short else ():
            if index is None:
                seats.setdefault(person, name)
            elif name not in reasons.get(index, ()):
                reasons.setdefault(index, []).append(name)
        for word in sorted(significant(item_text(item, lead=False), self._area)):
            for index in self._by_word.get(word, ()):
                reasons.setdefault(index, []).append(word)
        found = [
            Prompt(self._interests[i].person, self._interests[i], tuple(reasons[i]))
            for i in sorted(reasons)
        ]
        found += [Prompt(person, None, (name,)) for person, name in seats.items()]
        return found


def prompts(
    items: Sequence[AgendaItem],
    interests: Sequence[Interest],
    seats: Sequence[Seat] = (),
    organisations: Sequence[Organisation] = (),
    committee: str = "",
) -> dict[int, list[Prompt]]:
    """For each agenda item (by number), the members whose registered interests may
    touch it. `interests` is the register as on the meeting's date (`register_on`);
    `committee` the committee's name."""
    index = PromptIndex(interests, seats, organisations, committee)
    return {item.number: index.for_item(item) for item in items}


def still_open(
    found: Sequence[Prompt],
    item: int,
    declared: Iterable[tuple[str, int]],
    dismissed: Iterable[tuple[int, str, int | None]],
    here: Iterable[str] | None = None,
) -> list[Prompt]:
    """The prompts for `item` still to answer: not dismissed (item, person, interest id),
    not of a member who has declared on the item already (person, item), and, when
    `here` is given, only of the people in the room at the item: a member not recorded
    at the meeting, sending apologies, absent, gone or out for an interest cannot
    declare, so is not named (docs/register.md#prompts)."""
    done = set(declared)
    gone = set(dismissed)
    present = None if here is None else set(here)
    return [
        p
        for p in found
        if (p.person, item) not in done
        and (present is None or p.person in present)
        and (item, p.person, p.interest.id if p.interest else None) not in gone
    ]


def declaration_words(
    prompt: Prompt, categories: Sequence[InterestCategory]
) -> tuple[InterestCategory, str]:
    """The category and nature a prompt's declaration starts from: the register's
    (its category if this body's members declare it, else the body's usual one), or for
    a seat, a professional interest in its organisation. A nature longer than a
    declaration's is cut at a word, with "…"."""
    if prompt.interest is None:
        nature = prompt.reason[0] if prompt.reason else ""  # the organisation, whole
        wanted = InterestCategory.NON_FINANCIAL_PROFESSIONAL
    else:
        wanted, nature = prompt.interest.category, prompt.interest.description
    category = wanted if wanted in categories else categories[0]
    if len(nature) > NATURE_LENGTH:
        nature = nature[: NATURE_LENGTH - 1].rsplit(" ", 1)[0].rstrip(" ,;.") + "…"
    return category, nature


NATURE_LENGTH = 300
"""The longest nature a declaration holds (`domain.base.Name`)."""


def in_register(person: str, nature: str, interests: Iterable[Interest]) -> bool:
    """Whether a declaration's nature is in the person's register already: an interest
    of theirs says the same (its description, or the beginning a prompt's declaration
    kept of it), or the nature names its organisation. A declaration that is not is
    offered to the register (docs/register.md#prompts)."""
    said = phrase(nature.removesuffix("…"))
    if not said:
        return True
    for interest in interests:
        if interest.person != person:
            continue
        if phrase(interest.description).startswith(said):
            return True
        if interest.organisation and f" {phrase(interest.organisation)} " in f" {said} ":
            return True
    return False
