"""The context and POST handling behind the Q&A page types (called from their models)."""

from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from qa.filters import QuestionFilter
from qa.forms import FeedbackForm
from qa.models import QACategoryPage, QuestionFeedback, ZeroResultQuery
from qa.models.pages import visible
from qa.ratelimit import allow_feedback

SEARCH_RESULTS_SHOWN = 50
FILTER_PARAMS = ("q", "category", "audience")


def index_context(index, request):
    """Categories with their question counts, the most asked questions and the search."""
    categories = index.get_categories()
    counts = {}
    for path in index.get_questions().values_list("path", flat=True):
        counts[path[: -index.steplen]] = counts.get(path[: -index.steplen], 0) + 1
    for category in categories:
        category.question_count = counts.get(category.path, 0)

    context = {"categories": categories, "search_errors": [], "results": None, "searched": False}
    categories_qs = visible(QACategoryPage.objects.child_of(index))
    filterset = QuestionFilter(request.GET or None, index.get_questions(), categories=categories_qs)
    context["filter"] = filterset
    if any(request.GET.get(name) for name in FILTER_PARAMS):
        context["searched"] = True
        if filterset.is_valid():
            results = list(filterset.qs[:SEARCH_RESULTS_SHOWN])
            context["results"] = results
            query = filterset.form.cleaned_data.get("q", "").strip()
            context["search_query"] = query
            only_text = not (
                filterset.form.cleaned_data.get("category") or filterset.form.cleaned_data.get("audience")
            )
            if query and not results and only_text:
                ZeroResultQuery.record(query, index.locale.language_code)
        else:
            context["search_errors"] = [
                f"{filterset.form.fields[name].label}: {' '.join(messages)}"
                for name, messages in filterset.form.errors.items()
            ]
    else:
        context["popular_questions"] = index.get_popular_questions()
    return context


def question_context(question, request, form=None):
    return {
        "category": question.get_category(),
        "related": question.get_related(),
        "feedback_form": form or FeedbackForm(),
        "feedback_thanks": request.GET.get("feedback") == "thanks",
    }


def record_feedback(question, request, *, helpful, comment, source):
    """Store one feedback answer if the client is within the rate limit; False when limited."""
    if not allow_feedback(request, question.pk):
        return False
    QuestionFeedback.objects.create(
        question=question, helpful=helpful, comment=comment.strip(), source=source
    )
    return True


def handle_feedback_post(question, request):
    """The feedback form on a question page: 303 to the page on success, else the page with errors."""
    form = FeedbackForm(request.POST)
    status = 400
    if form.is_valid():
        if record_feedback(
            question,
            request,
            helpful=form.cleaned_data["helpful"],
            comment=form.cleaned_data["comment"],
            source=QuestionFeedback.Source.WEBSITE,
        ):
            return HttpResponseRedirect(question.url + "?feedback=thanks#feedback", status=303)
        form.add_error(None, _("You have already given feedback recently. Thank you!"))
        status = 429
    context = question.get_context(request, feedback_form=form)
    return TemplateResponse(request, question.get_template(request), context, status=status)
