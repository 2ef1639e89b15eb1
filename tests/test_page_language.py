"""No page declares a language other than the language of its main content (WCAG 3.1.1, 3.1.2).

For one demo page of every page type, in every language of the site (``settings.LANGUAGES``: a
language added later is covered without a change here), through the test client:

- ``<html lang>`` is the language of the address (the interface's language);
- the main content's language (``<main lang>`` when given, else the page's) is the language its
  text is written in: the page's own locale, or, for an alias standing in for a page not yet
  translated, the locale of the page it shows;
- the page's heading inherits that language, and every ``lang`` inside the page names a language
  of the site.
"""

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.test import Client
from wagtail.models import Locale, Page

from core.page_types import sample_pages

pytestmark = pytest.mark.django_db


def effective_lang(element):
    """The language an element is in: its own ``lang`` or its nearest ancestor's."""
    while element is not None:
        if getattr(element, "attrs", None) and element.get("lang"):
            return element["lang"]
        element = element.parent
    return None


def content_language(page):
    """The language of the text a page shows (an alias shows its original's)."""
    if page.alias_of_id:
        return Page.objects.select_related("locale").get(pk=page.alias_of_id).locale.language_code
    return page.locale.language_code


def test_no_page_declares_another_language_than_its_main_content(demo):
    client = Client()
    codes = [code for code, _name in settings.LANGUAGES]
    locales = {locale.pk: locale.language_code for locale in Locale.objects.filter(language_code__in=codes)}
    problems, checked = [], set()
    for label, sample in sample_pages().items():
        assert sample is not None, label
        versions = Page.objects.filter(translation_key=sample.translation_key, live=True).select_related(
            "locale"
        )
        for version in versions:
            if version.locale_id not in locales:
                continue
            response = client.get(version.url)
            if response.status_code != 200:
                problems.append(f"{label} {version.url}: HTTP {response.status_code}")
                continue
            soup = BeautifulSoup(response.content, "html.parser")
            where = f"{label} {version.url}"
            html_lang = soup.html.get("lang")
            if html_lang != locales[version.locale_id]:
                problems.append(
                    f"{where}: <html lang={html_lang}>, the address is {locales[version.locale_id]}"
                )
            main = soup.find("main")
            expected = content_language(version)
            if effective_lang(main) != expected:
                problems.append(f"{where}: main content is {expected}, declared {effective_lang(main)}")
            heading = main.find("h1")
            if heading is not None and effective_lang(heading) != expected:
                problems.append(f"{where}: h1 declared {effective_lang(heading)}, written in {expected}")
            for marked in soup.find_all(attrs={"lang": True}):
                if marked["lang"] not in codes:
                    problems.append(f"{where}: lang={marked['lang']} is not a language of the site")
            checked.add((label, locales[version.locale_id]))
    assert not problems, "\n".join(problems)
    assert {code for _label, code in checked} == set(codes), "every language was checked"
    assert {label for label, _code in checked} == set(sample_pages())
