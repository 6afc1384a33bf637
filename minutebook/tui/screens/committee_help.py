"""What the committee screen's help page says (F1)."""

COMMITTEE_HELP = """## A committee

**Members** lists the seats on the committee with their holders: role, organisation,
whether they vote, tags used by the quorum rule (chair, vice_chair, executive,
non_executive, clinician, finance, councillor, external, partner), term of office and
named deputies. A seat with no holder is a vacancy. **Organisations** are the bodies
represented. **Terms of reference** shows the quorum rule in force and the policies that
decide who counts.

**Meetings** lists meetings, each with where its minutes stand and since when ("draft",
"circulated 01/07/2023", "signed 20/09/2023"): `Enter` opens one to build its agenda,
`a` adds one, `e` corrects the selected meeting's date, start time, end time (the one recorded live;
blank clears it), venue and session, and `Delete` deletes a meeting that holds nothing
but its agenda (one with minutes, attendance or anything recorded at it is refused, with
the reason). A date before 1900 or more than five years ahead is refused as a slip, and
so is a new date that would put minute numbers already issued in another numbering
period. Times may be written 19:00, 1900 or 7pm. Signed minutes cannot be changed.

A new meeting's agenda starts from the committee's **standing items** (`s` edits them):
welcome and apologies, declarations, the minutes of the previous meeting, matters arising
... then, when the last meeting deferred items, those you tick to carry forward, then the
closing items such as the date of the next meeting.

`d` edits the committee's details: its name, house style, usual venue, the Word
template (a .docx or .dotx with the body's styles, header, footer and logo) its documents
use, and their paper size (A4, or US Letter); and its agenda's front page: a line under
its name ("FORMERLY THE HEALTH AND WELLBEING BOARD"), the enquiries contact, and whether
every agenda ends with the resolution excluding the press and public (a board that meets
in private after its public business).

`t` opens the committee's **action tracker**: every action agreed at its meetings, with
filters (open, overdue, owner, status, meeting), each action's reviews, corrections, and
each owner's list of what to do before the next meeting. `n` shows each member's
**attendance** over a period, and for a council's committee the councillors near six
months without attending. `c` shows its **compliance** with its terms of reference over
a period: meetings held against the number a year they require, the quorum, decisions
taken while inquorate or by Chair's action, actions overdue and escalated, and late
minutes, with each meeting, decision or action behind the figures. `y` saves the
committee's **annual report** for a year (its municipal or financial year): the meetings
held and whether they were quorate, the decisions and recommendations, the register's
returns, how it met its terms of reference (meetings a year, quorum, late minutes,
actions overdue) and the attendance. The terms of reference (`e` on their tab) say how
often it meets and its turnaround rule for minutes."""
