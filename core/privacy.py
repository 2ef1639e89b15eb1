"""Which pages a request may see: Wagtail's view restrictions applied to querysets.

``.public()`` hides every restricted page from everyone; ``visible_to`` hides only the ones the
request does not pass (a members-only page stays visible to a logged-in member of its group).
"""

from wagtail.models import PageViewRestriction


def visible_to(queryset, request):
    """``queryset`` without pages under a view restriction that ``request`` does not satisfy."""
    if request is None or not request.user.is_authenticated:
        return queryset.public()
    restrictions = PageViewRestriction.objects.select_related("page").prefetch_related("groups")
    for restriction in restrictions:
        if not restriction.accept_request(request):
            queryset = queryset.not_descendant_of(restriction.page, inclusive=True)
    return queryset
