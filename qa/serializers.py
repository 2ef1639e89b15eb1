"""The Q&A as plain dicts: the API's items and details, and the page resolver's ``data``.

Only what the public may see is handed out (``Visibility.public()``); every reference to another
page is a ``PageRef`` (``page_ref``).
"""

from core.api.conventions import page_item, page_ref
from core.visibility import Visibility
from qa import queries, text


def category_ref(category, request=None):
    """A reference to a category, with the slug the question list filters on."""
    return {**page_ref(category, request), "slug": category.slug}


def category_item(category, request, question_count):
    return {
        **page_item(category, request),
        "slug": category.slug,
        "icon": category.icon,
        "intro": category.intro,
        "question_count": question_count,
    }


def question_item(question, request, category):
    """A question of a list; ``category`` is its (visible) category or ``None``."""
    return {
        **page_item(question, request),
        "category": category_ref(category, request) if category else None,
        "audience": question.audience,
        "last_reviewed": question.last_reviewed,
        "summary": question.listing_summary or text.excerpt(question.answer_text),
    }


def question_detail(question, request):
    """A question with its answer and related questions (flat: the item's fields and these)."""
    visibility = Visibility.public()
    related = queries.related_questions(question, visibility)
    return {
        **question_item(question, request, queries.category_of(question, visibility)),
        "answer_html": question.answer_html,
        "answer_text": question.answer_text,
        "alternative_phrasings": question.phrasings,
        "related": [page_ref(q, request) for q in related],
    }


# --- The page resolver's ``data`` (``get_api_data`` of the page models) ----------------------


def index_data(index, request=None):
    visibility = Visibility.public()
    return {
        "intro": index.intro,
        "categories": [
            {**page_ref(c, request), "icon": c.icon} for c in queries.categories(index, visibility)
        ],
        "popular_questions": [page_ref(q, request) for q in queries.popular_questions(index, visibility)],
    }


def category_data(category, request=None):
    questions = queries.category_questions(category, Visibility.public())
    return {
        "intro": category.intro,
        "icon": category.icon,
        "questions": [page_ref(q, request) for q in questions],
    }


def question_data(question, request=None):
    visibility = Visibility.public()
    category = queries.category_of(question, visibility)
    return {
        "answer_html": question.answer_html,
        "answer_text": question.answer_text,
        "audience": question.audience,
        "last_reviewed": question.last_reviewed.isoformat() if question.last_reviewed else None,
        "category": page_ref(category, request) if category else None,
        "related": [page_ref(q, request) for q in queries.related_questions(question, visibility)],
    }
