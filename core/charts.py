"""Server-rendered, accessible SVG charts (bar and line) with the data table beside them.

``render_chart`` returns HTML: a ``<figure>`` holding an ``<svg role="img">`` labelled by its
own ``<title>`` and ``<desc>``, and a ``<table>`` with the same numbers for screen readers
and for anyone who prefers reading the values. No JavaScript is involved.
"""

import contextvars
import hashlib
import math
from decimal import Decimal, InvalidOperation

from django.db import models
from django.utils.formats import number_format
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy


class ChartType(models.TextChoices):
    BAR = "bar", gettext_lazy("bar chart")
    LINE = "line", gettext_lazy("line chart")


WIDTH, HEIGHT = 640, 320
MARGIN_LEFT, MARGIN_RIGHT, MARGIN_TOP, MARGIN_BOTTOM = 72, 16, 32, 36
# Dark enough for 3:1 contrast against white (WCAG 1.4.11 non-text contrast). The legend's
# swatches take them from static/css/site.css (``.chart__swatch--<n>``): no inline styles under
# the Content-Security-Policy.
COLOURS = ["#1d4ed8", "#b45309", "#047857", "#7c3aed", "#be123c"]


class ChartDataError(ValueError):
    """The table cannot be drawn (not a number, no rows, no series)."""


def parse_number(text):
    """A table cell as a ``float`` (``None`` when empty).

    Accepts ``30.9``, ``30,9`` and Dutch thousands separators such as ``1.500.000,5``.
    """
    if text is None:
        return None
    if isinstance(text, int | float | Decimal):
        return float(text)
    cleaned = str(text).strip().replace(" ", "").replace("\u00a0", "").replace("%", "")
    if not cleaned:
        return None
    if "," in cleaned and "." in cleaned:
        cleaned = cleaned.replace(".", "").replace(",", ".")
    elif "," in cleaned:
        cleaned = cleaned.replace(",", ".")
    try:
        value = Decimal(cleaned)
    except InvalidOperation:
        raise ChartDataError(_("“%(cell)s” is not a number.") % {"cell": text}) from None
    if not value.is_finite():
        raise ChartDataError(_("“%(cell)s” is not a number.") % {"cell": text})
    return float(value)


def table_to_series(rows):
    """Rows of a table (first row: axis label + series names; then one row per category)
    as ``(axis_label, categories, [(name, values)])``."""
    rows = [list(row) for row in rows or [] if row and any(cell not in (None, "") for cell in row)]
    if len(rows) < 2 or len(rows[0]) < 2:
        raise ChartDataError(
            _("A chart needs a header row with at least one series name and at least one row of data.")
        )
    header = rows[0]
    names = [str(cell or "").strip() or _("Series %(n)s") % {"n": i} for i, cell in enumerate(header[1:], 1)]
    categories, columns = [], [[] for _name in names]
    for row in rows[1:]:
        row = row + [None] * (len(header) - len(row))
        categories.append(str(row[0] or "").strip())
        for column, cell in zip(columns, row[1 : len(header)], strict=True):
            column.append(parse_number(cell))
    return str(header[0] or "").strip(), categories, list(zip(names, columns, strict=True))


def format_value(value, unit=""):
    if value is None:
        return "–"
    decimals = 0 if float(value).is_integer() else 1
    text = number_format(round(value, decimals), decimal_pos=decimals, use_l10n=True, force_grouping=True)
    return f"{text} {unit}".strip() if unit else text


def _nice_step(span):
    raw = span / 4 if span > 0 else 1
    magnitude = 10 ** math.floor(math.log10(raw))
    for factor in (1, 2, 2.5, 5, 10):
        if raw <= factor * magnitude:
            return factor * magnitude
    return 10 * magnitude


def _scale(series):
    values = [v for _name, column in series for v in column if v is not None]
    low, high = min([0.0, *values]), max([0.0, *values])
    step = _nice_step(high - low)
    low = math.floor(low / step) * step
    high = math.ceil(high / step) * step or step
    return low, high, step


def _svg_body(chart_type, categories, series, unit):
    low, high, step = _scale(series)
    plot_w = WIDTH - MARGIN_LEFT - MARGIN_RIGHT
    plot_h = HEIGHT - MARGIN_TOP - MARGIN_BOTTOM

    def y(value):
        return MARGIN_TOP + plot_h - (value - low) / (high - low) * plot_h

    parts = []
    tick = low
    while tick <= high + step / 1000:
        ty = y(tick)
        parts.append(
            f'<line class="chart__grid" x1="{MARGIN_LEFT}" y1="{ty:.1f}" x2="{WIDTH - MARGIN_RIGHT}" y2="{ty:.1f}"/>'
            f'<text class="chart__tick" x="{MARGIN_LEFT - 8}" y="{ty + 4:.1f}" text-anchor="end">'
            f"{escape(format_value(tick))}</text>"
        )
        tick += step
    band = plot_w / max(1, len(categories))
    for index, category in enumerate(categories):
        cx = MARGIN_LEFT + band * (index + 0.5)
        parts.append(
            f'<text class="chart__label" x="{cx:.1f}" y="{HEIGHT - MARGIN_BOTTOM + 20}" '
            f'text-anchor="middle">{escape(category)}</text>'
        )
    zero = y(max(low, 0.0))
    for number, (_name, column) in enumerate(series):
        colour = COLOURS[number % len(COLOURS)]
        if chart_type == "line":
            points = [(MARGIN_LEFT + band * (i + 0.5), y(v)) for i, v in enumerate(column) if v is not None]
            if len(points) > 1:
                coords = " ".join(f"{px:.1f},{py:.1f}" for px, py in points)
                parts.append(
                    f'<polyline class="chart__line" points="{coords}" fill="none" '
                    f'stroke="{colour}" stroke-width="3"/>'
                )
            parts.extend(f'<circle cx="{px:.1f}" cy="{py:.1f}" r="4" fill="{colour}"/>' for px, py in points)
        else:
            bar_w = band * 0.8 / len(series)
            for i, value in enumerate(column):
                if value is None:
                    continue
                bx = MARGIN_LEFT + band * i + band * 0.1 + bar_w * number
                top, bottom = sorted((y(value), zero))
                parts.append(
                    f'<rect class="chart__bar" x="{bx:.1f}" y="{top:.1f}" width="{bar_w:.1f}" '
                    f'height="{max(bottom - top, 0.5):.1f}" fill="{colour}"/>'
                )
    parts.append(
        f'<line class="chart__axis" x1="{MARGIN_LEFT}" y1="{zero:.1f}" x2="{WIDTH - MARGIN_RIGHT}" y2="{zero:.1f}"/>'
    )
    if unit:
        parts.append(f'<text class="chart__unit" x="4" y="14">{escape(unit)}</text>')
    return "".join(parts)


# The chart ids given in the current request (reset when a request starts: ``reset_ids``).
_ids = contextvars.ContextVar("museumsite_chart_ids", default=None)


def reset_ids(**kwargs):
    """Forget the ids given so far (connected to ``request_started`` in ``CoreConfig.ready``)."""
    _ids.set(set())


def _unique_id(base):
    """``base`` (from the chart's content, not random: the same content renders the same bytes,
    which the ``ETag`` and the static export rely on), with ``-2``, ``-3``... for the second and
    later identical charts of one page."""
    given = _ids.get()
    if given is None:
        given = set()
        _ids.set(given)
    chart_id, number = base, 1
    while chart_id in given:
        number += 1
        chart_id = f"{base}-{number}"
    given.add(chart_id)
    return chart_id


def render_chart(
    *, chart_type, title, description, categories, series, axis_label="", unit="", source="", notes=None
):
    """The chart as safe HTML: ``<figure>`` with the SVG and the data table.

    ``series`` is a list of ``(name, values)``; ``notes`` optionally maps
    ``(category_index, series_index)`` to a short remark shown in the table (e.g. "estimate").
    """
    fingerprint = repr((chart_type, title, description, categories, series, axis_label, unit, source, notes))
    chart_id = _unique_id(f"chart-{hashlib.sha256(fingerprint.encode()).hexdigest()[:10]}")
    svg = format_html(
        '<svg class="chart__svg" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {w} {h}" '
        'role="img" aria-labelledby="{id}-title {id}-desc" focusable="false">'
        '<title id="{id}-title">{title}</title><desc id="{id}-desc">{desc}</desc>{body}</svg>',
        w=WIDTH,
        h=HEIGHT,
        id=chart_id,
        title=title,
        desc=description,
        body=mark_safe(_svg_body(chart_type, categories, series, unit)),  # noqa: S308 - every text escaped above
    )
    notes = notes or {}
    head = "".join(format_html('<th scope="col">{}</th>', name) for name, _column in series)
    rows = []
    for i, category in enumerate(categories):
        cells = []
        for s, (_name, column) in enumerate(series):
            note = notes.get((i, s))
            cells.append(
                format_html(
                    "<td>{}{}</td>",
                    format_value(column[i], unit),
                    format_html(' <span class="chart__note">({})</span>', note) if note else "",
                )
            )
        rows.append(format_html('<tr><th scope="row">{}</th>{}</tr>', category, mark_safe("".join(cells))))  # noqa: S308
    table = format_html(
        '<div class="chart__data" role="region" aria-labelledby="{id}-caption" tabindex="0"><table>'
        '<caption id="{id}-caption">{caption}</caption><thead><tr><th scope="col">{axis}</th>{head}</tr></thead>'
        "<tbody>{rows}</tbody></table></div>",
        id=chart_id,
        caption=_("Data: %(title)s") % {"title": title},
        axis=axis_label or _("Category"),
        head=mark_safe(head),
        rows=mark_safe("".join(rows)),  # noqa: S308
    )
    # The legend repeats the table's column names for sighted readers; the table serves the rest.
    legend = ""
    if len(series) > 1:
        legend = format_html(
            '<ul class="chart__legend" aria-hidden="true">{}</ul>',
            mark_safe(  # noqa: S308 - built with format_html
                "".join(
                    format_html(
                        '<li><span class="chart__swatch chart__swatch--{}"></span>{}</li>',
                        number % len(COLOURS),
                        name,
                    )
                    for number, (name, _column) in enumerate(series)
                )
            ),
        )
    source_html = (
        format_html('<p class="meta chart__source">{}: {}</p>', _("Source"), source) if source else ""
    )
    return format_html(
        '<figure class="chart chart--{type}" id="{id}"><div class="chart__visual">{svg}{legend}</div>'
        "{table}{source}</figure>",
        type=chart_type,
        id=chart_id,
        svg=svg,
        legend=legend,
        table=table,
        source=source_html,
    )
