"""The "Was this answer helpful?" form of a question page.

The question page is cached for every anonymous reader (``core.pagecache``), so its form carries
no CSRF token (a token sets a cookie, and a response that sets one is never stored). The form
posts to ``feedback`` instead: exempt from the CSRF middleware and guarded by the cookie-free
same-origin check (``core.http.same_origin``) plus the feedback rate limits. A POST to the page
address itself (``QuestionPage.serve``) still works for a client that holds a CSRF token.
"""

from django.http import Http404, HttpResponseForbidden, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from core.http import same_origin
from core.links import page_path
from core.visibility import Visibility
from qa import models as qa_models
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


@csrf_exempt
@require_POST
def feedback(request, question_id):
    """``POST /vragen-feedback/<question id>/``: the form of a cached question page.

    403 when the request comes from another site (``same_origin``), 404 for a question the
    reader may not see or that has no address; otherwise as ``feedback_view``.
    """
    if not same_origin(request):
        return HttpResponseForbidden(
            _("Feedback can only be sent from the question page on this website."),
            content_type="text/plain; charset=utf-8",
        )
    queryset = qa_models.QuestionPage.objects.filter(pk=question_id, live=True)
    question = Visibility.for_request(request).filter(queryset).select_related("locale").first()
    if question is None or page_path(question, request) is None:
        raise Http404(_("No such question."))
    return feedback_view(request, question)
