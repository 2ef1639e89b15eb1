"""The ranges every date, time and id from outside (query strings, API parameters, forms) must
fall in, checked before any reaches the database or date arithmetic.

Outside them a value is a typo or a probe: ``9999-12-31`` plus a day overflows Python's dates,
an id beyond 2^31 - 1 matches no row and overflows SQLite's integers. One place says where
the limits are; forms, filters and the API's types use it and answer with a readable 400.
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

EARLIEST_YEAR, LATEST_YEAR = 1900, 9000
MAX_ID = 2**31 - 1  # the largest value of an integer id column on every supported database


def year_in_range(value):
    """Whether a date or datetime lies between ``EARLIEST_YEAR`` and ``LATEST_YEAR``."""
    return EARLIEST_YEAR <= value.year <= LATEST_YEAR


def out_of_range_reason():
    return f"must be between the years {EARLIEST_YEAR} and {LATEST_YEAR}"


def validate_date_range(value):
    """A form validator for dates and datetimes."""
    if value is not None and not year_in_range(value):
        raise ValidationError(
            _("Enter a date between the years %(earliest)s and %(latest)s."),
            code="out_of_range",
            params={"earliest": EARLIEST_YEAR, "latest": LATEST_YEAR},
        )


def id_filter_bounds():
    """Keyword arguments for a number filter that takes an id."""
    return {"min_value": 1, "max_value": MAX_ID, "decimal_places": 0}
