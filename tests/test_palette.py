"""The palette in ``static/css/site.css`` meets WCAG 2.2 AA: every pair of colours the site
uses for text has a contrast ratio of at least 4.5:1 (3:1 for the focus ring against what it
surrounds, WCAG 2.4.13's minimum). Reads the custom properties from the stylesheet itself, so a
changed colour is checked where it is defined."""

import re
from pathlib import Path

import pytest

CSS = Path(__file__).resolve().parents[1] / "static" / "css" / "site.css"

# (text, background) pairs the stylesheets use.
TEXT_PAIRS = [
    ("ink", "paper"),
    ("ink", "tint"),
    ("ink", "sand"),
    ("muted", "paper"),
    ("muted", "tint"),
    ("muted", "sand"),
    ("brand", "paper"),
    ("brand", "tint"),
    ("brand", "sand"),
    ("brand-dark", "paper"),
    ("brand-dark", "tint"),
    ("brand-dark", "sand"),
    ("paper", "brand"),  # buttons
    ("paper", "brand-dark"),  # hero, pressed menu button
    ("paper", "navy"),  # footer text
    ("footer-link", "navy"),  # footer links
    ("accent", "paper"),  # errors
    ("accent", "error-bg"),
    ("paper", "accent"),  # cancelled status
    ("paper", "ink"),  # skip link
]
NON_TEXT_PAIRS = [("focus", "ink"), ("brand-dark", "paper")]  # focus ring, menu button border


def palette():
    root = re.search(r":root\s*\{(.*?)\}", CSS.read_text(), re.S).group(1)
    return {name: value.lower() for name, value in re.findall(r"--([\w-]+):\s*(#[0-9a-fA-F]{6})", root)}


def luminance(hex_colour):
    channels = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(first, second):
    high, low = sorted((luminance(first), luminance(second)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_the_contrast_formula_matches_known_values():
    assert contrast("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)  # just below AA


@pytest.mark.parametrize(("text", "background"), TEXT_PAIRS)
def test_text_colours_meet_aa(text, background):
    colours = palette()
    ratio = contrast(colours[text], colours[background])
    assert ratio >= 4.5, f"--{text} on --{background}: {ratio:.2f}:1"


@pytest.mark.parametrize(("part", "background"), NON_TEXT_PAIRS)
def test_interface_parts_meet_three_to_one(part, background):
    colours = palette()
    assert contrast(colours[part], colours[background]) >= 3
