"""The one page-number rule of the HTML listings.

``?page=`` is a whole number from 1; anything else shows page 1 with a message, a number past the
end shows the last page with a message (never a 404 or a 500 for a stale link).
"""

import hashlib
from dataclasses import dataclass, field

from django.core.paginator import Paginator
from django.utils.translation import gettext as _

from core.cachetags import cached

PAGE_PARAMETER = "page"


@dataclass
class Paged:
    page: object  # django.core.paginator.Page
    paginator: Paginator
    messages: list = field(default_factory=list)


def paginate(request, items, per_page):
    """The page of ``items`` asked for in ``request`` (see the module's rule)."""
    paginator = Paginator(items, per_page)
    messages = []
    raw = request.GET.get(PAGE_PARAMETER, "1")
    try:
        number = int(raw)
        if number < 1:
            raise ValueError
    except ValueError:
        messages.append(_("The page number must be a whole number."))
        number = 1
    if number > paginator.num_pages:
        if paginator.count:
            messages.append(_("There is no page %(number)s; showing the last page.") % {"number": number})
        number = paginator.num_pages
    return Paged(page=paginator.page(number), paginator=paginator, messages=messages)


def form_key(request, *names):
    """A short name for the filter values of ``request`` (its query string without the page
    number) and ``names``: what a listing's filter form shows, for its cached fragment."""
    params = request.GET.copy()
    params.pop(PAGE_PARAMETER, None)
    text = "\n".join([params.urlencode(), *map(str, names)])
    return hashlib.sha256(text.encode()).hexdigest()[:24]


def kept_page(request, key, tags, items, per_page, extra=None):
    """``paginate`` for a listing whose rows change only with content, not with the clock: the
    page's rows (``items()`` gives the rows, e.g. a ``values()`` window), the count, the page
    number, the messages and ``extra()`` (more figures of the same listing, such as how many
    items were left out) are kept under ``key`` until one of ``tags`` is bumped. ``key`` must
    name everything the rows depend on: the filters, the page asked for, the reader's
    visibility and language. Returns ``(paged, extra)``."""

    def compute():
        paged = paginate(request, items(), per_page)
        return {
            "rows": list(paged.page.object_list),
            "count": paged.paginator.count,
            "number": paged.page.number,
            "messages": paged.messages,
            "extra": extra() if extra else None,
        }

    found = cached(key, tags, compute)
    paginator = Paginator(range(found["count"]), per_page)
    page = paginator.page(found["number"])
    page.object_list = found["rows"]
    return Paged(page=page, paginator=paginator, messages=found["messages"]), found["extra"]
