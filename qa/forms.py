from django import forms
from django.utils.translation import gettext_lazy as _

MAX_COMMENT_LENGTH = 1000


class FeedbackForm(forms.Form):
    """ "Was this answer helpful?": two submit buttons carry the yes/no, the comment is optional."""

    helpful = forms.TypedChoiceField(
        label=_("Was this answer helpful?"),
        choices=[("yes", _("Yes")), ("no", _("No"))],
        coerce=lambda value: value == "yes",
        error_messages={"required": _("Choose yes or no."), "invalid_choice": _("Choose yes or no.")},
    )
    comment = forms.CharField(
        label=_("Comment (optional)"),
        help_text=_("What was missing or unclear? Please do not enter personal details."),
        required=False,
        max_length=MAX_COMMENT_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3, "maxlength": MAX_COMMENT_LENGTH}),
    )
