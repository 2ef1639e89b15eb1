"""Site-wide settings editors change in the admin: contact details, footer, social links."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField


@register_setting(icon="site")
class SiteSettings(BaseSiteSetting):
    organisation_name = models.CharField(
        _("organisation name"),
        max_length=200,
        default="Museumvereniging",
        help_text=_("Shown in the footer and used as the publisher in schema.org data."),
    )
    email = models.EmailField(_("contact e-mail"), blank=True)
    phone = models.CharField(_("telephone"), max_length=40, blank=True)
    address = models.TextField(_("postal address"), blank=True)
    footer_text = RichTextField(
        _("footer text"),
        blank=True,
        features=["bold", "italic", "link"],
        help_text=_("A short text in the footer, e.g. what the association does."),
    )
    social_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("default social image"),
        help_text=_(
            "Shown when a page without an image of its own is shared on social media (1200 × 630 works best)."
        ),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    linkedin_url = models.URLField(_("LinkedIn"), blank=True)
    instagram_url = models.URLField(_("Instagram"), blank=True)
    facebook_url = models.URLField(_("Facebook"), blank=True)
    youtube_url = models.URLField(_("YouTube"), blank=True)
    bluesky_url = models.URLField(_("Bluesky"), blank=True)
    privacy_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("privacy statement"),
        help_text=_("Linked from the footer and from every form that asks for personal data."),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    accessibility_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("accessibility statement"),
        help_text=_("Linked from the footer."),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("organisation_name"),
                FieldPanel("email"),
                FieldPanel("phone"),
                FieldPanel("address"),
            ],
            heading=_("Contact"),
        ),
        FieldPanel("footer_text"),
        MultiFieldPanel(
            [FieldPanel("privacy_page"), FieldPanel("accessibility_page")], heading=_("Statements")
        ),
        MultiFieldPanel(
            [
                FieldPanel("linkedin_url"),
                FieldPanel("instagram_url"),
                FieldPanel("facebook_url"),
                FieldPanel("youtube_url"),
                FieldPanel("bluesky_url"),
                FieldPanel("social_image"),
            ],
            heading=_("Social media"),
        ),
    ]

    class Meta:
        verbose_name = _("site settings")

    @property
    def social_links(self):
        links = [
            ("LinkedIn", self.linkedin_url),
            ("Instagram", self.instagram_url),
            ("Facebook", self.facebook_url),
            ("YouTube", self.youtube_url),
            ("Bluesky", self.bluesky_url),
        ]
        return [(name, url) for name, url in links if url]
