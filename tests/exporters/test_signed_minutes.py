"""Approved minutes as exported: no DRAFT anywhere, and the sign-off at the end, filled
from the approval stored when the later meeting approved them (docs/lifecycle.md).

Council style: seed 001's "approved and signed by the Chair as a correct record" and
"Signed: …………… Chair   Date: ……………", with the Chair's name and the date signed once
the minutes are signed. NHS style: seed 003's Name / Role / Date block ("Rima Makarem |
Chair | 08/07/2022" in the ICB's minutes of 1 July 2022). Drafts keep the dotted lines
and blank cells for a signature by hand."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import docx
from docx.document import Document as DocumentObject

from minutebook.application.exports import Document, build_document
from minutebook.application.lifecycle import MinutesLifecycle
from minutebook.exporters.common import save_document
from minutebook.store import Store

JUNE, SEPTEMBER = date(2023, 6, 13), date(2023, 9, 20)  # HCP, council style (seed 001)
JULY, LATE_JULY = date(2022, 7, 1), date(2022, 7, 29)  # ICB, NHS style (seed 003)
DOTS = "…" * 10


def _approve(
    store: Store, code: str, earlier: date, later: date, chair: str, **how: object
) -> None:
    """The later meeting approves the earlier minutes under its minutes item, and the
    Chair signs: as the approval form in live capture does it."""
    lifecycle = MinutesLifecycle(store)
    at = store.meeting_on(code, later).id or 0
    defaults = lifecycle.approval_defaults(at, later)
    assert defaults.item is not None
    lifecycle.approve(
        at,
        store.meeting_on(code, earlier).id or 0,
        item=defaults.item.number,
        amendment=how.get("amendment"),  # type: ignore[arg-type]
        chair=chair,
        signed_on=how.get("signed_on", later),  # type: ignore[arg-type]
        today=later,
    )


def _exported(store: Store, code: str, day: date, tmp_path: Path) -> DocumentObject:
    """The public minutes as the app and `minutebook export minutes` write them, read
    back from the saved .docx."""
    snapshot = store.minutes_snapshot(store.meeting_on(code, day).id or 0)
    build = build_document(Document.MINUTES, snapshot, None, day)
    path = save_document(build, tmp_path / f"{code} {day}.docx", overwrite=True)
    return docx.Document(str(path))


def _header(document: DocumentObject) -> str:
    return " ".join(p.text for s in document.sections for p in s.header.paragraphs)


def _texts(document: DocumentObject) -> list[str]:
    return [p.text for p in document.paragraphs if p.text.strip()]


def _approval_rows(document: DocumentObject) -> list[tuple[str, ...]]:
    table = document.tables[-1]
    return [tuple(cell.text for cell in row.cells) for row in table.rows]


def test_council_minutes_signed_by_the_chair_end_with_the_sign_off(
    demo_store: Store, tmp_path: Path
) -> None:
    draft = _exported(demo_store, "HCP", JUNE, tmp_path)
    assert "DRAFT" in _header(draft)
    assert _texts(draft)[-1] == f"Signed: {DOTS} Chair\tDate: {DOTS}"

    _approve(demo_store, "HCP", JUNE, SEPTEMBER, "Peter Marland")
    signed = _exported(demo_store, "HCP", JUNE, tmp_path)

    assert "DRAFT" not in _header(signed)
    assert "draft" not in (signed.core_properties.title or "").lower()
    assert _texts(signed)[-3:] == [
        "It was noted that the next meeting of the Health and Care Partnership would be "
        "held on Wednesday 20 September 2023 at 2.00 pm.",
        "Approved and signed by the Chair as a correct record at the meeting held on "
        "20 September 2023.",
        "Signed: Councillor Peter Marland (Chair)\tDate: 20 September 2023",
    ]


def test_council_sign_off_names_the_amendment_and_the_day_signed(
    demo_store: Store, tmp_path: Path
) -> None:
    _approve(
        demo_store,
        "HCP",
        JUNE,
        SEPTEMBER,
        "peter marland",  # as typed: the committee's Peter Marland, a Councillor
        amendment="HCP5: 'Annex A' should read 'Annex B'.",
        signed_on=date(2023, 9, 22),
    )
    texts = _texts(_exported(demo_store, "HCP", JUNE, tmp_path))
    assert texts[-2:] == [
        "Approved and signed by the Chair as a correct record at the meeting held on "
        "20 September 2023, subject to the following amendment: HCP5: 'Annex A' should "
        "read 'Annex B'.",
        "Signed: Councillor Peter Marland (Chair)\tDate: 22 September 2023",
    ]


def test_nhs_minutes_approved_fill_seed_003s_approval_block(
    demo_store: Store, tmp_path: Path
) -> None:
    draft = _exported(demo_store, "ICB", JULY, tmp_path)
    assert "DRAFT" in _header(draft)
    assert _approval_rows(draft) == [("Name", "Role", "Date"), ("", "Chair", "")]

    _approve(demo_store, "ICB", JULY, LATE_JULY, "Rima Makarem", signed_on=date(2022, 8, 8))
    approved = _exported(demo_store, "ICB", JULY, tmp_path)

    assert "DRAFT" not in _header(approved)
    assert "DRAFT" not in (approved.core_properties.title or "")
    texts = _texts(approved)
    assert texts[-1] == "Approval of Minutes"  # the block itself is the last table
    assert not any("amendment" in text for text in texts)
    assert _approval_rows(approved) == [
        ("Name", "Role", "Date"),
        ("Rima Makarem", "Chair", "08/08/2022"),
    ]


def test_nhs_minutes_approved_subject_to_an_amendment_say_so_above_the_block(
    demo_store: Store, tmp_path: Path
) -> None:
    _approve(
        demo_store,
        "ICB",
        JULY,
        LATE_JULY,
        "Rima Makarem",
        amendment="Item 8: for 'May' read 'June'.",
    )
    approved = _exported(demo_store, "ICB", JULY, tmp_path)
    assert _texts(approved)[-2:] == [
        "Approval of Minutes",
        "Approved at the meeting held on 29 July 2022 subject to the following amendment: "
        "Item 8: for 'May' read 'June'.",
    ]
    assert _approval_rows(approved)[1] == ("Rima Makarem", "Chair", "29/07/2022")


def test_the_later_meeting_still_a_draft_keeps_its_blank_signature(
    demo_store: Store, tmp_path: Path
) -> None:
    _approve(demo_store, "HCP", JUNE, SEPTEMBER, "Peter Marland")
    # The approving meeting's own minutes are a draft until the next meeting approves them.
    later = _exported(demo_store, "HCP", SEPTEMBER, tmp_path)
    assert "DRAFT" in _header(later)
    texts = _texts(later)
    assert texts[-1] == f"Signed: {DOTS} Chair\tDate: {DOTS}"
    assert not any(t.startswith("Approved and signed") for t in texts)
