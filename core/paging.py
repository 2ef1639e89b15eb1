"""The one page-number rule of the HTML listings.

``?page=`` is a whole number from 1; anything else shows page 1 with a message, a number past the
end shows the last page with a message (never a 404 or a 500 for a stale link).
"""

from dataclasses import dataclass, field

from django.core.paginator import Paginator
from django.utils.translation import gettext as _

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
