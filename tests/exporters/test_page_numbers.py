"""Every kind of export is numbered "Page N of M" (Word's PAGE and NUMPAGES fields),
centred in the footer of every section, in the template's Footer style; a template's
own footer is kept, and one that already numbers its pages is not numbered twice."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import docx
import pytest
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from minutebook.exporters.common import Build, new_document, number_pages, save_document

Render = Callable[[str, Path | None], Build]


def _instructions(part: Any) -> list[str]:
    """The field instructions in a header or footer, as Word reads them."""
    element = part._element
    texts = element.xpath(".//w:instrText/text() | .//w:fldSimple/@w:instr")
    return [text.strip() for text in texts]


def _page_paragraphs(footer: Any) -> list[Any]:
    return [p for p in footer.paragraphs if "PAGE" in _instructions(p)]


def test_every_export_numbers_its_pages(
    render_export: Render, tmp_path: Path, export_kind: str
) -> None:
    path = save_document(render_export(export_kind, None), tmp_path / f"{export_kind}.docx")
    document = docx.Document(str(path))
    assert document.sections
    for section in document.sections:
        footer = section.footer
        assert not footer.is_linked_to_previous
        assert _instructions(footer) == ["PAGE", "NUMPAGES"]
        (paragraph,) = _page_paragraphs(footer)
        assert paragraph.text == "Page 1 of 1"  # until Word or LibreOffice lays it out
        assert paragraph.style.name == "Footer"
        assert paragraph.alignment == WD_ALIGN_PARAGRAPH.CENTER
        # The fields are complex fields Word and LibreOffice both update.
        kinds = [c.get(qn("w:fldCharType")) for c in paragraph._p.iter(qn("w:fldChar"))]
        assert kinds == ["begin", "separate", "end"] * 2


def _template(tmp_path: Path, footer_text: str = "", page_field: bool = False) -> Path:
    """A committee template whose footer holds `footer_text`, a page number already,
    or nothing."""
    document = docx.Document()
    footer = document.sections[0].footer
    paragraph = footer.paragraphs[0]
    paragraph.text = footer_text
    if page_field:
        field = OxmlElement("w:fldSimple")
        field.set(qn("w:instr"), " PAGE  \\* MERGEFORMAT ")
        paragraph._p.append(field)
    path = tmp_path / "template.docx"
    document.save(str(path))
    return path


@pytest.mark.parametrize("kind", ["minutes-council-public", "minutes-nhs-public", "tracker-nhs"])
def test_the_templates_footer_is_kept(render_export: Render, tmp_path: Path, kind: str) -> None:
    template = _template(tmp_path, "Milton Keynes City Council, Civic, 1 Saxon Gate East")
    build = render_export(kind, template)
    footer = build.document.sections[0].footer
    assert [p.text for p in footer.paragraphs] == [
        "Milton Keynes City Council, Civic, 1 Saxon Gate East",
        "Page 1 of 1",
    ]
    assert not any("Footer" in warning for warning in build.warnings)


def test_a_template_that_numbers_its_pages_is_not_numbered_again(
    render_export: Render, tmp_path: Path
) -> None:
    template = _template(tmp_path, "Page ", page_field=True)
    build = render_export("minutes-council-public", template)
    footer = build.document.sections[0].footer
    assert _instructions(footer) == ["PAGE  \\* MERGEFORMAT"]
    assert [p.text for p in footer.paragraphs] == ["Page "]


def test_a_template_without_a_footer_style_falls_back_with_a_warning(
    render_export: Render, tmp_path: Path
) -> None:
    document = docx.Document()
    styles = document.styles
    styles.element.remove(styles["Footer"].element)
    template = tmp_path / "plain.docx"
    document.save(str(template))
    build = render_export("agenda-council", template)
    (paragraph,) = _page_paragraphs(build.document.sections[0].footer)
    assert paragraph.style.name == "Normal"
    assert paragraph.alignment == WD_ALIGN_PARAGRAPH.CENTER
    assert "the template has no style 'Footer'; used 'Normal'" in build.warnings


def test_every_section_is_numbered_once() -> None:
    build = new_document()
    build.document.add_section()
    build.document.add_section()
    # Section breaks move the numbered footer to the last section: the first gets
    # its own, the second shows the first's, the last keeps its own and has its own
    # first page too.
    first, linked, own = build.document.sections
    own.different_first_page_header_footer = True
    own.first_page_footer.is_linked_to_previous = False
    number_pages(build)
    number_pages(build)  # a second pass finds the numbers in place
    assert _instructions(first.footer) == ["PAGE", "NUMPAGES"]
    assert linked.footer.is_linked_to_previous
    assert _instructions(own.footer) == ["PAGE", "NUMPAGES"]
    assert _instructions(own.first_page_footer) == ["PAGE", "NUMPAGES"]
