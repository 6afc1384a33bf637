"""Pilot tests of setting up a committee: what the secretary types ends up in the store."""

from __future__ import annotations

from datetime import date, datetime

from textual.widgets import DataTable, Input, Static

from minutebook.store import Store
from minutebook.tui.app import MinutebookApp
from minutebook.tui.screens.committee import CommitteeScreen
from minutebook.tui.screens.committees import CommitteesScreen
from minutebook.tui.widgets.form import FormScreen

SIZE = (80, 24)


async def open_committee(pilot) -> CommitteeScreen:  # type: ignore[no-untyped-def]
    await pilot.pause()
    assert isinstance(pilot.app.screen, CommitteesScreen)
    await pilot.press("enter")
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, CommitteeScreen)
    return screen


async def fill(pilot, field: str, text: str) -> None:  # type: ignore[no-untyped-def]
    widget = pilot.app.screen.query_one(f"#field-{field}", Input)
    widget.value = text
    await pilot.pause()


async def test_committee_list_shows_the_committee(app: MinutebookApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        table = app.screen.query_one("#committees", DataTable)
        assert table.row_count == 1
        assert [str(cell) for cell in table.get_row_at(0)[:3]] == ["PAR", "Parish Council", "2"]


async def test_add_member_through_the_form_reaches_the_store(
    app: MinutebookApp, app_store: Store
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await open_committee(pilot)
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, FormScreen)
        # The first field has focus, so the secretary can start typing at once.
        focused = app.screen.focused
        assert focused is not None and focused.id == "field-name"
        await pilot.press(*"Mia Khan")
        assert app.screen.query_one("#field-name", Input).value == "Mia Khan"
        await fill(pilot, "honorific", "Dr")
        await fill(pilot, "initials", "MK")
        await fill(pilot, "title", "Clinical Lead")
        await fill(pilot, "tags", "Clinician, Vice Chair")
        await fill(pilot, "term_from", "01/06/2026")
        await fill(pilot, "deputies", "Sam Patel")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, CommitteeScreen)

    seats = app_store.seats("PAR")
    added = seats[-1]
    assert added.id == "S3"
    assert added.title == "Clinical Lead"
    assert added.tags == ("clinician", "vice_chair")
    assert added.term_from == date(2026, 6, 1)
    assert added.voting is True
    holder = app_store.person(added.holder or "")
    assert (holder.name, holder.honorific, holder.initials) == ("Mia Khan", "Dr", "MK")
    deputy = app_store.person(added.named_deputies[0])
    assert deputy.name == "Sam Patel"


async def test_bad_member_input_is_refused_inline_and_nothing_is_stored(
    app: MinutebookApp, app_store: Store
) -> None:
    before = app_store.seats("PAR")
    people_before = app_store.people()
    async with app.run_test(size=SIZE) as pilot:
        await open_committee(pilot)
        await pilot.press("a")
        await pilot.pause()
        await fill(pilot, "name", "Zoe Ng")
        await fill(pilot, "title", "")  # the role is required
        await fill(pilot, "term_from", "31/02/2026")
        await pilot.press("ctrl+s")
        await pilot.pause()
        # Still on the form, with a message, and what was typed is kept.
        assert isinstance(app.screen, FormScreen)
        message = str(app.screen.query_one("#form-errors", Static).render())
        assert "Term from" in message and "not a real date" in message
        assert app.screen.query_one("#field-name", Input).value == "Zoe Ng"
        await fill(pilot, "term_from", "")
        await pilot.press("ctrl+s")
        await pilot.pause()
        message = str(app.screen.query_one("#form-errors", Static).render())
        assert "Role: must be filled in" in message
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("y")  # discard what was typed
        await pilot.pause()
        assert isinstance(app.screen, CommitteeScreen)
    assert app_store.seats("PAR") == before
    assert app_store.people() == people_before


async def test_edit_member_changes_the_seat_not_a_new_one(
    app: MinutebookApp, app_store: Store
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await open_committee(pilot)
        await pilot.press("down")  # Bob Roy
        await pilot.press("e")
        await pilot.pause()
        assert app.screen.query_one("#field-name", Input).value == "Bob Roy"
        await fill(pilot, "title", "Vice-Chair")
        await fill(pilot, "tags", "vice_chair")
        await pilot.press("ctrl+s")
        await pilot.pause()
    seats = app_store.seats("PAR")
    assert len(seats) == 2
    assert seats[1].title == "Vice-Chair"
    assert seats[1].tags == ("vice_chair",)
    assert seats[1].holder == "bob-roy"


async def test_retire_member_asks_then_records_the_date(
    app: MinutebookApp, app_store: Store
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_committee(pilot)
        await pilot.press("down", "r")
        await pilot.pause()
        await pilot.press("n")  # change of mind: nothing happens
        await pilot.pause()
        assert app_store.seats("PAR")[1].retired_on is None
        await pilot.press("r")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        table = screen.query_one("#members-table", DataTable)
        assert table.row_count == 1  # retired members are hidden by default
        await pilot.press("h")
        await pilot.pause()
        assert table.row_count == 2
    assert app_store.seats("PAR")[1].retired_on == date(2026, 11, 25)


async def test_add_and_retire_an_organisation(app: MinutebookApp, app_store: Store) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await open_committee(pilot)
        await pilot.press("2")
        await pilot.pause()
        await pilot.press("a")
        await pilot.pause()
        await fill(pilot, "id", "VCS")
        await fill(pilot, "name", "Community Action")
        await fill(pilot, "constituency", "vcse")
        await pilot.press("ctrl+s")
        await pilot.pause()
        # A duplicate id is refused with a message and the form stays open.
        await pilot.press("a")
        await pilot.pause()
        await fill(pilot, "id", "VCS")
        await fill(pilot, "name", "Another")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, FormScreen)
        assert "already used" in str(app.screen.query_one("#form-errors", Static).render())
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("y")  # discard what was typed
        await pilot.pause()
        await pilot.press("down", "r")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
    orgs = {o.id: o for o in app_store.organisations("PAR")}
    assert orgs["VCS"].name == "Community Action"
    assert orgs["VCS"].constituency == "vcse"
    assert orgs["VCS"].retired_on == date(2026, 11, 25)


async def test_new_committee_from_the_first_screen(app: MinutebookApp, app_store: Store) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
        await fill(pilot, "code", "AUD")
        await fill(pilot, "name", "Audit Committee")
        await fill(pilot, "prefix", "AC")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen.query_one("#committees", DataTable).row_count == 2
    committee = app_store.committee("AUD")
    assert committee.name == "Audit Committee"
    assert committee.numbering.prefix == "AC"


async def test_terms_of_reference_tab_shows_the_rule(app: MinutebookApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_committee(pilot)
        await pilot.press("3")
        await pilot.pause()
        text = screen.query_one("#terms-text").source  # type: ignore[attr-defined]
        assert "1/3 of members (ceil), at least 3" in text
        assert "One third of the members, but never fewer than three." in text


async def test_help_screen_lists_this_screens_keys(app: MinutebookApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await open_committee(pilot)
        await pilot.press("f1")
        await pilot.pause()
        source = app.screen.query_one("Markdown").source  # type: ignore[attr-defined]
        assert "Retire" in source and "Show retired" in source
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, CommitteeScreen)


async def test_command_palette_opens_a_committee(app: MinutebookApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"open committee parish")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, CommitteeScreen)
        assert screen.code == "PAR"


async def test_member_detail_shows_the_whole_seat(app: MinutebookApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_committee(pilot)
        await pilot.pause()
        detail = str(screen.query_one("#member-detail", Static).render())
        assert "Seat S1: Chair · Parish Council · voting · tags: chair" in detail


async def test_a_retired_member_can_be_reinstated(app: MinutebookApp, app_store: Store) -> None:
    app_store.retire_seat("PAR", "S2", date(2026, 1, 1))
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_committee(pilot)
        await pilot.press("h")  # show retired
        await pilot.pause()
        table = screen.query_one("#members-table", DataTable)
        assert table.row_count == 2
        await pilot.press("down", "r")
        await pilot.pause()
        assert "Reinstate" in str(app.screen.query_one("#confirm-question", Static).render())
        await pilot.press("y")
        await pilot.pause()
    assert app_store.seats("PAR")[1].retired_on is None


async def test_keys_can_be_remapped_by_binding_id(app_store: Store, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """A secretary whose laptop lacks a key (or who prefers another) remaps it by id."""
    keys = tmp_path / "keys.yaml"
    keys.write_text("committees.new: c\n", encoding="utf-8")
    monkeypatch.setenv("MINUTEBOOK_KEYS", str(keys))
    app = MinutebookApp(app_store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("c")
        await pilot.pause()
        assert isinstance(app.screen, FormScreen)
        assert "New committee" in str(app.screen.query_one("#form-title", Static).render())


async def test_the_app_starts_on_the_light_file_and_builds_the_store_when_needed(
    app_store: Store,
) -> None:
    """As `minutebook` starts it: the list is read from the open file; opening a
    committee builds the full store on the same connection."""
    database = app_store.file
    app = MinutebookApp(database, clock=lambda: datetime(2026, 11, 25, 10, 0))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        table = app.screen.query_one("#committees", DataTable)
        row = [str(cell) for cell in table.get_row_at(0)]
        assert row == ["PAR", "Parish Council", "2", "10/12/2026", "Council"]
        screen = await open_committee(pilot)
        assert screen.code == "PAR"
        assert app.store is app_store
