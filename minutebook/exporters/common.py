"""What every Word export shares: the template, named styles, properties, saving; and
what both house styles of minutes share: the DRAFT / CONFIDENTIAL page header, lists
joined in words, people and seats looked up in the snapshot, the Chair's ruling on the
quorum and the time the meeting ended (the kinds of interest are worded by
`domain.interests`).

Exporters fill a template using named styles only, so a committee's own template (its
fonts, header, footer and logo) gives its house look; a Word template (.dotx) is opened as
the document it makes. A style the template lacks falls back to a built-in one with a
warning, never a crash. Every document is laid out on the committee's paper (A4 unless it
asks for US Letter), readable (`accessible`), says truly who made it and when
(`properties`) and is numbered "Page N of M" in its footer, after whatever the
template's footer holds. Documents are saved
to a temporary name beside the target and put in place, so a failed export never leaves
half a file; where an export may be written is `exporters.output`'s rule.
python-docx is imported here, not by the app at start-up (it costs about 50 ms).
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import docx
from docx.document import Document as DocumentObject
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import qn
from docx.shared import Pt, RGBColor, Twips
from lxml import etree

from minutebook.domain.actions import Action
from minutebook.domain.base import clean_text
from minutebook.domain.committee import Committee, PaperSize, Person, Seat
from minutebook.domain.dates import long_date
from minutebook.domain.lifecycle import APPROVED_STATES
from minutebook.domain.meeting import Meeting, QuorumRuling
from minutebook.domain.snapshot import MinutesSnapshot
from minutebook.exporters.accessible import at_least_ten_point, readable_colours
from minutebook.exporters.output import ExportError, name_problem, write_output
from minutebook.exporters.properties import true_properties

LANGUAGE = "en-GB"
"""Published UK minutes declare their language (public sector accessibility regulations)."""


@dataclass
class Build:
    """A document being built, with the warnings met on the way.

    Style names and ids are looked up once and cached: python-docx finds a style by
    name by walking every style in the document, which made a 30-item meeting's
    minutes take most of a second. The cache is refreshed when a style is added.
    """

    document: DocumentObject
    warnings: list[str] = field(default_factory=list)
    _names: dict[WD_STYLE_TYPE | None, frozenset[str]] = field(
        default_factory=dict, repr=False, compare=False
    )
    _ids: dict[str, str | None] = field(default_factory=dict, repr=False, compare=False)
    _counted: int = field(default=-1, repr=False, compare=False)

    def _styles(self, style_type: WD_STYLE_TYPE | None = None) -> frozenset[str]:
        """The names of the document's styles (of one type, or all), read again only
        when styles were added."""
        count = len(self.document.styles.element)
        if count != self._counted:
            self._names, self._ids, self._counted = {}, {}, count
        if style_type not in self._names:
            self._names[style_type] = frozenset(
                s.name
                for s in self.document.styles
                if s.name and (style_type is None or s.type == style_type)
            )
        return self._names[style_type]

    def has_style(self, name: str, style_type: WD_STYLE_TYPE | None = None) -> bool:
        """Whether the document (its template) defines style `name`, of `style_type`."""
        return name in self._styles(style_type)

    def style(self, name: str, fallback: str = "Normal") -> str:
        """`name` if the template has it, else `fallback` (with a warning, once)."""
        styles = self._styles()
        if name in styles:
            return name
        warning = f"the template has no style {name!r}; used {fallback!r}"
        if warning not in self.warnings:
            self.warnings.append(warning)
        return fallback if fallback in styles else "Normal"

    def paragraph_style_id(self, name: str) -> str | None:
        """The id of paragraph style `name` (after fallback), None for the default
        style, as python-docx would set it, found once per name."""
        name = self.style(name)
        if name not in self._ids:
            self._ids[name] = self.document.styles.get_style_id(name, WD_STYLE_TYPE.PARAGRAPH)
        return self._ids[name]

    def paragraph(
        self, text: str = "", style: str = "Normal", bold: bool = False, italic: bool = False
    ) -> Any:
        """Add a paragraph of clean text in a named style."""
        paragraph = self.document.add_paragraph()
        style_id = self.paragraph_style_id(style)
        if style_id is not None:
            paragraph._p.get_or_add_pPr().style = style_id
        if text:
            run = paragraph.add_run(clean_text(text))
            run.bold = bold or None
            run.italic = italic or None
        return paragraph

    def heading(self, text: str, level: int = 1) -> Any:
        """A real heading (Heading 1, 2 …) so screen readers can navigate the minutes."""
        return self.paragraph(text, self.style(f"Heading {level}", "Normal"))


def with_note(text: str, note: str) -> str:
    """A note in brackets at the end of a point, before its closing punctuation:
    ("Approve the policy;", "note") -> "Approve the policy (note);"."""
    text = text.rstrip()
    body = text.rstrip(".;,:")
    return f"{body} ({note}){text[len(body) :]}"


def committee_template(committee: Committee, given: Path | None = None) -> Path | None:
    """The template an export uses: the one `given` for this export, else the
    committee's own, else None (the bundled one). The committee's own template gone
    missing is named as such, rather than as a file the secretary never typed."""
    if given is not None or committee.word_template is None:
        return given
    path = Path(committee.word_template)
    if name_problem(path) or not path.is_file():
        raise ExportError(
            f"{committee.code}'s Word template {path} is missing; choose another in the "
            "committee's details (d on the committee's screen)"
        )
    return path


PAGE_SIZES: dict[PaperSize, tuple[Twips, Twips]] = {
    PaperSize.A4: (Twips(11906), Twips(16838)),  # 210 x 297 mm, as Word writes it
    PaperSize.LETTER: (Twips(12240), Twips(15840)),  # 8.5 x 11 inches
}
"""Each paper's width and height, portrait."""


def new_document(template: Path | None = None, committee: Committee | None = None) -> Build:
    """A document from the committee's template, or the bundled default, on the
    committee's paper (A4 without one), readable, and made now by the committee."""
    if template is None:
        document = docx.Document()
        _house_defaults(document)
        return _ready(Build(document), committee)
    problem = name_problem(template)
    if problem:
        raise ExportError(f"the template {template}: {problem}")
    if not template.is_file():
        missing = not template.exists() and not template.is_symlink()
        what = "does not exist" if missing else "is not a file"
        raise ExportError(f"the template {template} {what}")
    kind = ".dotx" if template.suffix.lower() == ".dotx" else ".docx"
    if not zipfile.is_zipfile(template):
        raise ExportError(f"the template {template} is not a {kind} file")
    try:
        document = docx.Document(_as_document(template))
    except Exception as error:  # python-docx raises many kinds on a damaged package
        raise ExportError(f"the template {template} cannot be read as a {kind}: {error}") from None
    # A template may hold sample text: start from its styles, headers and footers only.
    body = document.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)
    drop_external_links(document)
    return _ready(Build(document), committee, templated=True)


def _ready(build: Build, committee: Committee | None, *, templated: bool = False) -> Build:
    """What every document gets, from whatever template: the committee's paper,
    readable colours and sizes, true properties, numbered pages. The bundled
    template's colours are put right silently; a committee's headings, with a warning
    that says so."""
    document = build.document
    lay_out_pages(document, committee.paper_size if committee else PaperSize.A4)
    darkened = [(n, r) for n, r, _ in readable_colours(document) if n in _HEADINGS_USED]
    if templated and darkened:
        build.warnings.append(
            f"the template's {join([n for n, _ in darkened])} read at "
            f"{min(r for _, r in darkened):.1f}:1 on white, under 4.5:1; made darker in "
            "the same colour"
        )
    at_least_ten_point(document)
    true_properties(document, committee.name if committee else "")
    number_pages(build)
    return build


_HEADINGS_USED = ("Title", "Heading 1", "Heading 2", "Heading 3")
"""The styles of the headings the exports write, whose darkening a secretary is told of;
the other styles' are put right without a word."""


def lay_out_pages(document: DocumentObject, paper: PaperSize) -> None:
    """Every section on `paper`, each the way round its template has it (a landscape
    export turns the page itself, `tables.landscape`); its margins are the template's."""
    width, height = PAGE_SIZES[paper]
    for section in document.sections:
        turned = (section.page_width or 0) > (section.page_height or 0)
        section.page_width, section.page_height = (height, width) if turned else (width, height)


_WORD_TEMPLATE = "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml"
_WORD_DOCUMENT = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"


def _as_document(template: Path) -> str | io.BytesIO:
    """The template as python-docx can open it: a .docx as it is; a Word template
    (.dotx, whose main part is a template's) copied in memory with the main part's
    content type changed to a document's, which is all that tells the two apart."""
    with zipfile.ZipFile(template) as package:
        types = package.read("[Content_Types].xml")
        if _WORD_TEMPLATE.encode() not in types:
            return str(template)
        copy = io.BytesIO()
        with zipfile.ZipFile(copy, "w", zipfile.ZIP_DEFLATED) as document:
            for entry in package.infolist():
                data = package.read(entry)
                if entry.filename == "[Content_Types].xml":
                    data = data.replace(_WORD_TEMPLATE.encode(), _WORD_DOCUMENT.encode())
                document.writestr(entry, data)
    copy.seek(0)
    return copy


_LINK_NAMESPACES = (
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "urn:schemas-microsoft-com:office:office",  # VML's o:relid
)


def drop_external_links(document: DocumentObject) -> None:
    """Leave out of the document every link to an outside file that the template
    brought: an attached template on a server (Word fetches it on opening), linked
    pictures, linked objects, frames. Only hyperlinks still in the text are kept (a web
    address in the footer is text the committee chose, fetched only when clicked).
    What referred to a dropped link goes too: an element whose id it was (the
    ``w:attachedTemplate``), or else the attribute (a picture's ``r:link``)."""
    package = document.part.package
    for rid in [rid for rid, rel in package.rels.items() if rel.is_external]:
        del package.rels[rid]
    for part in package.iter_parts():
        external = [rid for rid, rel in part.rels.items() if rel.is_external]
        if not external:
            continue
        element = getattr(part, "_element", None)
        if element is None:  # a part python-docx keeps as bytes (webSettings.xml)
            try:
                element = parse_xml(part.blob)
            except Exception:  # not XML: nothing in it can refer to the link
                element = None
        for rid in external:
            uses = [] if element is None else _uses_of(element, rid)
            if part.rels[rid].reltype == RT.HYPERLINK and uses:
                continue
            for attribute_owner, attribute in uses:
                if etree.QName(attribute).localname in ("id", "relid"):
                    parent = attribute_owner.getparent()
                    if parent is not None:
                        parent.remove(attribute_owner)
                else:
                    del attribute_owner.attrib[attribute]
            del part.rels[rid]
        if element is not None and not hasattr(part, "_element"):
            part._blob = etree.tostring(
                element, xml_declaration=True, encoding="UTF-8", standalone=True
            )


def _uses_of(element: Any, rid: str) -> list[tuple[Any, str]]:
    """(element, attribute name) for each attribute that names relationship `rid`."""
    return [
        (owner, name)
        for owner in element.iter()
        for name, value in owner.attrib.items()
        if value == rid and etree.QName(name).namespace in _LINK_NAMESPACES
    ]


_PAGE_FIELD = re.compile(r"\bPAGE\b", re.IGNORECASE)
"""A PAGE field's instruction ("PAGE", " PAGE \\* MERGEFORMAT "), not NUMPAGES."""


def number_pages(build: Build) -> None:
    """ "Page N of M" (Word's PAGE and NUMPAGES fields) centred in the footer of every
    section, in the template's Footer style, after anything the template's footer
    already holds. A footer (or header) that already shows the page number is left as
    it is, as is a footer linked to the previous section's, which shows that one."""
    document = build.document
    even_pages = document.settings.odd_and_even_pages_header_footer
    for index, section in enumerate(document.sections):
        pairs = [(section.footer, section.header)]
        if section.different_first_page_header_footer:
            pairs.append((section.first_page_footer, section.first_page_header))
        if even_pages:
            pairs.append((section.even_page_footer, section.even_page_header))
        for footer, header in pairs:
            if index and footer.is_linked_to_previous:
                continue
            shown = [footer] if header.is_linked_to_previous else [footer, header]
            if any(_PAGE_FIELD.search(_field_instructions(part._element)) for part in shown):
                continue
            paragraphs = footer.paragraphs
            last = paragraphs[-1] if paragraphs else None
            if last is None or len(last._p) > (0 if last._p.pPr is None else 1):
                last = footer.add_paragraph()  # the template's footer is kept above
            last.style = build.style("Footer")
            last.alignment = WD_ALIGN_PARAGRAPH.CENTER
            last.add_run("Page ")
            _add_field(last, "PAGE", "1")
            last.add_run(" of ")
            _add_field(last, "NUMPAGES", "1")


def _field_instructions(element: Any) -> str:
    """The instructions of the fields in a header or footer, simple and complex."""
    return " ".join(element.xpath(".//w:instrText/text() | .//w:fldSimple/@w:instr"))


def _add_field(paragraph: Any, instruction: str, placeholder: str) -> None:
    """A Word field as runs (begin, instruction, separate, result, end): Word and
    LibreOffice put the real value in place of `placeholder` when they lay out pages."""

    def mark(kind: str) -> None:
        char = OxmlElement("w:fldChar")
        char.set(qn("w:fldCharType"), kind)
        paragraph.add_run()._r.append(char)

    mark("begin")
    text = OxmlElement("w:instrText")
    text.set(qn("xml:space"), "preserve")
    text.text = f" {instruction} "
    paragraph.add_run()._r.append(text)
    mark("separate")
    paragraph.add_run(placeholder)
    mark("end")


HEADING_COLOUR = RGBColor(0x36, 0x5F, 0x91)
"""The bundled template's Heading 1 blue (Word's accent 1 shaded), 6.6:1 on white, for
headings 2 and 3 too: their accent 1 (4F81BD) read at 4.0:1, under WCAG's 4.5:1."""


def _house_defaults(document: DocumentObject) -> None:
    """A clean, professional default: Arial 11, tables that look like the seeds."""
    normal = document.styles["Normal"]
    normal.font.name = "Arial"
    normal.font.size = Pt(11)
    for level, size in ((1, 14), (2, 12), (3, 11)):
        style = document.styles[f"Heading {level}"]
        style.font.name = "Arial"
        style.font.size = Pt(size)
        for name in (f"Heading {level}", f"Heading {level} Char"):
            document.styles[name].font.color.rgb = HEADING_COLOUR
    if "Table Grid" not in {s.name for s in document.styles}:
        document.styles.add_style("Table Grid", WD_STYLE_TYPE.TABLE)


def set_properties(build: Build, title: str, subject: str = "") -> None:
    """Title and language in the document's properties (accessibility); who made it
    and when are `properties.true_properties`'."""
    properties = build.document.core_properties
    properties.title = clean_text(title)
    properties.subject = clean_text(subject)
    properties.language = LANGUAGE
    # The language also on the default run properties, where Word reads it.
    rpr = build.document.styles.element.find(qn("w:docDefaults"))
    if rpr is not None:
        for run_props in rpr.iter(qn("w:rPr")):
            lang = run_props.find(qn("w:lang"))
            if lang is None:
                lang = run_props.makeelement(qn("w:lang"), {})
                run_props.append(lang)
            lang.set(qn("w:val"), LANGUAGE)


def save_document(
    build: Build, path: Path, *, overwrite: bool = False, database: Path | None = None
) -> Path:
    """Save where exports may be written (`exporters.output`): under a temporary name
    beside `path`, then put in place, never half a file; an existing file only with
    `overwrite`, and never the database in use (`database`) or any other."""
    return write_output(Path(path), build.document.save, overwrite=overwrite, database=database)


# -- what both house styles of minutes share ------------------------------------------------

DRAFT = "DRAFT"
CONFIDENTIAL = "CONFIDENTIAL"
NO_CONFLICTS = "No conflicts of interest were declared."
"""Minuted when no interest was declared (docs/declarations.md)."""


def is_approved(meeting: Meeting) -> bool:
    """Approved (or signed) minutes lose the DRAFT mark and are signed off
    (`domain.lifecycle`)."""
    return meeting.status in APPROVED_STATES


def ended_text(snapshot: MinutesSnapshot, *, public: bool) -> str:
    """ "The meeting ended at 09:45." (seed 003), where live capture recorded the time,
    unless the secretary already wrote it into a minute the document prints (the public
    minutes do not print a confidential one, so they say it themselves)."""
    meeting = snapshot.record.meeting
    if not meeting.ended_at:
        return ""
    minutes = snapshot.record.minutes
    shown = [m for m in minutes if not (public and snapshot.is_confidential(m.item))]
    written = " ".join(m.narrative for m in shown).lower()
    if "meeting ended" in written or "meeting closed" in written:
        return ""
    return f"The meeting ended at {meeting.ended_at}."


def mark_pages(build: Build, *, public: bool, approved: bool) -> None:
    """CONFIDENTIAL (the confidential minutes) and DRAFT (until approved) in bold at
    the top of every page: in every header of every section, the first page's and the
    even pages' too where a template has them, in the template's Header style, after
    any text the template's header already holds. A later section's header that shows
    the previous section's (linked) shows the mark already."""
    marks = ([] if public else [CONFIDENTIAL]) + ([] if approved else [DRAFT])
    if not marks:
        return
    style = build.style("Header")
    even_pages = build.document.settings.odd_and_even_pages_header_footer
    marked: set[str] = set()
    for section in build.document.sections:
        headers = {"default": section.header}
        if section.different_first_page_header_footer:
            headers["first"] = section.first_page_header
        if even_pages:
            headers["even"] = section.even_page_header
        for kind, header in headers.items():
            if kind in marked and header.is_linked_to_previous:
                continue
            header.is_linked_to_previous = False
            paragraphs = header.paragraphs
            if paragraphs and not paragraphs[0].text.strip():
                paragraph = paragraphs[0]
            else:
                paragraph = header.add_paragraph()
            paragraph.style = style
            paragraph.add_run(" – ".join(marks)).bold = True
            marked.add(kind)


def join(entries: Sequence[str], conjunction: str = " and ") -> str:
    """ "A", "A and B", "A, B and C"."""
    if len(entries) <= 1:
        return "".join(entries)
    return ", ".join(entries[:-1]) + conjunction + entries[-1]


def full_stop(text: str) -> str:
    """The text as a sentence ending in one full stop (or its own ! or ?)."""
    text = text.strip()
    if text.endswith(("!", "?")):
        return text
    return text.rstrip(".") + "."


def find_person(snapshot: MinutesSnapshot, person_id: str) -> Person | None:
    """Anyone the record names: officers and observers too, not only the members."""
    return snapshot.person(person_id) or snapshot.membership.person(person_id)


def name_of(
    snapshot: MinutesSnapshot,
    person_id: str,
    form: Callable[[Person], str] = lambda person: person.display_name,
) -> str:
    """A person's name in the house style's `form`; their id if nobody has it."""
    person = find_person(snapshot, person_id)
    return form(person) if person else person_id


def seats_of(snapshot: MinutesSnapshot, ids: Iterable[str]) -> list[Seat]:
    """The committee's seats with these ids, those that exist."""
    return [seat for i in ids if (seat := snapshot.membership.seat(i)) is not None]


def action_label(action: Action) -> str:
    """ "Action 3" where the tracker has numbered the action, as live capture shows it
    ("ACTION 3"), so the minutes and the tracker cite the same action; else "Action"."""
    return f"Action {action.number}" if action.number else "Action"


def action_text(action: Action, owner: str) -> str:
    """What is to be done, by whom and by when: "Circulate the tracker (A Clayton, by
    1 July 2023)", the owner's name in the house style's form."""
    due = f", by {long_date(action.due)}" if action.due is not None else ""
    return f"{action.description.rstrip()} ({owner}{due})"


def ruling_text(ruling: QuorumRuling, subject: str, inquorate: str) -> str:
    """The Chair's ruling on the quorum, with its time and reason (docs/quorum.md):
    "The Chair ruled at 15:10 that the meeting was inquorate: ...", minuted at the
    opening or under the item where it was made. It is not said to be "for this item":
    a ruling stands for as long as nobody comes or goes (`MeetingQuorum`), and the
    lines on the quorum after it say when that changed. `inquorate` is the house
    style's word for the lack of a quorum."""
    state = "quorate" if ruling.quorate else inquorate
    when = f" at {ruling.recorded_at}" if ruling.recorded_at else ""
    return f"The Chair ruled{when} that {subject} was {state}: {full_stop(ruling.reason)}"
