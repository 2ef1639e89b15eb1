"""``/api/v1/site/``: the chrome a headless front end renders around every page (``core.chrome``)."""

from django.conf import settings
from django.utils import translation
from django.utils.translation import get_language_info
from ninja import Query, Router
from pydantic import Field

from core import chrome
from core.api.schema import Schema
from core.links import public_url
from core.visibility import Visibility

from .conventions import LocaleParams
from .problems import ApiError, Problem

router = Router(tags=["site"])


class Link(Schema):
    title: str
    path: str | None = Field(description="The site-relative address (language prefix included).")
    url: str | None = Field(description="The absolute public address.")


class MenuItem(Link):
    id: int


class Language(Schema):
    code: str
    name: str = Field(description="The language's own name, e.g. 'Nederlands'.")
    home_path: str
    home_url: str
    is_default: bool


class SocialLink(Schema):
    name: str
    url: str


class Footer(Schema):
    organisation_name: str
    email: str
    phone: str
    address: str
    text_html: str = Field(description="The footer text as HTML (bold, italic and links only).")


class SiteChrome(Schema):
    locale: str
    name: str = Field(description="The organisation's name.")
    home: Link
    menu: list[MenuItem] = Field(description="The main menu, in editor order.")
    languages: list[Language] = Field(description="Every language the site is published in, with its home.")
    footer: Footer
    social_links: list[SocialLink]
    search: Link = Field(description="The search page; the API's search is /api/v1/search/.")
    privacy: MenuItem | None = Field(description="The privacy statement (in this language when translated).")
    accessibility: MenuItem | None = Field(description="The accessibility statement.")


def _link(title, path):
    return {"title": title, "path": path, "url": public_url(path) if path else None}


@router.get(
    "/site/",
    response={200: SiteChrome, 400: Problem, 404: Problem},
    summary="The site's chrome: menu, footer, languages, addresses",
    description=(
        "What a front end renders around every page, per language: the main menu, the footer, the "
        "languages with their home pages, social links and the search and statement addresses. "
        "Changes when editors change the menu, a section, the home page or the site settings."
    ),
)
def site_chrome(request, params: Query[LocaleParams]):
    with translation.override(params.locale):
        value = chrome.for_request(request, Visibility.public())
        if value is None:
            raise ApiError(404, "No site is configured.")
        values = value["settings"]
        statements = {
            name: (dict(values[name], url=public_url(values[name]["path"])) if values.get(name) else None)
            for name in ("privacy", "accessibility")
        }
        return {
            "locale": params.locale,
            "name": values["organisation_name"],
            "home": _link(values["organisation_name"], value["home_path"]),
            "menu": [
                dict(item, url=public_url(item["path"]) if item["path"] else None) for item in value["menu"]
            ],
            "languages": [
                {
                    "code": code,
                    "name": get_language_info(code)["name_local"],
                    "home_path": value["home_paths"][code],
                    "home_url": public_url(value["home_paths"][code]),
                    "is_default": code == settings.LANGUAGE_CODE,
                }
                for code, _name in settings.LANGUAGES
                if value["home_paths"].get(code)
            ],
            "footer": {
                "organisation_name": values["organisation_name"],
                "email": values["email"],
                "phone": values["phone"],
                "address": values["address"],
                "text_html": values["footer_html"],
            },
            "social_links": [{"name": name, "url": url} for name, url in values["social_links"]],
            "search": _link(translation.gettext("Search"), value["search_path"]),
            **statements,
        }
