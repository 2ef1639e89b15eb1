"""Demo content of the museums app: the finder, 43 museums and their exhibitions.

Names, towns and provinces are public, and so are the addresses, postcodes and building
coordinates in ``demo_data.FACTS``; a fact that was not found says so on the page. Hours,
accessibility and exhibitions are demo data and say so. Dates are relative to the day the demo is loaded, so there are always current,
upcoming and past exhibitions and this year's and next year's holidays.
"""

import datetime
from itertools import cycle

from django.utils import timezone

from core.models import Theme
from core.seeding import seed_step

from .demo_data import ACCESSIBILITY_SETS, EXHIBITION_TITLES, FACTS, MUSEUMS, missing_facts
from .models import AccessibilityFeature, ExhibitionPage, MuseumCategory, MuseumIndexPage, MuseumPage
from .models import OpeningHoursException as Exception_
from .models import WeeklyOpeningHours as Weekly

T = datetime.time
DEMO_NOTE = "Openingstijden, toegankelijkheid en tentoonstellingen op deze pagina zijn demogegevens."
MISSING_LABELS = {
    "address": "het adres",
    "postcode": "de postcode",
    "coordinates": "de ligging van het gebouw",
}


def _where(slug, province, city):
    """The public address, postcode and building coordinates of ``slug`` (what was found), and a
    demo note naming what was not found (empty when nothing is missing)."""
    facts = FACTS.get(slug, {})
    fields = {key: facts[key] for key in ("address", "postcode", "latitude", "longitude") if key in facts}
    if "latitude" in fields:
        fields["coordinates_precision"] = "exact"
    missing = [MISSING_LABELS[name] for name in missing_facts(slug, province)]
    note = ""
    if missing:
        listed = ", ".join(missing[:-1]) + (" en " if len(missing) > 1 else "") + missing[-1]
        note = (
            f" Voor {listed} is geen openbare bron gevonden; de kaart toont het centrum van {city}. (Demo.)"
        )
    return fields, note


PATTERNS = {
    "daily9": [(d, T(9), T(17)) for d in range(7)],
    "daily10": [(d, T(10), T(17)) for d in range(7)],
    "tuesun": [(d, T(10), T(17)) for d in range(1, 7)],
    "tuesun11": [(d, T(11), T(17)) for d in range(1, 7)],
    "late": [(d, T(9), T(22)) for d in range(7)],
    "summer": [(d, T(10), T(17)) for d in range(1, 7)],
    "caribbean": [(d, T(9), T(16)) for d in range(6)],
}


def easter(year):
    """Western Easter Sunday (anonymous Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    ell = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * ell) // 451
    month, day = divmod(h + ell - 7 * m + 114, 31)
    return datetime.date(year, month, day + 1)


def _day(day, label, *, closed=False, opens=None, closes=None, next_day=False, end=None, weekday=None):
    return Exception_(
        start_date=day,
        end_date=end or day,
        weekday=weekday,
        closed=closed,
        opens=opens,
        closes=closes,
        closes_next_day=next_day,
        label=f"{label} (demo)",
    )


def holiday_exceptions(pattern, city, year):
    """Demo exceptions for one year: closed days, extra Mondays, late openings."""
    rows = [
        _day(datetime.date(year, 1, 1), "Nieuwjaarsdag", closed=True),
        _day(datetime.date(year, 12, 25), "Eerste Kerstdag", closed=True),
    ]
    if pattern == "caribbean":
        return rows
    rows.append(_day(datetime.date(year, 12, 31), "Oudejaarsdag", opens=T(10), closes=T(16)))
    kings_day = datetime.date(year, 4, 27)
    if kings_day.weekday() == 6:
        kings_day -= datetime.timedelta(days=1)
    if pattern.startswith("tuesun") or pattern == "summer":
        # Extra openings on Mondays that are holidays, and Mondays in the Christmas holiday.
        for label, day in (
            ("Tweede Paasdag", easter(year) + datetime.timedelta(days=1)),
            ("Tweede Pinksterdag", easter(year) + datetime.timedelta(days=50)),
            ("Koningsdag", kings_day),
        ):
            if day.weekday() == 0:
                rows.append(_day(day, label, opens=T(10), closes=T(17)))
        rows.append(
            _day(
                datetime.date(year, 12, 19),
                "Kerstvakantie: ook op maandag",
                opens=T(10),
                closes=T(17),
                end=datetime.date(year + 1, 1, 3),
                weekday=0,
            )
        )
    if pattern == "summer":
        rows.append(
            _day(
                datetime.date(year, 7, 1),
                "Zomer: elke dag open",
                opens=T(10),
                closes=T(18),
                end=datetime.date(year, 8, 31),
            )
        )
    if city == "Amsterdam":
        first = datetime.date(year, 11, 1)
        museumnacht = first + datetime.timedelta(days=(5 - first.weekday()) % 7)
        opens, closes = PATTERNS[pattern][0][1:] if pattern in PATTERNS else (T(10), T(17))
        rows.append(_day(museumnacht, "Museumnacht", opens=opens, closes=closes))
        rows.append(_day(museumnacht, "Museumnacht", opens=T(19), closes=T(1), next_day=True))
    return rows


def _flags(flags):
    return {
        "is_rijksmuseum": "r" in flags,
        "museumregister_registered": "m" in flags,
        "under_museum_cao": "c" in flags,
        "museumkaart_accepted": "k" in flags or "b" in flags,
        "museumkaart_reservation_required": "b" in flags,
    }


def _exhibitions(museum_number, today):
    """(kind, start, end, extended) tuples for one museum: 1–3 exhibitions with mixed states."""
    d = datetime.timedelta
    kinds = [
        ("current", today - d(days=40), today + d(days=50), None),
        ("upcoming", today + d(days=20), today + d(days=120), None),
        ("past", today - d(days=200), today - d(days=30), None),
    ]
    rows = [kinds[museum_number % 3]]
    if museum_number % 2 == 0:
        rows.append(kinds[(museum_number + 1) % 3])
    if museum_number % 3 == 0:
        rows.append(("permanent", None, None, None))
    if museum_number % 7 == 0:
        rows.append(("current", today - d(days=100), today + d(days=10), today + d(days=70)))
    return rows


@seed_step(kind="demo", order=30, label="museums")
def load(ctx):
    index = ctx.get_or_create_page(
        ctx.home,
        MuseumIndexPage,
        slug="musea",
        defaults={
            "title": "Musea",
            "intro": "Welk museum kunt u bezoeken, waar, en is het nu open? Zoek op plaats, provincie, "
            "soort museum, toegankelijkheid en openingstijden.",
            "listing_summary": "Vind een museum dat nu open is, bij u in de buurt.",
            "show_in_menus": True,
        },
    )
    ctx.register_section("museums", index)
    ctx.translate(
        index,
        "en",
        title="Museums",
        slug="museums",
        intro="Which museum can you visit, where, and is it open now? Search by place, province, "
        "kind of museum, accessibility and opening hours.",
    )

    categories = MuseumCategory.objects.ensure_all()
    features = AccessibilityFeature.objects.ensure_all()
    themes = {t.slug: t for t in Theme.objects.filter(locale=ctx.locale("nl"))}
    today = timezone.localdate()
    access_sets = cycle(ACCESSIBILITY_SETS)
    titles = cycle(EXHIBITION_TITLES)
    for number, row in enumerate(ctx.progress(MUSEUMS, "museums")):
        slug, title, city, province, point, cats, pattern, flags, website = row
        access = next(access_sets)
        where, missing_note = _where(slug, province, city)
        fields = {
            "title": title,
            "city": city,
            "province": province,
            "website": website,
            "intro": f"{title} in {city}. {DEMO_NOTE}{missing_note}",
            "listing_summary": f"{title} in {city} (demo-openingstijden).",
            "coordinates_precision": "approximate",
            **_flags(flags),
        }
        if point:
            fields["latitude"], fields["longitude"] = point
        fields.update(where)
        if "b" in flags:
            fields["museumkaart_conditions"] = (
                "Reserveer vooraf een tijdslot, ook met de Museumkaart. (Demo.)"
            )
        fields["weekly_hours"] = [Weekly(weekday=d, opens=o, closes=c) for d, o, c in PATTERNS[pattern]]
        fields["hours_exceptions"] = [
            *holiday_exceptions(pattern, city, today.year),
            *holiday_exceptions(pattern, city, today.year + 1),
        ]
        fields["categories"] = [categories[c] for c in cats]
        fields["accessibility_features"] = [features[f] for f in access]
        if access:
            fields["accessibility_notes"] = "Vraag bij de balie naar de mogelijkheden. (Demo.)"
        museum = ctx.get_or_create_page(index, MuseumPage, slug=slug, defaults=fields)
        for position, (kind, start, end, extended) in enumerate(_exhibitions(number, today), start=1):
            name, family, theme = next(titles)
            ctx.get_or_create_page(
                museum,
                ExhibitionPage,
                slug=f"tentoonstelling-{position}",
                defaults={
                    "title": f"{'De collectie' if kind == 'permanent' else name} (demo)",
                    "intro": f"Een verzonnen tentoonstelling in {title}. (Demo.)",
                    "listing_summary": f"Tentoonstelling in {title}, {city} (demo).",
                    "permanent": kind == "permanent",
                    "start_date": start,
                    "end_date": end,
                    "extended_until": extended,
                    "family_friendly": family,
                    "surcharge_eur": 2.5 if number % 5 == 0 and kind != "permanent" else None,
                    "themes": [themes[theme]] if theme in themes else [],
                },
            )
        if slug in ("rijksmuseum", "anne-frank-huis"):
            ctx.translate(
                museum,
                "en",
                intro=f"{title} in {city}. Opening hours, accessibility and "
                "exhibitions on this page are demo data.",
            )
