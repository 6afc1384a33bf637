"""Every Word export readable by anyone, whatever template it starts from
(docs/exports.md, "Accessible by construction"): no text colour of a paragraph or
character style under 4.5:1 on white (`contrast`), and no text under 10 pt in the styles
or in the template's headers and footers.

Both are put right in the document as it is made (`common.new_document`), before any
text is written: a colour too light is darkened to the nearest of its own hue that
reads, a size too small is raised to 10 pt. A committee's template is told of its
headings darkened (a warning with the ratio), so the secretary can choose its colour.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from docx.document import Document as DocumentObject
from docx.enum.style import WD_STYLE_TYPE
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import parse_xml
from docx.oxml.ns import qn

from minutebook.exporters.contrast import (
    MINIMUM_CONTRAST,
    contrast_ratio,
    readable_on_white,
    theme_shade,
)

MINIMUM_HALF_POINTS = 20
"""10 pt, in the half-points of ``w:sz``: the smallest text of an export."""

_THEME_NAMES = {
    "text1": "dk1",
    "dark1": "dk1",
    "background1": "lt1",
    "light1": "lt1",
    "text2": "dk2",
    "dark2": "dk2",
    "background2": "lt2",
    "light2": "lt2",
    "hyperlink": "hlink",
    "followedHyperlink": "folHlink",
}
_DRAWING = "http://schemas.openxmlformats.org/drawingml/2006/main"
_VAL, _COLOR, _THEME, _SHADE, _TINT = (
    qn(f"w:{name}") for name in ("val", "color", "themeColor", "themeShade", "themeTint")
)


def theme_colours(document: DocumentObject) -> dict[str, str]:
    """The colours of the document's theme by Word's names ("accent1": "4F81BD"), none
    if it has no theme or one that cannot be read."""
    for rel in document.part.rels.values():
        if rel.is_external or rel.reltype != RT.THEME:
            continue
        try:
            theme = parse_xml(rel.target_part.blob)
        except Exception:  # a damaged theme: the colours written beside it are used
            return {}
        colours: dict[str, str] = {}
        for scheme in theme.iter(f"{{{_DRAWING}}}clrScheme"):
            for slot in scheme:
                name = slot.tag.rsplit("}", 1)[-1]
                for value in slot:
                    found = value.get("lastClr") or value.get("val")
                    if found and len(found) == 6:
                        colours[name] = found.upper()
            break
        return colours
    return {}


def shown_colours(color: Any, theme: dict[str, str]) -> list[str]:
    """What a ``w:color`` may show: its ``w:val``, and the theme colour it names (with
    its shade or tint) where there is one, Word preferring the theme's. Both are
    measured, as either may be what a reader sees."""
    shown = []
    value = (color.get(_VAL) or "").upper()
    if len(value) == 6 and value != "AUTO":
        shown.append(value)
    name = color.get(_THEME)
    if name:
        base = theme.get(_THEME_NAMES.get(name, name))
        if base:
            shade, tint = color.get(_SHADE), color.get(_TINT)
            shown.append(
                theme_shade(
                    base,
                    int(shade, 16) if shade else None,
                    int(tint, 16) if tint else None,
                )
            )
    return shown


def readable_colours(document: DocumentObject) -> list[tuple[str, float, str]]:
    """Give every paragraph and character style a text colour of at least 4.5:1 on
    white; returns (style, its ratio before, the colour now) for each one changed. The
    theme link is dropped from a colour changed (Word would show the theme's again).
    Table styles are left: their colours are drawn on their own shading."""
    theme = theme_colours(document)
    changed = []
    for style in document.styles:
        if style.type not in (WD_STYLE_TYPE.PARAGRAPH, WD_STYLE_TYPE.CHARACTER):
            continue
        r_pr = style.element.find(qn("w:rPr"))
        color = None if r_pr is None else r_pr.find(_COLOR)
        if color is None:
            continue
        shown = shown_colours(color, theme)
        if not shown:
            continue
        worst = min(shown, key=contrast_ratio)
        ratio = contrast_ratio(worst)
        if ratio >= MINIMUM_CONTRAST:
            continue
        readable = readable_on_white(worst)
        for attribute in (_THEME, _SHADE, _TINT):
            color.attrib.pop(attribute, None)
        color.set(_VAL, readable)
        changed.append((style.name or style.style_id, ratio, readable))
    return changed


def _headers_and_footers(document: DocumentObject) -> Iterator[Any]:
    """The XML of every header and footer part of the document."""
    for rel in document.part.rels.values():
        if not rel.is_external and rel.reltype in (RT.HEADER, RT.FOOTER):
            element = getattr(rel.target_part, "element", None)
            if element is not None:
                yield element


def at_least_ten_point(document: DocumentObject) -> int:
    """Raise every text size under 10 pt to 10 pt: in the document's default, every
    style (table styles' conditional parts too) and the template's headers and footers
    (an address line in 8 pt). Returns how many were raised."""
    raised = 0
    for root in (document.styles.element, *_headers_and_footers(document)):
        for size in root.iter(qn("w:sz"), qn("w:szCs")):
            try:
                half_points = int(size.get(_VAL) or "0")
            except ValueError:
                half_points = 0
            if half_points < MINIMUM_HALF_POINTS:
                size.set(_VAL, str(MINIMUM_HALF_POINTS))
                raised += 1
    return raised
