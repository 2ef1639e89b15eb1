"""The Papiamentu tree kept in step with the Dutch one, after every translation of the demo:
every Dutch page without a Papiamentu translation gets its alias ("sync from"), shown as Dutch
text marked ``lang="nl"`` with its canonical at the Dutch page."""

from wagtail.models import Locale, Page
from wagtail_localize.synctree import synchronize_tree

from core.seeding import seed_step


@seed_step(kind="demo", order=991, label="synchronise the Papiamentu tree")
def sync_tree(ctx):
    nl, pap = ctx.locale("nl"), Locale.objects.filter(language_code="pap").first()
    if pap is None:
        # The home step creates the locale; without it (``--only core``) there is no tree to keep.
        ctx.log("    no Papiamentu locale yet: nothing to synchronise")
        return
    missing = Page.objects.filter(locale=nl, depth__gt=1).exclude(
        translation_key__in=Page.objects.filter(locale=pap).values("translation_key")
    )
    ctx.log(f"    Papiamentu aliases to create: {missing.count()}")
    synchronize_tree(nl, pap)
