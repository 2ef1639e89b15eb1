from .figures import Figure, FiguresPage
from .pages import (
    ArticleAuthor,
    ArticleDownload,
    ArticlePage,
    ArticleRelatedLink,
    DossierDocument,
    DossierPage,
    KnowledgeIndexPage,
)

__all__ = [
    "ArticleAuthor",
    "ArticleDownload",
    "ArticlePage",
    "ArticleRelatedLink",
    "DossierDocument",
    "DossierPage",
    "Figure",
    "FiguresPage",
    "KnowledgeIndexPage",
]
