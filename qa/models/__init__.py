from .pages import PopularQuestion, QACategoryPage, QAIndexPage, QuestionPage, RelatedQuestion
from .records import QuestionFeedback, ZeroResultQuery

__all__ = [
    "PopularQuestion",
    "QACategoryPage",
    "QAIndexPage",
    "QuestionFeedback",
    "QuestionPage",
    "RelatedQuestion",
    "ZeroResultQuery",
]
