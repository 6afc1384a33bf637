"""Quorum verdicts as text for a terminal and as JSON for other tools."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from minutebook.domain.forecast import Forecast
from minutebook.domain.quorum_engine import Verdict


def verdict_json(verdict: Verdict, names: Mapping[str, str]) -> dict[str, Any]:
    """``{"verdict", "counted", "failed", "excluded"}`` with people by name."""

    def name(key: str) -> str:
        return names.get(key, key)

    return {
        "verdict": verdict.verdict,
        "counted": sorted(name(p) for p in verdict.counted),
        "failed": [
            {"clause": f.clause, "have": f.have, "need": f.need, "text": f.text}
            for f in verdict.failed
        ],
        "excluded": [{"person": name(e.person), "reason": e.reason} for e in verdict.excluded],
    }


def meeting_json(
    opening: Verdict, items: Mapping[int, Verdict], names: Mapping[str, str]
) -> dict[str, Any]:
    return {
        "opening": verdict_json(opening, names),
        "items": {str(item): verdict_json(v, names) for item, v in items.items()},
    }


def meeting_table(
    opening: Verdict,
    items: Mapping[int, Verdict],
    names: Mapping[str, str],
    titles: Mapping[int, str] | None = None,
) -> str:
    """A readable report: one line a moment, reasons under each inquorate one, and who
    was left out (at the opening, then only changes at each item)."""
    titles = titles or {}

    def name(key: str) -> str:
        return names.get(key, key)

    lines: list[str] = []
    rows = [("Opening", opening), *((f"Item {n}", v) for n, v in items.items())]
    width = max(len(label) for label, _ in rows)
    previous: set[tuple[str, str]] = set()
    for label, verdict in rows:
        state = "quorate" if verdict.quorate else "INQUORATE"
        title = titles.get(verdict.item or 0, "") if verdict.item else ""
        lines.append(
            f"{label:<{width}}  {state:<9}  {len(verdict.counted):>3} counted"
            + (f"  {title}" if title else "")
        )
        for failure in verdict.failed:
            lines.append(f"{'':<{width}}    - {failure.text}")
        excluded = {(name(e.person), e.reason) for e in verdict.excluded}
        shown = excluded if verdict.item is None else excluded - previous
        for person, reason in sorted(shown):
            lines.append(f"{'':<{width}}    not counted: {person} ({reason})")
        for note in verdict.notes:
            lines.append(f"{'':<{width}}    note: {name(note.person)} {note.text}")
        previous = excluded
    return "\n".join(lines)


def forecast_text(result: Forecast, names: Mapping[str, str]) -> str:
    def name(key: str) -> str:
        return names.get(key, key)

    verdict = result.verdict
    lines = [
        f"Apologies received from {len(result.sent_apologies)}: "
        + (", ".join(name(p) for p in result.sent_apologies) or "none"),
        f"If everyone else comes: {'quorate' if verdict.quorate else 'INQUORATE'} "
        f"({len(verdict.counted)} counted)",
    ]
    lines += [f"  - {f.text}" for f in verdict.failed]
    if result.chase:
        lines.append("To be quorate, ask to attend: " + ", ".join(name(p) for p in result.chase))
    elif result.chase is None:
        lines.append("Even if everyone who sent apologies came, it would not be quorate.")
    return "\n".join(lines)
