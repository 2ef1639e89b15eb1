"""The feedback form of a question page (``QuestionPage.serve`` hands a POST to it)."""

from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from core.links import page_path
from qa.forms import FeedbackForm
from qa.models.records import QuestionFeedback


def feedback_view(request, question):
    """The "Was this answer helpful?" form: 303 to the page on success, else the page with its
    errors (400 for invalid input, 429 when the reader went over a feedback rate)."""
    form = FeedbackForm(request.POST)
    status = 400
    if form.is_valid():
        feedback = QuestionFeedback.record(
            question,
            request,
            helpful=form.cleaned_data["helpful"],
            comment=form.cleaned_data["comment"],
            source=QuestionFeedback.Source.WEBSITE,
        )
        if feedback is not None:
            return HttpResponseRedirect(
                page_path(question, request) + "?feedback=thanks#feedback", status=303
            )
        form.add_error(None, _("You have already given feedback recently. Thank you!"))
        status = 429
    context = question.get_context(request, feedback_form=form)
    return TemplateResponse(request, question.get_template(request), context, status=status)
