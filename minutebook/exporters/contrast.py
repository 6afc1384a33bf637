"""How well a text colour reads on its background, as WCAG 2.x measures it (docs/exports.md):
the contrast ratio of two colours' relative luminances, from 1:1 (the same colour) to
21:1 (black on white). Level AA asks 4.5:1 of text under 18 pt (14 pt bold), so every
style of an export is held to that, whatever size it is printed at.

Colours are Word's: six hex digits, "4F81BD". Pure functions, no python-docx.
"""

from __future__ import annotations

import colorsys

MINIMUM_CONTRAST = 4.5
"""WCAG 2.x level AA for normal text (success criterion 1.4.3)."""

WHITE = "FFFFFF"


def _channels(colour: str) -> tuple[int, int, int]:
    """The red, green and blue of "RRGGBB", 0 to 255; ValueError for anything else."""
    text = colour.strip().lstrip("#")
    if len(text) != 6:
        raise ValueError(f"{colour!r} is not a colour written as six hex digits")
    value = int(text, 16)
    return (value >> 16) & 0xFF, (value >> 8) & 0xFF, value & 0xFF


def _hex(red: float, green: float, blue: float) -> str:
    """ "RRGGBB" of channels from 0 to 1, each rounded to the nearest step."""
    return "".join(f"{min(255, max(0, round(c * 255))):02X}" for c in (red, green, blue))


def relative_luminance(colour: str) -> float:
    """WCAG 2.x relative luminance: each sRGB channel linearised (the 0.03928 threshold
    of the WCAG text), weighted 0.2126 red, 0.7152 green, 0.0722 blue."""

    def linear(channel: int) -> float:
        c = channel / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    red, green, blue = (linear(c) for c in _channels(colour))
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast_ratio(foreground: str, background: str = WHITE) -> float:
    """(L1 + 0.05) / (L2 + 0.05), the lighter colour's luminance over the darker's."""
    first, second = relative_luminance(foreground), relative_luminance(background)
    lighter, darker = max(first, second), min(first, second)
    return (lighter + 0.05) / (darker + 0.05)


def readable_on_white(colour: str, minimum: float = MINIMUM_CONTRAST) -> str:
    """`colour` if it reads on white at `minimum`, else the lightest colour of the same
    hue and saturation that does (its lightness lowered, as Word's own darker shades of
    a theme colour are), so a template's blue headings stay blue."""
    if contrast_ratio(colour) >= minimum:
        return colour.upper()
    hue, lightness, saturation = colorsys.rgb_to_hls(*(c / 255 for c in _channels(colour)))
    low, high = 0.0, lightness  # black (lightness 0) reads at 21:1
    for _ in range(30):
        middle = (low + high) / 2
        if contrast_ratio(_hex(*colorsys.hls_to_rgb(hue, middle, saturation))) >= minimum:
            low = middle
        else:
            high = middle
    return _hex(*colorsys.hls_to_rgb(hue, low, saturation))


def theme_shade(colour: str, shade: int | None = None, tint: int | None = None) -> str:
    """A theme colour as Word shows it with ``w:themeShade`` or ``w:themeTint`` (0 to
    255): a shade scales its lightness down (L x shade/255), a tint lifts it towards
    white (L x tint/255 + 1 - tint/255). Accent 1 (4F81BD) shaded BF is 365F91."""
    hue, lightness, saturation = colorsys.rgb_to_hls(*(c / 255 for c in _channels(colour)))
    if shade is not None:
        lightness *= shade / 255
    if tint is not None:
        lightness = lightness * tint / 255 + (1 - tint / 255)
    return _hex(*colorsys.hls_to_rgb(hue, lightness, saturation))
