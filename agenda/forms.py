"""The agenda's forms: the public form where a partner organisation proposes an activity, and the
admin's newsletter export."""

from datetime import datetime, time

from django import forms
from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.bounds import validate_date_range
from core.models import Dossier, Theme

from .choices import AttendanceMode, EventAudience, EventType, OrganiserKind, Province, TimeZone
from .newsletter import MAX_WEEKS


class PartnerSubmissionForm(forms.Form):
    # --- The activity ---
    title = forms.CharField(label=_("Title of the activity"), max_length=200)
    description = forms.CharField(
        label=_("Short description"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("What it is about and for whom (at most 2,000 characters)."),
    )
    start_date = forms.DateField(
        label=_("Date"), widget=forms.DateInput(attrs={"type": "date"}), validators=[validate_date_range]
    )
    start_time = forms.TimeField(label=_("Start time"), widget=forms.TimeInput(attrs={"type": "time"}))
    end_time = forms.TimeField(label=_("End time"), widget=forms.TimeInput(attrs={"type": "time"}))
    time_zone = forms.ChoiceField(label=_("Time zone"), choices=TimeZone.choices, initial=TimeZone.AMSTERDAM)
    attendance_mode = forms.ChoiceField(
        label=_("Attendance"), choices=AttendanceMode.choices, initial=AttendanceMode.IN_PERSON
    )
    audience = forms.ChoiceField(
        label=_("Audience"), choices=EventAudience.choices, initial=EventAudience.PROFESSIONALS
    )
    venue_name = forms.CharField(label=_("Venue"), max_length=200, required=False)
    venue_address = forms.CharField(label=_("Address"), max_length=200, required=False)
    venue_city = forms.CharField(label=_("Town or city"), max_length=100, required=False)
    venue_province = forms.ChoiceField(
        label=_("Province"), choices=[("", "—"), *Province.choices], required=False
    )
    online_url = forms.URLField(
        label=_("Online address"),
        required=False,
        assume_scheme="https",
        help_text=_("Required for online and mixed activities."),
    )
    registration_url = forms.URLField(label=_("Registration address"), required=False, assume_scheme="https")

    # --- The proposer (kept apart from the page, deleted after the retention period) ---
    organisation_name = forms.CharField(label=_("Organisation"), max_length=200)
    contact_name = forms.CharField(label=_("Your name"), max_length=150)
    contact_email = forms.EmailField(label=_("Your e-mail address"))
    contact_phone = forms.CharField(label=_("Your telephone number"), max_length=40, required=False)
    message = forms.CharField(
        label=_("Message to the editors"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    consent = forms.BooleanField(
        label=_(
            "I agree that the association stores my contact details to handle this proposal; "
            "they are deleted automatically afterwards."
        )
    )
    # A field people never see: bots fill it in.
    website = forms.CharField(label=_("Leave this field empty"), required=False)

    def clean_start_date(self):
        value = self.cleaned_data["start_date"]
        if value < timezone.localdate():
            raise forms.ValidationError(_("The date must be today or later."))
        return value

    def clean(self):
        data = super().clean()
        start, end = data.get("start_time"), data.get("end_time")
        if start and end and end <= start:
            self.add_error("end_time", _("The end time must be after the start time."))
        mode = data.get("attendance_mode")
        if mode in (AttendanceMode.ONLINE, AttendanceMode.MIXED) and not data.get("online_url"):
            self.add_error("online_url", _("Online and mixed activities need an online address."))
        if mode in (AttendanceMode.IN_PERSON, AttendanceMode.MIXED) and not (
            data.get("venue_name") or data.get("venue_city")
        ):
            self.add_error("venue_name", _("Enter the venue and town of activities people attend in person."))
        return data

    @property
    def is_spam(self):
        return bool(self.data.get("website"))

    def local_start(self):
        data = self.cleaned_data
        return datetime.combine(data["start_date"], data.get("start_time") or time(0))


def _slug_choices(model):
    def choices():
        return [("", "—"), *model.objects.filter(locale__language_code="nl").values_list("slug", "name")]

    return choices


class NewsletterForm(forms.Form):
    """The admin's agenda export: weeks ahead, language and the agenda's filters (a GET form, so
    an export is a shareable link)."""

    weeks = forms.IntegerField(label=_("Weeks ahead"), min_value=1, max_value=MAX_WEEKS, initial=4)
    locale = forms.ChoiceField(
        label=_("Language"), choices=settings.LANGUAGES, initial=settings.LANGUAGE_CODE
    )
    type = forms.MultipleChoiceField(
        label=_("Types"), choices=EventType.choices, required=False, widget=forms.CheckboxSelectMultiple
    )
    theme = forms.ChoiceField(label=_("Theme"), choices=_slug_choices(Theme), required=False)
    dossier = forms.ChoiceField(label=_("Dossier"), choices=_slug_choices(Dossier), required=False)
    audience = forms.ChoiceField(
        label=_("Audience"), choices=[("", "—"), *EventAudience.choices], required=False
    )
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
