from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class KnowledgeConfig(AppConfig):
    name = "knowledge"
    verbose_name = _("Knowledge base")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # Where the API lists these pages: the page cache's tags and the CDN purge use it.
        from core.dependencies import register_api, register_facets
        from core.export import register_variants

        from .choices import ArticleKind
        from .models import ArticlePage, DossierPage, FiguresPage, KnowledgeIndexPage

        register_api(ArticlePage, "articles/", "articles/{id}/")
        register_api(DossierPage, "dossiers/", "dossiers/{id}/")
        register_api(FiguresPage, "figures/")
        # The feed of one kind depends on the articles of that kind (``knowledge.feeds``).
        register_facets(ArticlePage, "kind")
        # The static export writes the knowledge feed per kind besides the unfiltered one.
        register_variants(
            KnowledgeIndexPage, lambda page: [f"rss/?kind={kind}" for kind in ArticleKind.values]
        )
