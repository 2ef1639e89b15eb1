"""English translations of the demo, made through wagtail-localize's own workflow.

After the content steps and the English tree's aliases (``core/demo.py``'s ``sync_tree``), every Dutch demo page (in tree order, so parents come first) and every
Dutch theme and dossier gets what an editor's translation in the admin would give it: a
``TranslationSource`` extracted from the Dutch original, a ``Translation`` into English, one
``StringTranslation`` per segment (the English text for each Dutch source string) and
``translation.save_target(publish=True)``, which converts the English alias into a page of its
own (or creates the page). The English texts come from each app's ``demo_en.py``, which
registers them here with ``english_texts``:

- ``texts``: Dutch string -> English string (a translation memory);
- ``rules``: ``(pattern, function)`` pairs for text the demo builds from templates (a museum's
  intro, an exhibition's summary): ``function(match, english)`` returns the English text and may
  translate a part with ``english(part)``;
- ``same``: ``(page type, field)`` pairs whose text is a name (a museum's title, a street address),
  English as it stands.

A slug follows the English title (one of digits, such as an edition's year, stays). An English text the loader made earlier with
``SeedContext.translate`` is kept. A page with a source string that has no English text is left
as it is (its alias: "only in Dutch") and named in the progress output; a test asserts the demo
has none. A second run changes nothing: a page or snippet with a translation is left alone.
"""

import re
from collections import defaultdict

from django.apps import apps
from django.db import transaction
from django.utils.module_loading import autodiscover_modules
from django.utils.text import slugify
from wagtail.models import Page
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource
from wagtail_localize.segments import StringSegmentValue
from wagtail_localize.segments.extract import extract_segments
from wagtail_localize.strings import StringValue

from core.seeding import seed_step

LANGUAGE = "en"
BATCH = 25
SNIPPETS = ("core.Theme", "core.Dossier")

_TEXTS = {}
_RULES = []
_SAME = {("*", "address"), ("*", "postcode"), ("*", "city"), ("*", "venue_city")}


# Tried after every app's rules: the demo marks on an otherwise translated text.
_GENERIC = [
    (re.compile(r"(?P<text>.+) \(demo\)", re.DOTALL), lambda m, english: f"{english(m['text'])} (demo)"),
    (re.compile(r"(?P<text>.+) \(Demo\.\)", re.DOTALL), lambda m, english: f"{english(m['text'])} (Demo.)"),
    (
        re.compile(r"(?P<text>.+) \(Demo-tekst\.\)", re.DOTALL),
        lambda m, english: f"{english(m['text'])} (Demo text.)",
    ),
]


def english_texts(texts=None, rules=(), same=()):
    """Register English demo texts (see the module's docstring)."""
    _TEXTS.update(texts or {})
    _RULES.extend((re.compile(pattern, re.DOTALL), function) for pattern, function in rules)
    _SAME.update(same)


class Missing(Exception):
    """A Dutch source string without an English text."""


def english(text, field="", model="*"):
    """The English text of the Dutch ``text`` (of ``field`` on ``model``), or ``Missing``."""
    stripped = text.strip()
    if stripped in _TEXTS:
        return text.replace(stripped, _TEXTS[stripped])
    for pattern, function in [*_RULES, *_GENERIC]:
        match = pattern.fullmatch(stripped)
        if match is not None:
            return text.replace(stripped, function(match, english))
    if (model, field) in _SAME or ("*", field) in _SAME or not re.search(r"[^\W\d_]", text):
        return text  # a name, a code or a number
    raise Missing(text)


def _segments(instance):
    """{(path, n): text} of the instance's strings: a rich text field gives several strings
    (paragraphs, list items) under one path, numbered in their order."""
    segments, seen = {}, defaultdict(int)
    for segment in extract_segments(instance):
        if isinstance(segment, StringSegmentValue):
            segments[(segment.path, seen[segment.path])] = segment.string.data
            seen[segment.path] += 1
    return segments


def _plain(data):
    """A segment's text as the demo wrote it: plain text (``&`` not ``&amp;``, line breaks as
    ``\n``), or, for rich text with inline markup (a link), the segment with its markup."""
    if re.search(r"<(?!br\s*/?>)", data):
        return data, False
    return StringValue(data).render_text(), True


def _english_segment(data, field, model):
    text, plain = _plain(data)
    translated = english(text, field, model)
    return StringValue.from_plaintext(translated).data if plain else translated


def _english_for(source_segments, instance, existing):
    """{(path, Dutch): English} for every source string of ``instance``; ``existing`` holds the
    texts of an English copy the loader made earlier (kept where they differ from the Dutch)."""
    model = type(instance).__name__
    result, missing = {}, []

    def kept(key, text):
        return existing.get(key) not in (None, text)

    for key, text in source_segments.items():
        field = key[0].split(".")[0]
        if field == "slug":
            continue
        if kept(key, text):
            result[(key[0], text)] = existing[key]
            continue
        try:
            result[(key[0], text)] = _english_segment(text, field, model)
        except Missing as error:
            missing.extend(error.args)
    for key, text in source_segments.items():
        if key[0].split(".")[0] != "slug":
            continue
        dutch_title = source_segments.get(("title", 0))
        english_title = result.get(("title", dutch_title))
        if kept(key, text):
            result[(key[0], text)] = existing[key]
        elif english_title not in (None, dutch_title) and not text.isdigit():
            title = StringValue(english_title).render_text()
            result[(key[0], text)] = slugify(title.replace("(demo)", "")) or text
        else:
            result[(key[0], text)] = text
    if missing:
        raise Missing(*missing)
    return result


@transaction.atomic
def translate_instance(instance, locale, existing=None):
    """Translate ``instance`` into ``locale`` through wagtail-localize; returns the translation.

    Raises ``Missing`` (and changes nothing) when a source string has no English text."""
    texts = _english_for(_segments(instance), instance, existing or {})
    source, _created = TranslationSource.update_or_create_from_instance(instance)
    translation, _created = Translation.objects.get_or_create(
        source=source, target_locale=locale, defaults={"enabled": True}
    )
    segments = StringSegment.objects.filter(source=source).select_related("string", "context")
    for segment in segments:
        StringTranslation.objects.update_or_create(
            translation_of=segment.string,
            locale=locale,
            context=segment.context,
            defaults={
                "data": texts[(segment.context.path, segment.string.data)],
                "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL,
                "tool_name": "",
                "has_error": False,
                "field_error": "",
            },
        )
    translation.save_target(publish=True)
    return translation


def _translated_keys(locale):
    return set(Translation.objects.filter(target_locale=locale).values_list("source__object_id", flat=True))


def _made_by_the_loader(page):
    """An English page of its own that no editor has touched (every revision without a user)."""
    return not page.revisions.exclude(user=None).exists()


@seed_step(kind="demo", order=995, label="English translations")
def translate(ctx):
    """Translate every Dutch demo page, theme and dossier into English (see the module)."""
    autodiscover_modules(f"demo_{LANGUAGE}")  # every app's texts (once loaded, a no-op)
    nl, en = ctx.locale("nl"), ctx.locale(LANGUAGE)
    done = _translated_keys(en)
    left = defaultdict(list)

    for label in SNIPPETS:
        model = apps.get_model(label)
        copies = {item.translation_key: item for item in model.objects.filter(locale=en)}
        for item in ctx.progress(model.objects.filter(locale=nl).order_by("pk"), f"{label} in English"):
            if item.translation_key in done:
                continue
            copy = copies.get(item.translation_key)
            try:
                translate_instance(item, en, _segments(copy) if copy is not None else {})
            except Missing as error:
                left[str(item)].extend(error.args)
                continue
            ctx.created += 1

    english_pages = {
        page.translation_key: page
        for page in Page.objects.filter(locale=en).only(
            "pk", "translation_key", "alias_of_id", "content_type"
        )
    }
    pages = Page.objects.filter(locale=nl, depth__gt=1, alias_of__isnull=True).order_by("path")
    batch = None
    for number, page in enumerate(ctx.progress(pages, "pages in English")):
        if number % BATCH == 0:
            # A transaction per batch of pages (each publishes when its batch commits): far fewer
            # commits than one per page.
            if batch is not None:
                batch.__exit__(None, None, None)
            batch = transaction.atomic()
            batch.__enter__()
        if page.translation_key in done:
            continue
        copy = english_pages.get(page.translation_key)
        existing = {}
        if copy is not None and copy.alias_of_id is None:
            if not _made_by_the_loader(copy):
                continue  # an editor's English page: left alone
            existing = _segments(copy.specific)
        try:
            translate_instance(page.specific, en, existing)
        except Missing as error:
            left[page.url_path].extend(error.args)
            continue
        ctx.created += 1
    if batch is not None:
        batch.__exit__(None, None, None)
    if left:
        ctx.log(f"    left in Dutch (no English text yet): {len(left)}")
        for where, texts in list(left.items())[:10]:
            ctx.log(
                f"      {where}: {texts[0][:80]!r}"
                + (f" and {len(texts) - 1} more" if len(texts) > 1 else "")
            )
