"""A committee's own Word template: chosen in the committee's details (checked while the
path is in view), then used by every export from the app and the command line."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner
from textual.widgets import Input, Select, Static

from minutebook.store import Store
from minutebook.tui.app import MinutebookApp
from minutebook.tui.cli import main
from minutebook.tui.screens.committee import CommitteeScreen
from minutebook.tui.screens.meeting import MeetingScreen
from minutebook.tui.widgets.form import FormScreen

HOUSE_HEADER = "Milton Keynes City Council · Democratic Services"


@pytest.fixture
def house_template(tmp_path: Path) -> Path:
    """A council's template: its own header line and sample text in the body."""
    document = docx.Document()
    document.sections[0].header.paragraphs[0].text = HOUSE_HEADER
    document.add_paragraph("Sample text that must not reach the minutes.")
    path = tmp_path / "house.docx"
    document.save(str(path))
    return path


def _header_text(path: Path) -> str:
    document = docx.Document(str(path))
    return "\n".join(p.text for s in document.sections for p in s.header.paragraphs)


async def _save_template(pilot, text: str) -> str:  # type: ignore[no-untyped-def]
    """Type `text` as the Word template and save; the form's errors, or "" if it closed."""
    app = pilot.app
    app.screen.query_one("#field-word_template", Input).value = text
    await pilot.press("ctrl+s")
    await pilot.pause()
    if isinstance(app.screen, FormScreen):
        return str(app.screen.query_one("#form-errors", Static).render())
    return ""


async def test_the_template_is_checked_saved_and_used_by_exports(
    demo_store: Store, house_template: Path, tmp_path: Path
) -> None:
    app = MinutebookApp(demo_store, clock=lambda: datetime(2023, 6, 20, 9, 0))
    not_docx = tmp_path / "broken.docx"
    not_docx.write_text("not a Word file", encoding="utf-8")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        app.push_screen(CommitteeScreen("HCP"))
        await pilot.pause()
        await pilot.press("d")
        await pilot.pause()
        assert isinstance(app.screen, FormScreen)

        assert "must be a Word .docx or .dotx file" in await _save_template(pilot, "house.pdf")
        missing = await _save_template(pilot, str(tmp_path / "nowhere.docx"))
        assert "Word template: the template" in missing and "does not exist" in missing
        assert "is not a .docx file" in await _save_template(pilot, str(not_docx))
        assert demo_store.committee("HCP").word_template is None  # nothing stored meanwhile

        assert await _save_template(pilot, str(house_template)) == ""
        assert demo_store.committee("HCP").word_template == str(house_template.resolve())

        # Exported from the meeting screen: the template's header, none of its sample text.
        out = tmp_path / "exports"
        out.mkdir()
        app.push_screen(MeetingScreen(demo_store.meeting_on("HCP", date(2023, 6, 13)).id or 0))
        await pilot.pause()
        await pilot.press("x")
        await pilot.pause()
        app.screen.query_one("#field-folder", Input).value = str(out)
        await pilot.press("ctrl+s")
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        # The template moved away since: the export says so, and writes nothing.
        moved = house_template.rename(tmp_path / "moved.docx")
        await pilot.press("x")
        await pilot.pause()
        app.screen.query_one("#field-folder", Input).value = str(out)
        app.screen.query_one("#field-replace", Select).value = "yes"
        await pilot.press("ctrl+s")
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        messages = [n.message for n in app._notifications]
        assert any("HCP's Word template" in m and "is missing" in m for m in messages), messages
        moved.rename(house_template)
    exported = out / "HCP minutes 2023-06-13 (draft).docx"
    assert HOUSE_HEADER in _header_text(exported)
    body = "\n".join(p.text for p in docx.Document(str(exported)).paragraphs)
    assert "HCP1 Welcome, Introductions and Apologies" in body
    assert "Sample text" not in body


def test_the_command_line_uses_the_committee_template_unless_told_otherwise(
    demo_path: Path, house_template: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with Store.open(demo_path) as opened:
        hcp = opened.committee("HCP")
        opened.update_committee(hcp.model_copy(update={"word_template": str(house_template)}))
    monkeypatch.chdir(tmp_path)
    runner = CliRunner()
    base = ["--db", str(demo_path), "export", "agenda", "--committee", "HCP"]
    result = runner.invoke(main, [*base, "--date", "2023-09-20", "-o", "a.docx"])
    assert result.exit_code == 0, result.output
    assert HOUSE_HEADER in _header_text(tmp_path / "a.docx")

    plain = docx.Document()
    plain.save(str(tmp_path / "plain.docx"))
    result = runner.invoke(
        main, [*base, "--date", "2023-09-20", "-o", "b.docx", "--template", "plain.docx"]
    )
    assert result.exit_code == 0, result.output
    assert HOUSE_HEADER not in _header_text(tmp_path / "b.docx")

    house_template.unlink()
    result = runner.invoke(main, [*base, "--date", "2023-09-20", "-o", "c.docx"])
    assert result.exit_code == 2
    assert result.stderr == (
        f"minutebook: HCP's Word template {house_template} is missing; choose another in "
        "the committee's details (d on the committee's screen)\n"
    )
    assert not (tmp_path / "c.docx").exists()
