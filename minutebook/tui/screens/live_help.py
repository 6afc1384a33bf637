"""What live capture's help page says (F1): its keys and how marks are placed."""

LIVE_HELP = """## Live capture

Type the discussion of the current item on the right; it is saved as you type. `F7` /
`F8` move to the previous / next item (the minute number is issued when an item is first
minuted). `F3` records a decision (RESOLVED, AGREED, NOTED …), with its vote if one
was taken (numbers for, against and abstaining, a named vote, proposer and seconder, the
Chair's casting vote on equal votes), and puts its line, `[decision 2]`, in the text
where the cursor was: it is printed there (delete the line
and it is printed after the minute); `F4` an action (owner, due date, and the name the
minutes' Action column prints for it where it is not the owner's own) without leaving
the item, its line `[action 3]` put in the text where the cursor was: the NHS minutes
name who is to act beside what is above it; `F5` a declaration of interest with the
Chair's ruling (where a line under the item's title names possible interests from the
register, `F5` starts from it, its category and wording the register's, and
`Shift+F5` dismisses it for this meeting; where it names several, `F5` lists them:
`Enter` declares one, `d` dismisses it); `F2` the attendance of the whole room (one
key per change: present, remote, apologies, absent, left, back, and `u` to undo a mark
made by mistake); `F6` the quorum's reasons at this item; `F9` lists this meeting's
decisions, actions, declarations and rulings: `Enter` corrects one (a decision's vote
too), `Delete` deletes it,
and a deleted one can be brought back. `Ctrl+Z` undoes typing. `F10` leaves live capture
and asks whether the meeting has ended: its end time goes into the minutes. The top line
shows the clock, the quorum at this item and whether everything is saved. Recording a
decision while the meeting is inquorate asks first, and offers NOTED, DEFERRED or
Chair's action instead, or to record it anyway (the minutes then mark it as taken while
inquorate). `Esc` leaves live capture as `F10` does.

`F11` (or `Ctrl+R`) opens matters arising: every open action from earlier meetings,
oldest first. One key records this meeting's review of the highlighted action (`p` in
progress, `o` outstanding, `c` complete – propose closure, `x` closed by the committee,
`y` not yet due) with the RAG proposed; `Enter` records the position reported, a revised
deadline and the RAG the meeting agrees; `u` takes the review back. The minutes of the
item say what was reviewed and closed, as shown below its decisions. `F12` approves the
previous minutes: as a correct record or subject to an amendment; the Chair signs and
they are locked. Signed minutes are read only: the keys that would record something are
greyed, and pressing one, or typing, says so.

The text may hold light markup: a blank line between paragraphs, `- ` for a bullet,
`1.` for a numbered point, `(a)` for a lettered one (indent a point under another to
nest it), `**noted**` for bold, and a table as `| Name | Role |`, then `|---|---|`, then
a line per row. The meeting screen's Minutes tab (`3`) shows what the minutes make of it.

Marks are made at the item being taken: someone who leaves while item 4 is taken is
minuted as leaving during item 4, and is not counted for what is decided after. Going
back to an earlier item (`F7`) and marking there records it in that item, without a
clock time. Every correction is kept in the meeting's timeline. A meeting minuted on
another day than its own (notes typed up afterwards) is recorded item by item, without
clock times."""
