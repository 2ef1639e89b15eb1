"""What the Q&A page types hand to their templates (called from the models' ``get_context``).

Every list judges the reader of the request (``Visibility.for_request``): a question a reader may
not open is never shown to them, not even by its title; the Q&A lists leave such a question out
without a "more for members" count.
"""

from core.fragments import Lazy
from core.paging import paginate
from core.visibility import Visibility
from qa import queries
from qa.filters import QuestionFilter
from qa.forms import FeedbackForm
from qa.models.records import ZeroResultQuery

SEARCH_RESULTS_PER_PAGE = 20
FILTER_PARAMS = ("q", "category", "audience")


def _categories_with_counts(categories_qs, questions):
    categories = list(categories_qs)
    counts = queries.question_counts(questions)
    for category in categories:
        category.question_count = counts.get(category.path, 0)
    return categories


def index_context(index, request):
    """Categories with their question counts, the most asked questions and the search.

    Without a search the page is the same for every reader who may see the same pages: the
    template keeps it in a cached fragment, so the categories and popular questions are lazy."""
    visibility = Visibility.for_request(request)
    categories_qs = queries.categories(index, visibility)
    questions = queries.index_questions(index, visibility)
    filterset = QuestionFilter(request.GET or None, questions, categories=categories_qs)
    context = {
        "categories": Lazy(lambda: _categories_with_counts(categories_qs, questions)),
        "filter": filterset,
        "search_errors": [],
        "results": None,
        "searched": any(request.GET.get(name) for name in FILTER_PARAMS),
        # Without a query string the page is the same for every reader who may see the same pages.
        "cacheable": not request.GET,
    }
    if not context["searched"]:
        context["popular_questions"] = Lazy(lambda: queries.popular_questions(index, visibility))
    elif filterset.is_valid():
        paged = paginate(request, filterset.qs, SEARCH_RESULTS_PER_PAGE)
        cleaned = filterset.form.cleaned_data
        query = (cleaned.get("q") or "").strip()
        context.update(results=paged.page, page_messages=paged.messages, search_query=query)
        only_text = not (cleaned.get("category") or cleaned.get("audience"))
        if query and not paged.paginator.count and only_text:
            ZeroResultQuery.record(query, index.locale.language_code)
    else:
        context["search_errors"] = [
            f"{filterset.form.fields[name].label}: {' '.join(messages)}"
            for name, messages in filterset.form.errors.items()
        ]
    return context


def category_context(category, request):
    """The category's questions that the reader may see, in editor order."""
    visibility = Visibility.for_request(request)
    # Only the page's cached fragment reads them (questions are the category's children: their
    # changes bump its tag).
    return {"questions": Lazy(lambda: list(queries.category_questions(category, visibility)))}


def question_context(question, request, form=None):
    """The question's category and related questions (those the reader may see) and the feedback form."""
    visibility = Visibility.for_request(request)
    return {
        "category": queries.category_of(question, visibility),
        "related": queries.related_questions(question, visibility),
        "feedback_form": form or FeedbackForm(),
        "feedback_thanks": request.GET.get("feedback") == "thanks",
    }
