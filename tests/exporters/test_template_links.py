"""A committee's Word template may carry links to outside files: an attached template on
a server (Word fetches it when the document opens), a picture linked rather than
embedded. None of them may reach an exported document (exporters/common.py,
`drop_external_links`); a hyperlink the template's footer shows is kept."""

from __future__ import annotations

import zipfile
from collections.abc import Callable
from pathlib import Path

import docx
import pytest
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import parse_xml

from minutebook.exporters.common import Build, save_document

R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
REMOTE_TEMPLATE = "https://templates.example.org/house.dotm"
LINKED_PICTURE = "https://images.example.org/logo.png"
FOOTER_LINK = "https://www.example.gov.uk/committees"
ATTACHED_TEMPLATE = f"{R}/attachedTemplate"


@pytest.fixture
def linked_template(tmp_path: Path) -> Path:
    """A template whose settings attach a remote template, whose webSettings hold a
    linked picture, whose sample text links out, and whose footer has a web address."""
    document = docx.Document()
    settings = document.part.part_related_by(RT.SETTINGS)
    rid = settings.relate_to(REMOTE_TEMPLATE, ATTACHED_TEMPLATE, is_external=True)
    settings.element.insert(
        0, parse_xml(f'<w:attachedTemplate xmlns:w="{W}" xmlns:r="{R}" r:id="{rid}"/>')
    )
    web = document.part.part_related_by(RT.WEB_SETTINGS)
    picture = web.relate_to(LINKED_PICTURE, RT.IMAGE, is_external=True)
    web._blob = (
        f'<w:webSettings xmlns:w="{W}" xmlns:r="{R}"><w:frameset>'
        f'<w:frame><w:sourceFileName r:id="{picture}"/></w:frame>'
        "</w:frameset></w:webSettings>"
    ).encode()
    sample = document.add_paragraph("Sample text with a ")
    body_link = document.part.relate_to("https://sample.example.org/", RT.HYPERLINK, True)
    sample._p.append(parse_xml(f'<w:hyperlink xmlns:w="{W}" xmlns:r="{R}" r:id="{body_link}"/>'))
    footer = document.sections[0].footer
    paragraph = footer.paragraphs[0]
    footer_rid = footer.part.relate_to(FOOTER_LINK, RT.HYPERLINK, is_external=True)
    paragraph._p.append(
        parse_xml(
            f'<w:hyperlink xmlns:w="{W}" xmlns:r="{R}" r:id="{footer_rid}">'
            f"<w:r><w:t>{FOOTER_LINK}</w:t></w:r></w:hyperlink>"
        )
    )
    path = tmp_path / "house.docx"
    document.save(str(path))
    assert REMOTE_TEMPLATE in package_text(path)
    return path


def package_text(path: Path) -> str:
    """Every part of the .docx, relationships included, as one text."""
    with zipfile.ZipFile(path) as package:
        return "\n".join(
            package.read(name).decode("utf-8", "replace") for name in package.namelist()
        )


def test_no_export_points_to_an_outside_file(
    render_export: Callable[[str, Path | None], Build],
    export_kind: str,
    linked_template: Path,
    tmp_path: Path,
) -> None:
    path = save_document(render_export(export_kind, linked_template), tmp_path / "out.docx")
    text = package_text(path)
    assert REMOTE_TEMPLATE not in text
    assert "attachedTemplate" not in text
    assert LINKED_PICTURE not in text
    assert "sample.example.org" not in text
    # What is left still opens, and the footer's address is still a link.
    assert FOOTER_LINK in text
    reopened = docx.Document(str(path))
    footer = reopened.sections[0].footer
    targets = [rel.target_ref for rel in footer.part.rels.values() if rel.is_external]
    assert targets == [FOOTER_LINK]
    assert reopened.settings.element.find(f"{{{W}}}attachedTemplate") is None
