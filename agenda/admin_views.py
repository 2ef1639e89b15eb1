"""Admin view: the agenda of the coming weeks as a newsletter snippet and LinkedIn texts."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from core.models import Dossier, Theme

from .choices import AttendanceMode, Audience, EventType, OrganiserKind, Province
from .newsletter import MAX_WEEKS, linkedin_texts, newsletter_html, newsletter_occurrences


def _slug_choices(model):
    def choices():
        return [("", "—"), *model.objects.filter(locale__language_code="nl").values_list("slug", "name")]

    return choices


class NewsletterForm(forms.Form):
    weeks = forms.IntegerField(label=_("Weeks ahead"), min_value=1, max_value=MAX_WEEKS, initial=4)
    locale = forms.ChoiceField(
        label=_("Language"), choices=settings.LANGUAGES, initial=settings.LANGUAGE_CODE
    )
    type = forms.MultipleChoiceField(
        label=_("Types"), choices=EventType.choices, required=False, widget=forms.CheckboxSelectMultiple
    )
    theme = forms.ChoiceField(label=_("Theme"), choices=_slug_choices(Theme), required=False)
    dossier = forms.ChoiceField(label=_("Dossier"), choices=_slug_choices(Dossier), required=False)
    audience = forms.ChoiceField(label=_("Audience"), choices=[("", "—"), *Audience.choices], required=False)
    attendance_mode = forms.ChoiceField(
        label=_("Attendance"), choices=[("", "—"), *AttendanceMode.choices], required=False
    )
    organiser = forms.ChoiceField(
        label=_("Organiser"), choices=[("", "—"), *OrganiserKind.choices], required=False
    )
    province = forms.ChoiceField(label=_("Province"), choices=[("", "—"), *Province.choices], required=False)
    title = forms.CharField(label=_("Heading"), max_length=120, required=False, initial="Agenda")

    def filters(self):
        return {k: v for k, v in self.cleaned_data.items() if k not in ("weeks", "locale", "title")}


class NewsletterExportView(WagtailAdminTemplateMixin, FormView):
    template_name = "agenda/admin/newsletter_export.html"
    form_class = NewsletterForm
    page_title = _("Agenda export")
    header_icon = "date"

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        if self.request.GET:
            kwargs["data"] = self.request.GET  # a GET form: results are shareable links
        return kwargs

    def get(self, request, *args, **kwargs):
        form = self.get_form()
        context = self.get_context_data(form=form)
        if request.GET and form.is_valid():
            data = form.cleaned_data
            occurrences, errors = newsletter_occurrences(data["locale"], form.filters(), data["weeks"])
            base_url = request.build_absolute_uri("/")
            context.update(
                {
                    "errors": errors,
                    "count": len(occurrences),
                    "html": newsletter_html(
                        occurrences,
                        base_url=base_url,
                        title=data["title"] or "Agenda",
                        locale_code=data["locale"],
                    ),
                    "linkedin": linkedin_texts(occurrences, request, data["locale"]),
                }
            )
        return self.render_to_response(context)
