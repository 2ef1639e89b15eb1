"""The demo Q&A: categories and questions written for this demo.

Prices and rules come from the public facts in DOMAIN.md (€75 adults, €39 under 18s,
€69 renewal, automatic renewal, 5-8 working days delivery, more than 500 museums, the
temporary pass of 31 days with at most 5 visits, the gift pass as a transferable code, the
Museumweek lending rule, "Mijn Museumkaart"). Anything else is marked as demo.
"""

from .account import CATEGORIES as _ACCOUNT
from .visiting import CATEGORIES as _VISITING

CATEGORIES = [*_ACCOUNT, *_VISITING]

# The editors' "most asked questions" on the start page (slugs).
POPULAR = [
    "wat-kost-een-museumkaart",
    "kaart-kwijt",
    "kan-ik-per-maand-betalen",
    "moet-ik-reserveren",
    "hoe-lang-is-de-tijdelijke-kaart-geldig",
    "museumkaart-cadeau-geven",
]
