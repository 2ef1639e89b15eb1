"""The chart block: valid, accessible SVG with title, description and the data table beside it."""

import xml.etree.ElementTree as ET

import pytest
from bs4 import BeautifulSoup
from django.utils import translation
from wagtail.blocks import StructBlockValidationError

from core.blocks import BaseStreamBlock, ChartBlock
from core.charts import ChartDataError, parse_number, render_chart, table_to_series
from knowledge.tests.helpers import nl

SVG = "{http://www.w3.org/2000/svg}"


def _value(chart_type="bar", rows=None, **extra):
    block = ChartBlock()
    raw = {
        "title": "Museumbezoek <per jaar>",
        "description": "Het bezoek groeide van 27 naar 30,9 miljoen.",
        "chart_type": chart_type,
        "unit": "miljoen",
        "source": "Museumcijfers",
        "data": {
            "first_row_is_table_header": True,
            "first_col_is_header": True,
            "table_header_choice": "both",
            "data": rows
            or [["Jaar", "Totaal", "Museumkaart"], ["2022", "27", "8,5"], ["2023", "30,9", "9,5"]],
        },
        **extra,
    }
    return block, block.to_python(raw)


@pytest.mark.parametrize("chart_type", ["bar", "line"])
def test_chart_renders_valid_accessible_svg_and_a_table(chart_type):
    block, value = _value(chart_type)
    with translation.override("nl"):
        html = block.render(value)
    soup = BeautifulSoup(html, "html.parser")
    svg_tag = soup.find("svg")
    root = ET.fromstring(str(svg_tag))  # well-formed XML
    assert root.tag == SVG + "svg"
    assert root.get("role") == "img"
    title, desc = root.find(SVG + "title"), root.find(SVG + "desc")
    assert title.text == "Museumbezoek <per jaar>"  # escaped in the markup, intact as text
    assert desc.text.startswith("Het bezoek groeide")
    assert root.get("aria-labelledby").split() == [title.get("id"), desc.get("id")]
    marks = (
        root.findall(SVG + "rect[@class='chart__bar']")
        if chart_type == "bar"
        else root.findall(SVG + "polyline")
    )
    assert len(marks) == (4 if chart_type == "bar" else 2)
    table = soup.find("table")
    assert table.find("caption").text == nl("Data: %(title)s", title="Museumbezoek <per jaar>")
    assert [th.text for th in table.select("thead th")] == ["Jaar", "Totaal", "Museumkaart"]
    assert [th.text for th in table.select("tbody th[scope=row]")] == ["2022", "2023"]
    assert "30,9 miljoen" in table.text
    assert "<script" not in html
    assert "Museumcijfers" in soup.find(class_="chart__source").text


def test_two_charts_on_one_page_have_distinct_ids():
    block, value = _value()
    first, second = (
        BeautifulSoup(block.render(value), "html.parser"),
        BeautifulSoup(block.render(value), "html.parser"),
    )
    assert first.find("title")["id"] != second.find("title")["id"]


def test_bars_reach_their_values():
    html = render_chart(
        chart_type="bar", title="T", description="D", categories=["a", "b"], series=[("s", [10.0, 20.0])]
    )
    root = ET.fromstring(str(BeautifulSoup(html, "html.parser").find("svg")))
    heights = [float(rect.get("height")) for rect in root.findall(SVG + "rect[@class='chart__bar']")]
    assert heights[1] == pytest.approx(heights[0] * 2, rel=0.01)


def test_negative_and_missing_values_are_drawn():
    html = render_chart(
        chart_type="line",
        title="T",
        description="D",
        categories=["a", "b", "c"],
        series=[("s", [-5.0, None, 5.0])],
    )
    soup = BeautifulSoup(html, "html.parser")
    ET.fromstring(str(soup.find("svg")))
    assert "–" in soup.find("table").text  # the missing value is shown as a dash


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("30,9", 30.9),
        ("30.9", 30.9),
        ("1.500.000,5", 1500000.5),
        (" 20 % ", 20.0),
        ("", None),
        (None, None),
        (7, 7.0),
    ],
)
def test_parse_number(text, expected):
    assert parse_number(text) == expected


@pytest.mark.parametrize(
    "rows",
    [
        [["Jaar", "Bezoek"], ["2023", "veel"]],
        [["Jaar", "Bezoek"]],
        [["Jaar"], ["2023"]],
        [],
        [["Jaar", "Bezoek"], ["2023", "NaN"]],
    ],
)
def test_bad_tables_are_refused_with_a_message(rows):
    with pytest.raises(ChartDataError):
        table_to_series(rows)
    block, value = _value(rows=rows or [["x"]])
    with pytest.raises(StructBlockValidationError) as error:
        block.clean(value)
    assert "data" in error.value.block_errors


def test_api_representation_is_data_not_markup():
    block, value = _value("line")
    data = block.get_api_representation(value)
    assert data == {
        "title": "Museumbezoek <per jaar>",
        "description": "Het bezoek groeide van 27 naar 30,9 miljoen.",
        "chart_type": "line",
        "unit": "miljoen",
        "axis_label": "Jaar",
        "categories": ["2022", "2023"],
        "series": [{"name": "Totaal", "values": [27.0, 30.9]}, {"name": "Museumkaart", "values": [8.5, 9.5]}],
        "source": "Museumcijfers",
    }


def test_block_is_available_in_knowledge_bodies_and_has_a_preview():
    stream = BaseStreamBlock()
    chart = stream.child_blocks["chart"]
    assert isinstance(chart, ChartBlock)
    assert chart.meta.preview_value["title"]
    assert chart.meta.description
    html = chart.render(chart.to_python(chart.meta.preview_value))
    assert "<svg" in html and "<table>" in html
