"""schema.org data of the Q&A: FAQPage with its Questions and their accepted Answers.

Google stopped showing FAQ rich results; the markup stays as semantics for other consumers. The
answer is plain text (one line per paragraph or list item), the question's ``url`` its absolute
public address.
"""

from core.links import page_url


def faq_question(question, request=None):
    """One schema.org Question with its accepted Answer."""
    return {
        "@type": "Question",
        "name": question.title,
        "url": page_url(question, request),
        "acceptedAnswer": {"@type": "Answer", "text": question.answer_text},
    }


def faq_page(data, questions, request=None):
    """``data`` (a page's common schema.org fields) with ``questions`` as its main entity."""
    return {**data, "mainEntity": [faq_question(question, request) for question in questions]}
