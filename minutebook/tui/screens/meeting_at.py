"""Opening a meeting at one item (a search hit, docs/search.md; a decision the compliance
screen lists, docs/compliance.md): its agenda's cursor on the item, and for a minute its
Minutes tab shown, scrolled so that the item's heading is at the top.

Kept out of `meeting.py` (a screen near its size limit). The Minutes tab is one text:
the heading's row is found among the rows drawn, once the text is laid out at the tab's
width.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from textual.app import App

    from minutebook.tui.screens.meeting import MeetingScreen


async def open_meeting_at(
    app: App[Any],
    meeting_id: int,
    item: int | None,
    *,
    minute: bool = False,
    tab: str | None = None,
) -> MeetingScreen:
    """The meeting screen pushed with the item selected on its agenda, and, with
    `minute`, its Minutes tab shown at the item's minute; or with `tab`, that tab
    ("attendance")."""
    from minutebook.tui.screens.meeting import MeetingScreen

    screen = MeetingScreen(meeting_id)
    await app.push_screen(screen)
    table = screen.agenda_table
    if item is not None and 0 < item <= table.row_count:
        table.move_cursor(row=item - 1)  # the agenda lists items by number
    # After the first refresh: the screen's own first focus (its agenda, queued as it
    # mounts) would otherwise take the tab back to the agenda. It did when the agenda's
    # cursor did not move (item 1, or no item): a hit on minute 1 opened the agenda.
    if minute and item is not None:
        screen.call_after_refresh(show_minute, screen, item)
    elif tab is not None:
        screen.call_after_refresh(screen.action_tab, tab)
    return screen


def heading_line(screen: MeetingScreen, item: int) -> str | None:
    """The Minutes tab's heading line of the item's minute, as `meeting_pages` draws it
    (its number and heading); None where the item has no minute."""
    record = screen.read_record().record
    titles = {i.number: i.title for i in record.agenda}
    for minute in record.minutes:
        if minute.item == item:
            heading = minute.heading or titles.get(minute.item, "")
            return f"{minute.number or ''} {heading}".strip()
    return None


def show_minute(screen: MeetingScreen, item: int) -> None:
    """Show the Minutes tab scrolled to the item's minute (the top, where it has none)."""
    screen.action_tab("minutes")
    heading = heading_line(screen, item)

    def scroll() -> None:
        if heading is None:
            return
        text = screen.minutes_text
        # The row it is drawn on, as drawn (wrapped by words at the tab's width).
        rows = (y for y in range(text.size.height) if text.render_line(y).text.strip() == heading)
        row = next(rows, None)
        view = screen.minutes_scroll
        if (row is None or view.max_scroll_y == 0) and tries:
            tries.pop()  # the text not laid out yet: once it is
            screen.set_timer(0.02, scroll)
        elif row is not None:
            view.scroll_to(y=row, animate=False, immediate=True)

    tries = [0] * 20
    screen.call_after_refresh(scroll)
