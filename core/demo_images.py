"""Demo illustrations: a picture for every museum, exhibition, event, article and the home page,
drawn by the demo loader itself (no download), and the site's default social image.

Each picture is a composition in the site's colours from the item's own facts: a museum's
facade silhouette with its name and town, an exhibition's geometric shapes with its title and
dates, an event poster with its date, an article's stripes with its kind. Nothing is random:
the colour comes from a digest of the item's address in the Dutch tree, the text from its
fields, so the same content gives the same bytes (JPEG, quality 80) on every load.

The alternative text (the image's ``description``, which Wagtail uses as ``alt``) says what is
seen and that it is a generated illustration, not a photograph, in the language of the page.
A translated page gets its own picture (its own title, its own language); an alias (a page not
translated yet) shows its original's. The Papiamentu texts are first drafts awaiting review by
a native speaker.

The text is drawn with the font Pillow ships (Aileron, ASCII only): letters with diacritics are
drawn without them (Curaçao as "Curacao"); the alternative text keeps the real spelling.
"""

import hashlib
import io
import json
import unicodedata

from django.apps import apps
from django.core.files.images import ImageFile
from django.db import transaction
from django.db.models import OuterRef, Q, Subquery
from django.utils import dateformat, translation
from django.utils.text import slugify
from PIL import Image, ImageDraw, ImageFont
from wagtail.images import get_image_model
from wagtail.models import Collection, Locale, ReferenceIndex, Site
from wagtail_localize.models import OverridableSegment, SegmentOverride, TranslationSource

from core.images import renditions_to_make
from core.models import SiteSettings
from core.seeding import seed_step

COLLECTION = "Demo illustrations"
SIZE = (1200, 800)  # detail pages and cards (3:2)
WIDE = (1600, 600)  # the home page's hero
CARD = (1200, 630)  # the site's default social image (Open Graph's proportions)
QUALITY = 80
# The pages that get a picture: (page type, image field, kind of picture).
TARGETS = (
    ("museums.MuseumPage", "image", "museum"),
    ("museums.ExhibitionPage", "image", "exhibition"),
    ("agenda.EventPage", "image", "event"),
    ("knowledge.ArticlePage", "image", "article"),
    ("home.HomePage", "hero_image", "home"),
)

# The site's colours (static/css/site.css): (name, field, shapes, accent, text).
PALETTES = (
    ("blue", "#0b4f8a", "#073a66", "#ffbf47", "#ffffff"),
    ("dark blue", "#073a66", "#0b4f8a", "#f3f5f8", "#ffffff"),
    ("red", "#b3261e", "#8a1c16", "#ffbf47", "#ffffff"),
    ("yellow", "#ffbf47", "#e8a82e", "#0b4f8a", "#1a1a1a"),
    ("light grey", "#f3f5f8", "#d5dbe4", "#b3261e", "#1a1a1a"),
)
COLOUR_NAMES = {
    "nl": {
        "blue": "blauw",
        "dark blue": "donkerblauw",
        "red": "rood",
        "yellow": "geel",
        "light grey": "lichtgrijs",
    },
    "en": {name: name for name, *_ in PALETTES},
    # First drafts, awaiting review by a native speaker.
    "pap": {
        "blue": "blou",
        "dark blue": "blou skur",
        "red": "kòrá",
        "yellow": "hel",
        "light grey": "gris kla",
    },
}
ALT_TEXTS = {
    "nl": {
        "museum": "Gegenereerde illustratie, geen foto: het silhouet van een museumgebouw op een {colour} "
        "vlak, met de naam ‘{title}’ en de plaats {city}.",
        "exhibition": "Gegenereerde affiche, geen foto: cirkels en rechthoeken op een {colour} vlak, met "
        "de titel ‘{title}’ en {when}.",
        "event": "Gegenereerde affiche, geen foto: de datum {when} in een groot blok op een {colour} "
        "vlak, met de titel ‘{title}’ en het soort activiteit ({type}).",
        "article": "Gegenereerde illustratie, geen foto: schuine strepen op een {colour} vlak, met het "
        "soort publicatie ({type}) en de titel ‘{title}’.",
        "home": "Gegenereerde illustratie, geen foto: het woordmerk {title} naast gekleurde blokken op "
        "een {colour} vlak.",
        "dates": "de looptijd {when}",
        "permanent": "de vermelding ‘vaste collectie’",
    },
    "en": {
        "museum": "Generated illustration, not a photo: the silhouette of a museum building on a {colour} "
        "field, with the name ‘{title}’ and the town {city}.",
        "exhibition": "Generated poster, not a photo: circles and rectangles on a {colour} field, with "
        "the title ‘{title}’ and {when}.",
        "event": "Generated poster, not a photo: the date {when} in a large block on a {colour} field, "
        "with the title ‘{title}’ and the kind of activity ({type}).",
        "article": "Generated illustration, not a photo: diagonal stripes on a {colour} field, with the "
        "kind of publication ({type}) and the title ‘{title}’.",
        "home": "Generated illustration, not a photo: the wordmark {title} beside coloured blocks on a "
        "{colour} field.",
        "dates": "the dates {when}",
        "permanent": "the words ‘permanent collection’",
    },
    # First drafts, awaiting review by a native speaker.
    "pap": {
        "museum": "Ilustrashon generá, no ta un potrèt: e silueta di un edifisio di museo riba un fondo "
        "{colour}, ku e nòmber ‘{title}’ i e lugá {city}.",
        "exhibition": "Afiche generá, no ta un potrèt: sírkulo i rektángulo riba un fondo {colour}, ku "
        "e título ‘{title}’ i {when}.",
        "event": "Afiche generá, no ta un potrèt: e fecha {when} den un blòki grandi riba un fondo "
        "{colour}, ku e título ‘{title}’ i e tipo di aktividat ({type}).",
        "article": "Ilustrashon generá, no ta un potrèt: strepi inkliná riba un fondo {colour}, ku e "
        "tipo di publikashon ({type}) i e título ‘{title}’.",
        "home": "Ilustrashon generá, no ta un potrèt: e marka di palabra {title} banda di blòki di "
        "koló riba un fondo {colour}.",
        "dates": "e fechanan {when}",
        "permanent": "e palabranan ‘kolekshon permanente’",
    },
}
PERMANENT_LABEL = {"nl": "Vaste collectie", "en": "Permanent collection", "pap": "Kolekshon permanente"}
WORDMARK = "Museumvereniging"


# --- drawing ---------------------------------------------------------------------------------


def _font(size):
    """Pillow's own font (the same on every machine), laid out without Raqm (the same glyph
    positions whatever libraries the machine has)."""
    return ImageFont.load_default(size).font_variant(layout_engine=ImageFont.Layout.BASIC)


def drawable(text):
    """``text`` as the bundled font can draw it: ASCII, diacritics dropped, typographic
    quotes and dashes as their plain forms."""
    text = text.translate({0x2018: "'", 0x2019: "'", 0x201C: '"', 0x201D: '"', 0x2013: "-", 0x2014: "-"})
    text = unicodedata.normalize("NFKD", text)
    return "".join(char for char in text if char.isascii() and (char.isprintable() or char == " "))


def _wrap(draw, text, font, width, max_lines):
    """``text`` in lines no wider than ``width``; an ellipsis ends a text cut short."""
    lines, current = [], ""
    for word in drawable(text).split():
        candidate = f"{current} {word}".strip()
        if current and draw.textlength(candidate, font=font) > width:
            lines.append(current)
            current = word
        else:
            current = candidate
    if current:
        lines.append(current)
    if len(lines) > max_lines:
        lines = lines[:max_lines]
        lines[-1] = lines[-1].rstrip(".,;:") + "..."
    return lines


def _text_block(draw, lines, font, x, y, fill, leading=1.18):
    step = round(font.size * leading)
    for number, line in enumerate(lines):
        draw.text((x, y + number * step), line, font=font, fill=fill)
    return y + len(lines) * step


def palette_for(key):
    """The palette of an item: a digest of ``key`` (stable from load to load) picks it."""
    return PALETTES[int(hashlib.sha256(key.encode()).hexdigest()[:8], 16) % len(PALETTES)]


def _digest_numbers(key, count):
    digest = hashlib.sha256(f"shapes:{key}".encode()).digest()
    return [digest[i % len(digest)] for i in range(count)]


def _museum(draw, size, palette, facts):
    _, field, shapes, accent, text = palette
    width, height = size
    # The facade: steps, columns under a pediment, on the right half of the field.
    left, right, base = 720, 1080, 640
    draw.rectangle((left - 30, base, right + 30, base + 24), fill=shapes)
    draw.rectangle((left - 15, base - 18, right + 15, base), fill=shapes)
    columns = 3 + _digest_numbers(facts["key"], 1)[0] % 4
    gap = (right - left) / (columns * 2 - 1)
    for number in range(columns):
        x = left + number * 2 * gap
        draw.rectangle((round(x), 330, round(x + gap), base - 18), fill=shapes)
    draw.rectangle((left - 20, 300, right + 20, 330), fill=shapes)
    draw.polygon([(left - 40, 300), ((left + right) / 2, 170), (right + 40, 300)], fill=accent)
    title_font, meta_font = _font(52), _font(34)
    y = _text_block(draw, _wrap(draw, facts["title"], title_font, 500, 5), title_font, 100, 180, text)
    draw.text((100, y + 30), drawable(facts["city"]), font=meta_font, fill=text)


def _exhibition(draw, size, palette, facts):
    _, field, shapes, accent, text = palette
    numbers = _digest_numbers(facts["key"], 8)
    for number in range(4):
        x = 780 + numbers[number] % 260
        y = 200 + numbers[number + 4] % 400
        radius = 50 + numbers[(number + 2) % 8] % 100
        colour = accent if number == 0 else shapes
        if number % 2:
            draw.rectangle((x - radius, y - radius // 2, x + radius, y + radius // 2), fill=colour)
        else:
            draw.ellipse((x - radius, y - radius, x + radius, y + radius), fill=colour)
    title_font, meta_font = _font(60), _font(34)
    y = _text_block(draw, _wrap(draw, facts["title"], title_font, 560, 4), title_font, 100, 150, text)
    y = _text_block(draw, _wrap(draw, facts["museum"], meta_font, 560, 2), meta_font, 100, y + 30, text)
    draw.rectangle((100, y + 24, 180, y + 32), fill=accent)
    draw.text((100, y + 50), drawable(facts["when"]), font=meta_font, fill=text)


def _event(draw, size, palette, facts):
    _, field, shapes, accent, text = palette
    width, height = size
    day = facts["date"]
    draw.rectangle((780, 150, 1100, 560), fill=shapes)
    draw.rectangle((780, 150, 1100, 230), fill=accent)
    month_font, day_font, year_font = _font(44), _font(170), _font(40)
    accent_text = "#1a1a1a" if accent in ("#ffbf47", "#f3f5f8") else "#ffffff"
    for value, font, top, colour in (
        (facts["month"], month_font, 168, accent_text),
        (str(day.day), day_font, 255, text),
        (str(day.year), year_font, 475, text),
    ):
        label = drawable(value)
        draw.text((940 - draw.textlength(label, font=font) / 2, top), label, font=font, fill=colour)
    type_font, title_font = _font(36), _font(58)
    draw.text((100, 150), drawable(facts["type"]).upper(), font=type_font, fill=text)
    draw.rectangle((100, 205, 200, 213), fill=accent)
    _text_block(draw, _wrap(draw, facts["title"], title_font, 600, 6), title_font, 100, 250, text)


def _article(draw, size, palette, facts):
    _, field, shapes, accent, text = palette
    width, height = size
    for number in range(-2, 10):
        x = 560 + number * 90
        draw.polygon([(x, height), (x + 40, height), (x + 40 + 500, 0), (x + 500, 0)], fill=shapes)
    draw.rectangle((100, 140, 560, 690), fill=field)
    type_font, title_font = _font(36), _font(56)
    draw.text((100, 160), drawable(facts["type"]).upper(), font=type_font, fill=text)
    draw.rectangle((100, 215, 200, 223), fill=accent)
    _text_block(draw, _wrap(draw, facts["title"], title_font, 450, 7), title_font, 100, 260, text)


def _wordmark(draw, size, palette, facts):
    _, field, shapes, accent, text = palette
    width, height = size
    block = height // 5
    left = width - 3 * block - 80
    for number, colour in enumerate((shapes, accent, shapes)):
        x = left + number * block
        draw.rectangle((x, block, x + block, height - block), fill=colour)
    label = drawable(facts["title"])
    size_px = round(height * 0.13)
    while size_px > 24 and draw.textlength(label, font=_font(size_px)) > left - 140:
        size_px -= 4
    font = _font(size_px)
    middle = height / 2
    draw.text((80, middle - size_px * 0.6), label, font=font, fill=text)
    underline = middle + size_px * 0.7
    draw.rectangle((80, underline, 80 + 2 * block, underline + 10), fill=accent)


DRAW = {"museum": _museum, "exhibition": _exhibition, "event": _event, "article": _article, "home": _wordmark}


def render(kind, facts, size=SIZE):
    """The JPEG bytes of a picture of ``kind`` from ``facts`` (``key`` picks the colours)."""
    palette = palette_for(facts["key"])
    picture = Image.new("RGB", size, palette[1])
    DRAW[kind](ImageDraw.Draw(picture), size, palette, facts)
    output = io.BytesIO()
    picture.save(output, format="JPEG", quality=QUALITY)
    return output.getvalue(), palette[0]


def alt_text(kind, facts, colour, language):
    texts = ALT_TEXTS.get(language, ALT_TEXTS["en"])
    colours = COLOUR_NAMES.get(language, COLOUR_NAMES["en"])
    when = facts.get("when", "")
    if kind == "exhibition":
        when = texts["permanent"] if facts.get("permanent") else texts["dates"].format(when=when)
    return texts[kind].format(
        title=facts["title"],
        colour=colours[colour],
        city=facts.get("city", ""),
        when=when,
        type=facts.get("type", ""),
    )


# --- the facts of a page -------------------------------------------------------------------


def _language(page):
    return page.locale.language_code.split("-")[0]


def _date(value, language, pattern="j F Y"):
    with translation.override(language):
        return dateformat.format(value, pattern)


def _key(page):
    """What picks a page's colours: its address in the Dutch tree (its own without one), so
    the translations of a page share its colours and a new load gives the same."""
    source = (
        type(page).objects.filter(translation_key=page.translation_key, locale__language_code="nl").first()
    )
    return (source or page).url_path


def facts_for(page, kind):
    language = _language(page)
    facts = {"key": f"{kind}:{_key(page)}", "title": page.title}
    with translation.override(language):
        if kind == "museum":
            facts["city"] = page.city
        elif kind == "exhibition":
            parent = page.get_parent()
            facts["museum"] = parent.title if parent else ""
            facts["permanent"] = page.permanent
            if page.permanent or not page.start_date:
                facts["when"] = PERMANENT_LABEL.get(language, PERMANENT_LABEL["en"])
            else:
                last = page.extended_until or page.end_date
                facts["when"] = _date(page.start_date, language) + (
                    f" - {_date(last, language)}" if last else ""
                )
        elif kind == "event":
            facts["date"] = page.start_date
            facts["month"] = _date(page.start_date, language, "F")
            facts["when"] = _date(page.start_date, language)
            facts["type"] = str(page.get_event_type_display())
        elif kind == "article":
            facts["type"] = str(page.get_kind_display())
        elif kind == "home":
            facts["title"] = WORDMARK
    return facts


# --- storing -------------------------------------------------------------------------------


def demo_collection():
    collection = Collection.objects.filter(name=COLLECTION).first()
    if collection is None:
        collection = Collection.get_first_root_node().add_child(name=COLLECTION)
    return collection


def store(data, *, title, alt, name, collection):
    """A Wagtail image of ``data`` in ``collection``: the one already stored with the same bytes
    there, else a new one."""
    image_model = get_image_model()
    digest = hashlib.sha1(data).hexdigest()  # noqa: S324 - Wagtail's own file hash
    existing = image_model.objects.filter(collection=collection, file_hash=digest, description=alt).first()
    if existing is not None:
        return existing, False
    image = image_model(title=title[:255], description=alt[:255], collection=collection)
    image.file = ImageFile(io.BytesIO(data), name=name)
    image._set_image_file_metadata()
    image.save()
    return image, True


def illustrate(page, kind, collection):
    """The picture of ``page`` (a Wagtail image), drawn and stored."""
    facts = facts_for(page, kind)
    data, colour = render(kind, facts, WIDE if kind == "home" else SIZE)
    language = _language(page)
    alt = alt_text(kind, facts, colour, language)
    # Named by the page's address (slugs repeat under different parents).
    name = f"demo-{kind}-{slugify(page.url_path)[-50:].strip('-') or page.pk}-{language}.jpg"
    return store(data, title=page.title, alt=alt, name=name, collection=collection)


def _set_revision_field(revision, field, image):
    if revision is not None and revision.content.get(field) != image.pk:
        revision.content[field] = image.pk
        revision.save(update_fields=["content"])


@transaction.atomic
def attach(page, field, image):
    """Set ``page.<field>`` to ``image`` on the page, its aliases and its latest and live
    revisions (what an editor opens next), without a new revision; the reference index learns
    that they show the image (what a change of the image invalidates)."""
    model = type(page)
    pages = model.objects.filter(Q(pk=page.pk) | Q(alias_of_id=page.pk))
    pages.update(**{f"{field}_id": image.pk})
    for shown in pages:
        ReferenceIndex.create_or_update_for_object(shown)
    setattr(page, field, image)
    _set_revision_field(page.latest_revision, field, image)
    if page.live_revision_id and page.live_revision_id != page.latest_revision_id:
        _set_revision_field(page.live_revision, field, image)


def site_card(collection, language="nl"):
    """The site's default social image: the wordmark card."""
    facts = {"key": "site:wordmark", "title": WORDMARK}
    data, colour = render("home", facts, CARD)
    alt = alt_text("home", facts, colour, language)
    return store(
        data, title=WORDMARK, alt=alt, name=f"demo-site-wordmark-{language}.jpg", collection=collection
    )


def _showing_their_originals(model, field):
    """Translations of their own (not aliases) that show their original's picture, as
    wagtail-localize copies it into a translation: they get a picture in their own language."""
    default = Locale.get_default()
    originals = model.objects.filter(locale=default, translation_key=OuterRef("translation_key"))
    return (
        model.objects.filter(alias_of__isnull=True, **{f"{field}__isnull": False})
        .exclude(locale=default)
        .filter(**{f"{field}_id": Subquery(originals.values(f"{field}_id")[:1])})
    )


def keep_through_syncs(page, field, image):
    """Record ``image`` as the translation's own value of ``field`` (wagtail-localize's
    override of a synchronised field), so that syncing the translation with its source later
    keeps it instead of copying the original's picture back. Nothing to record where the
    source had no picture when it was last extracted, nor for a page of the default language."""
    default = Locale.get_default()
    if page.locale_id == default.pk:
        return
    original = page.get_translation_or_none(default)
    source = original and TranslationSource.objects.get_for_instance_or_none(original)
    if source is None:
        return
    segment = OverridableSegment.objects.filter(source=source, context__path=field).first()
    if segment is not None:
        SegmentOverride.objects.update_or_create(
            locale=page.locale, context=segment.context, defaults={"data_json": json.dumps(image.pk)}
        )


# After the English translations (995): a page translated through wagtail-localize starts with
# its original's picture, and gets one in its own language here.
@seed_step(kind="demo", order=998, label="demo illustrations")
def load(ctx):
    """Draw and attach a picture to every page of ``TARGETS`` that has none (pages of their
    own, in every language; aliases follow their original), then the wordmark card as the home
    pages' and the site's default social image. A second run finds every field set and draws
    nothing."""
    collection = demo_collection()
    jobs = []
    for label, field, kind in TARGETS:
        try:
            model = apps.get_model(label)
        except LookupError:  # a section that is not installed
            continue
        pages = (
            model.objects.filter(alias_of__isnull=True)
            .filter(Q(**{f"{field}__isnull": True}) | Q(pk__in=_showing_their_originals(model, field)))
            .select_related("locale", "latest_revision", "live_revision")
            .order_by("path")
        )
        jobs.extend((page, field, kind) for page in pages)
    ctx.log(f"    pictures to draw: {len(jobs)}")
    for page, field, kind in ctx.progress(jobs, "pictures"):
        image, created = illustrate(page, kind, collection)
        attach(page, field, image)
        keep_through_syncs(page, field, image)
        ctx.created += int(created)
    # The home pages are shared with the wordmark card (the hero is too wide for Open Graph).
    home_model = apps.get_model("home", "HomePage")
    homes = home_model.objects.filter(alias_of__isnull=True).filter(
        Q(social_image__isnull=True) | Q(pk__in=_showing_their_originals(home_model, "social_image"))
    )
    for home in homes.select_related("locale", "latest_revision", "live_revision"):
        card, created = site_card(collection, _language(home))
        attach(home, "social_image", card)
        keep_through_syncs(home, "social_image", card)
        ctx.created += int(created)
    site = Site.objects.filter(is_default_site=True).first()
    if site is not None:
        values = SiteSettings.for_site(site)
        if values.social_image_id is None:
            values.social_image, created = site_card(collection)
            values.save(update_fields=["social_image"])
            ctx.created += int(created)
    # The renditions the site shows, made now: first views and exports do not wait for them, and
    # a rolled-back test does not make them again (under new names: the old files stay on disk).
    heroes = set(home_model.objects.exclude(hero_image=None).values_list("hero_image_id", flat=True))
    images = get_image_model().objects.filter(collection=collection).order_by("pk")
    for image, specs in ctx.progress(renditions_to_make(images, heroes), "renditions of pictures"):
        image.get_renditions(*specs)
