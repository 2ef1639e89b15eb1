"""``/api/v1/qa/``: the Museumkaart Q&A for museum.nl and the app.

Categories, questions (filter by category, audience, search), one question with its answer
as HTML and as plain text, suggestions for a search box, and feedback on an answer.
"""

import operator
from datetime import date
from functools import reduce

from django.db.models import Q
from ninja import Query, Router, Schema, Status
from pydantic import Field

from core.api.conventions import ListParams, LocaleParams, PageItem, page_item, public_pages
from core.api.problems import ApiError, Problem
from qa import search
from qa.choices import Audience
from qa.filters import MAX_QUERY_LENGTH, QuestionFilter
from qa.forms import MAX_COMMENT_LENGTH
from qa.models import QACategoryPage, QAIndexPage, QuestionFeedback, QuestionPage, ZeroResultQuery
from qa.models.pages import text_excerpt
from qa.views import record_feedback

router = Router(tags=["qa"])

MAX_SUGGESTIONS = 10


# --- Schemas ----------------------------------------------------------------------------


class CategoryItem(PageItem):
    slug: str = Field(description="Use it as `category` in the question list.")
    icon: str = Field(description="A key naming the category's symbol, e.g. 'payment' or 'gift'.")
    intro: str
    question_count: int = Field(description="Published questions in this category.")


class CategoryList(Schema):
    count: int
    items: list[CategoryItem]


class CategoryRef(Schema):
    id: int
    slug: str
    title: str


class QuestionRef(Schema):
    id: int
    title: str
    url: str | None


class QuestionItem(PageItem):
    category: CategoryRef | None
    audience: Audience = Field(description="Who asks it: public, museums or members.")
    last_reviewed: date | None = Field(description="When the answer was last checked.")
    summary: str = Field(description="The start of the answer as plain text.")


class QuestionList(Schema):
    count: int
    items: list[QuestionItem]


class QuestionDetail(QuestionItem):
    answer_html: str = Field(description="The answer as HTML (links resolved to public URLs).")
    answer_text: str = Field(description="The answer as plain text, one line per paragraph or list item.")
    alternative_phrasings: list[str] = Field(description="Other ways to ask this question.")
    related: list[QuestionRef] = Field(description="Related published questions, in editor order.")


class SuggestList(Schema):
    count: int
    items: list[QuestionRef]


class FeedbackIn(Schema):
    helpful: bool = Field(description="Was the answer helpful?")
    comment: str = Field(
        "", max_length=MAX_COMMENT_LENGTH, description="Optional; no personal details, please."
    )


class FeedbackOut(Schema):
    status: str = Field(description="'recorded'.")


class QuestionListParams(ListParams):
    category: str | None = Field(None, max_length=100, description="A category slug (see /qa/categories/).")
    audience: Audience | None = Field(None, description="Only questions for this audience.")
    q: str | None = Field(
        None,
        max_length=MAX_QUERY_LENGTH,
        description="Search the questions, answers and alternative phrasings; results come most relevant first.",
    )


class SuggestParams(LocaleParams):
    q: str = Field(min_length=1, max_length=100, description="What the reader has typed so far.")
    limit: int = Field(8, ge=1, le=MAX_SUGGESTIONS, description=f"At most {MAX_SUGGESTIONS} suggestions.")


# --- Querysets --------------------------------------------------------------------------


def reachable_categories(locale):
    """Live public categories of a language whose Q&A index is live and public too."""
    index_paths = list(public_pages(QAIndexPage, locale).values_list("path", flat=True))
    if not index_paths:
        return QACategoryPage.objects.none()
    under_index = reduce(operator.or_, [Q(path__startswith=path) for path in index_paths])
    return public_pages(QACategoryPage, locale).filter(under_index).select_related("locale").order_by("path")


def reachable_questions(locale, categories):
    """Live public questions of a language inside one of ``categories`` (a list)."""
    if not categories:
        return QuestionPage.objects.none()
    in_category = reduce(operator.or_, [Q(path__startswith=c.path, depth=c.depth + 1) for c in categories])
    return public_pages(QuestionPage, locale).filter(in_category).select_related("locale").order_by("path")


def question_item(question, request, categories_by_path):
    category = categories_by_path.get(question.path[: -question.steplen])
    return {
        **page_item(question, request),
        "category": {"id": category.pk, "slug": category.slug, "title": category.title} if category else None,
        "audience": question.audience,
        "last_reviewed": question.last_reviewed,
        "summary": question.listing_summary or text_excerpt(question.answer_text),
    }


def get_visible_question(question_id):
    question = QuestionPage.objects.filter(pk=question_id).select_related("locale").first()
    if question is None:
        raise ApiError(404, f"No published question with id {question_id}.")
    categories = list(reachable_categories(question.locale.language_code))
    if not reachable_questions(question.locale.language_code, categories).filter(pk=question.pk).exists():
        raise ApiError(404, f"No published question with id {question_id}.")
    return question, {c.path: c for c in categories}


# --- Endpoints --------------------------------------------------------------------------


@router.get(
    "/categories/",
    response={200: CategoryList, 400: Problem},
    summary="Q&A categories",
    description="The published categories of the Museumkaart Q&A in editor order, with their question counts.",
)
def list_categories(request, params: Query[ListParams]):
    categories = list(reachable_categories(params.locale))
    counts = {}
    for path in reachable_questions(params.locale, categories).values_list("path", flat=True):
        counts[path[: -QuestionPage.steplen]] = counts.get(path[: -QuestionPage.steplen], 0) + 1
    window = categories[params.offset : params.offset + params.limit]
    return {
        "count": len(categories),
        "items": [
            {
                **page_item(c, request),
                "slug": c.slug,
                "icon": c.icon,
                "intro": c.intro,
                "question_count": counts.get(c.path, 0),
            }
            for c in window
        ],
    }


@router.get(
    "/questions/",
    response={200: QuestionList, 400: Problem},
    summary="Q&A questions",
    description=(
        "Published questions in tree order (category by category), or most relevant first with `q`. "
        "The search ignores case and accents and knows simple Dutch word forms (plurals, diminutives). "
        "A search that finds nothing is recorded anonymously for the editors."
    ),
)
def list_questions(request, params: Query[QuestionListParams]):
    categories = list(reachable_categories(params.locale))
    queryset = reachable_questions(params.locale, categories)
    data = {key: value for key in ("category", "audience", "q") if (value := getattr(params, key))}
    category_qs = QACategoryPage.objects.filter(pk__in=[c.pk for c in categories])
    filterset = QuestionFilter(data, queryset, categories=category_qs)
    if not filterset.is_valid():
        errors = filterset.error_list()
        raise ApiError(400, "; ".join(f"{e['name']}: {e['reason']}" for e in errors), errors)
    qs = filterset.qs
    count = qs.count()
    if params.q and params.q.strip() and count == 0 and not (params.category or params.audience):
        ZeroResultQuery.record(params.q, params.locale)
    window = list(qs[params.offset : params.offset + params.limit])
    by_path = {c.path: c for c in categories}
    return {"count": count, "items": [question_item(q, request, by_path) for q in window]}


@router.get(
    "/questions/{question_id}/",
    response={200: QuestionDetail, 404: Problem},
    summary="One question with its answer",
    description="The answer as HTML and as plain text. Drafts, unpublished and private questions are 404.",
)
def get_question(request, question_id: int):
    question, by_path = get_visible_question(question_id)
    return {
        **question_item(question, request, by_path),
        "answer_html": question.answer_html,
        "answer_text": question.answer_text,
        "alternative_phrasings": question.phrasings,
        "related": [
            {"id": q.pk, "title": q.title, "url": q.get_full_url(request)} for q in question.get_related()
        ],
    }


@router.get(
    "/suggest/",
    url_name="qa_suggest",
    response={200: SuggestList, 400: Problem},
    summary="Suggestions as you type",
    description=(
        "Questions matching what was typed so far (the last word may be unfinished), most relevant "
        "first: a question that starts with the typed text ranks highest."
    ),
)
def suggest(request, params: Query[SuggestParams]):
    categories = list(reachable_categories(params.locale))
    found = search.suggest(reachable_questions(params.locale, categories), params.q, limit=params.limit)
    pages = QuestionPage.objects.select_related("locale").in_bulk([pk for pk, _title, _path in found])
    items = [
        {"id": pk, "title": title, "url": pages[pk].get_full_url(request)}
        for pk, title, _path in found
        if pk in pages
    ]
    return {"count": len(items), "items": items}


@router.post(
    "/questions/{question_id}/feedback/",
    response={201: FeedbackOut, 400: Problem, 404: Problem, 429: Problem},
    summary="Was this answer helpful?",
    description=(
        "Records yes/no with an optional comment. No login; nothing about the sender is stored. "
        "Rate-limited per client: too many answers give 429."
    ),
)
def give_feedback(request, question_id: int, payload: FeedbackIn):
    question, _by_path = get_visible_question(question_id)
    if not record_feedback(
        question,
        request,
        helpful=payload.helpful,
        comment=payload.comment,
        source=QuestionFeedback.Source.API,
    ):
        raise ApiError(429, "Too much feedback from this client; try again later.")
    return Status(201, {"status": "recorded"})
