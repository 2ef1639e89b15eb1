from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AwardsConfig(AppConfig):
    name = "awards"
    verbose_name = _("Museum awards")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # A museum's nominations and wins show on its page and in the museum API through the
        # museums' section registry: the museums app knows nothing of awards.
        from core.dependencies import register_api
        from museums.extensions import MuseumSection, register_museum_section

        from .api import MuseumNomination
        from .jsonld import museum_awards
        from .models import AwardEditionPage, AwardPage
        from .serializers import museum_nominations

        register_museum_section(
            MuseumSection(
                name="nominations",
                schema=list[MuseumNomination],
                description="The museum's award nominations and wins, newest edition first: award, "
                "edition, year, theme, stage reached, votes and vote share.",
                template="awards/includes/museum_nominations.html",
                load=museum_nominations,
                empty=[],
                jsonld=museum_awards,
                stylesheet="css/awards.css",
            )
        )
        register_api(AwardPage, "awards/", "awards/{id}/")
        register_api(AwardEditionPage, "award-editions/", "award-editions/{id}/")
