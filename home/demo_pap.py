"""Papiamentu (``pap``) in the demo: the locale, kept in step with Dutch like English ("sync
from": every Dutch page has a Papiamentu alias until it is translated), and the home page in
Papiamentu. The texts are FIRST DRAFTS awaiting review by a native speaker (``core.reviews``)."""

from django.db import transaction
from wagtail.models import Locale
from wagtail_localize.models import LocaleSynchronization

from core.seeding import seed_step


@seed_step(kind="demo", order=3, label="Papiamentu locale and home page")
@transaction.atomic
def site(ctx):
    nl = ctx.locale("nl")
    pap, _created = Locale.objects.get_or_create(language_code="pap")
    LocaleSynchronization.objects.get_or_create(locale=pap, defaults={"sync_from": nl})
    ctx.translate(
        ctx.home,
        "pap",
        title="Asosiashon di Museo",
        hero_title="Huntu nos ta fuerte pa museonan",
        hero_text=(
            "E Museumvereniging ta e asosiashon di museonan den Hulanda: e ta kompartí konosementu, "
            "ta defendé nan interes i ta duna e Museumkaart. Tambe e ta traha pa fortalesé e lasonan "
            "ku e parti karibense di Reino. (Teksto di demostrashon.)"
        ),
        listing_summary="E asosiashon di museonan den Hulanda.",
    )
