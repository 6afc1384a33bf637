"""The contrast of a text colour on white as WCAG 2.x measures it, and a colour too light
darkened within its own hue (exporters/contrast.py)."""

from __future__ import annotations

import colorsys

import pytest
from hypothesis import given
from hypothesis import strategies as st

from minutebook.exporters.contrast import (
    contrast_ratio,
    readable_on_white,
    relative_luminance,
    theme_shade,
)


@pytest.mark.parametrize(
    ("colour", "ratio"),
    [
        ("000000", 21.0),
        ("FFFFFF", 1.0),
        ("4F81BD", 4.03),  # python-docx's Heading 2 and 3: the measure
        ("365F91", 6.56),  # its Heading 1, now headings 2 and 3 too
        ("767676", 4.54),  # the lightest grey that passes AA, as WCAG's examples give it
        ("777777", 4.48),
        ("FF0000", 4.00),
    ],
)
def test_the_ratio_on_white(colour: str, ratio: float) -> None:
    assert contrast_ratio(colour) == pytest.approx(ratio, abs=0.005)


def test_the_ratio_is_the_same_both_ways_and_luminance_is_wcags() -> None:
    assert contrast_ratio("000000", "FFFFFF") == contrast_ratio("FFFFFF", "000000") == 21.0
    assert relative_luminance("FFFFFF") == pytest.approx(1.0)
    assert relative_luminance("808080") == pytest.approx(0.2159, abs=1e-4)
    with pytest.raises(ValueError, match="six hex digits"):
        contrast_ratio("blue")


def test_a_readable_colour_is_kept() -> None:
    assert readable_on_white("365f91") == "365F91"


@given(st.integers(min_value=0, max_value=0xFFFFFF))
def test_any_colour_made_readable_reads_and_keeps_its_hue(value: int) -> None:
    colour = f"{value:06X}"
    readable = readable_on_white(colour)
    assert contrast_ratio(readable) >= 4.5
    if contrast_ratio(colour) < 4.5:
        # Darkened, not turned black: as light as will read, within a step of 4.5:1.
        assert contrast_ratio(readable) < 4.75

        def hue(c: str) -> float:
            return colorsys.rgb_to_hls(*(int(c[i : i + 2], 16) / 255 for i in (0, 2, 4)))[0]

        red, green, blue = (int(colour[i : i + 2], 16) for i in (0, 2, 4))
        if max(red, green, blue) - min(red, green, blue) > 40:  # a colour, not a grey
            assert (
                min(abs(hue(readable) - hue(colour)), 1 - abs(hue(readable) - hue(colour))) < 0.03
            )


def test_word_theme_shades_and_tints() -> None:
    """Accent 1 shaded BF is Word's Heading 1 blue (365F91), to within a step; text 1
    tinted BF is its Heading 7 grey (404040)."""

    def close(first: str, second: str) -> bool:
        return all(
            abs(int(first[i : i + 2], 16) - int(second[i : i + 2], 16)) <= 2 for i in (0, 2, 4)
        )

    assert close(theme_shade("4F81BD", shade=0xBF), "365F91")
    assert close(theme_shade("4F81BD", shade=0x7F), "243F60")
    assert close(theme_shade("000000", tint=0xBF), "404040")
    assert theme_shade("4F81BD") == "4F81BD"
