"""``/api/v1/qa/``: the Museumkaart Q&A for museum.nl and the app.

Categories, questions (filter by category, audience, search), one question with its answer
as HTML and as plain text, suggestions for a search box, and feedback on an answer. Only what
the public may see is listed, suggested or answered (``qa.queries.public_*``).
"""

from datetime import date

from ninja import Query, Router, Status
from pydantic import Field

from core.api.conventions import (
    ListParams,
    PageItem,
    PageRef,
    Pagination,
    WindowParams,
    list_schema,
    page_ref,
)
from core.api.problems import ApiError, Problem, invalid, not_found
from core.api.schema import Schema
from core.tree import parent_path
from qa import queries, serializers
from qa.choices import QuestionAudience
from qa.filters import MAX_QUERY_LENGTH, QuestionFilter
from qa.forms import MAX_COMMENT_LENGTH
from qa.models import QuestionFeedback, ZeroResultQuery

router = Router(tags=["qa"])

MAX_SUGGESTIONS = 10


# --- Schemas ----------------------------------------------------------------------------


class QuestionCategoryItem(PageItem):
    slug: str = Field(description="Use it as `category` in the question list.")
    icon: str = Field(description="A key naming the category's symbol, e.g. 'payment' or 'gift'.")
    intro: str
    question_count: int = Field(description="Published questions in this category.")


QuestionCategoryList = list_schema(QuestionCategoryItem)


class QuestionCategoryRef(PageRef):
    slug: str = Field(description="Use it as `category` in the question list.")


class QuestionItem(PageItem):
    category: QuestionCategoryRef | None
    audience: QuestionAudience = Field(description="Who asks it: public, museums or members.")
    last_reviewed: date | None = Field(description="When the answer was last checked.")
    summary: str = Field(description="The start of the answer as plain text.")


QuestionList = list_schema(QuestionItem)


class QuestionDetail(QuestionItem):
    answer_html: str = Field(description="The answer as HTML (links resolved to public URLs).")
    answer_text: str = Field(description="The answer as plain text, one line per paragraph or list item.")
    alternative_phrasings: list[str] = Field(description="Other ways to ask this question.")
    related: list[PageRef] = Field(description="Related published questions, in editor order.")


QuestionSuggestionList = list_schema(PageRef, name="QuestionSuggestionList")


class QuestionFeedbackIn(Schema):
    helpful: bool = Field(description="Was the answer helpful?")
    comment: str = Field(
        "", max_length=MAX_COMMENT_LENGTH, description="Optional; no personal details, please."
    )


class QuestionFeedbackOut(Schema):
    status: str = Field(description="'recorded'.")


class QuestionListParams(ListParams):
    category: str | None = Field(None, max_length=100, description="A category slug (see /qa/categories/).")
    audience: QuestionAudience | None = Field(None, description="Only questions for this audience.")
    q: str | None = Field(
        None,
        max_length=MAX_QUERY_LENGTH,
        description="Search the questions, answers and alternative phrasings; results come most relevant first.",
    )


class QuestionSuggestParams(WindowParams):
    q: str = Field(min_length=1, max_length=100, description="What the reader has typed so far.")
    limit: int = Field(8, ge=1, le=MAX_SUGGESTIONS, description=f"At most {MAX_SUGGESTIONS} suggestions.")


# --- Endpoints --------------------------------------------------------------------------


def _categories_by_path(locale_code):
    return {category.path: category for category in queries.public_categories(locale_code)}


@router.get(
    "/categories/",
    response={200: QuestionCategoryList, 400: Problem, 410: Problem},
    summary="Q&A categories",
    description="The published categories of the Museumkaart Q&A in editor order, with their question counts.",
)
def list_categories(request, params: Query[ListParams]):
    counts = queries.question_counts(queries.public_questions(params.locale))
    return Pagination(request, params).respond(
        queries.public_categories(params.locale),
        lambda category: serializers.category_item(category, request, counts.get(category.path, 0)),
    )


@router.get(
    "/questions/",
    response={200: QuestionList, 400: Problem, 410: Problem},
    summary="Q&A questions",
    description=(
        "Published questions in tree order (category by category), or most relevant first with `q`. "
        "The search ignores case and accents and knows simple Dutch word forms (plurals, diminutives). "
        "A search that finds nothing is recorded anonymously for the editors."
    ),
)
def list_questions(request, params: Query[QuestionListParams]):
    by_path = _categories_by_path(params.locale)
    data = {key: value for key in ("category", "audience", "q") if (value := getattr(params, key))}
    filterset = QuestionFilter(
        data, queries.public_questions(params.locale), categories=queries.public_categories(params.locale)
    )
    if not filterset.is_valid():
        raise invalid(filterset.errors)
    response = Pagination(request, params).respond(
        filterset.qs,
        lambda question: serializers.question_item(
            question, request, by_path.get(parent_path(question.path))
        ),
    )
    if params.q and params.q.strip() and not response["count"] and not (params.category or params.audience):
        ZeroResultQuery.record(params.q, params.locale)
    return response


def _public_question(question_id):
    question = queries.public_question(question_id)
    if question is None:
        raise not_found("question", question_id)
    return question


@router.get(
    "/questions/{question_id}/",
    response={200: QuestionDetail, 404: Problem},
    summary="One question with its answer",
    description="The answer as HTML and as plain text. Drafts, unpublished and private questions are 404.",
)
def get_question(request, question_id: int):
    return serializers.question_detail(_public_question(question_id), request)


@router.get(
    "/suggest/",
    url_name="qa_suggest",
    response={200: QuestionSuggestionList, 400: Problem},
    summary="Suggestions as you type",
    description=(
        "Questions matching what was typed so far (the last word may be unfinished), most relevant "
        "first: a question that starts with the typed text ranks highest. `count` is the number of "
        "matching questions; `limit` (at most 10) says how many of them to return."
    ),
)
def suggest(request, params: Query[QuestionSuggestParams]):
    questions = queries.public_questions(params.locale)
    ids = queries.suggest(questions, params.q)
    return Pagination(request, params).respond(
        queries.order_by_ids(questions, ids), lambda question: page_ref(question, request), count=len(ids)
    )


@router.post(
    "/questions/{question_id}/feedback/",
    response={201: QuestionFeedbackOut, 400: Problem, 404: Problem, 429: Problem},
    summary="Was this answer helpful?",
    description=(
        "Records yes/no with an optional comment. No login; nothing about the sender is stored. "
        "Rate-limited per client: too many answers give 429."
    ),
)
def give_feedback(request, question_id: int, payload: QuestionFeedbackIn):
    question = _public_question(question_id)
    feedback = QuestionFeedback.record(
        question,
        request,
        helpful=payload.helpful,
        comment=payload.comment,
        source=QuestionFeedback.Source.API,
    )
    if feedback is None:
        raise ApiError(429, "Too much feedback from this client; try again later.")
    return Status(201, {"status": "recorded"})
