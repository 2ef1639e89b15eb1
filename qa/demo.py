"""Demo content of the Q&A: the start page under the home page, categories and questions."""

from datetime import date

from core.seeding import seed_step

from .demo_data import CATEGORIES, POPULAR
from .models import PopularQuestion, QACategoryPage, QAIndexPage, QuestionPage, RelatedQuestion

LAST_REVIEWED = date(2026, 10, 1)


@seed_step(kind="demo", order=70, label="questions and answers")
def load(ctx):
    index = ctx.get_or_create_page(
        ctx.home,
        QAIndexPage,
        slug="vragen",
        defaults={
            "title": "Vragen over de Museumkaart",
            "intro": "Snel antwoord op je vragen over bestellen, betalen, verlengen, de app en je bezoek. "
            "(Demo: de antwoorden zijn voor deze demo geschreven op basis van openbare feiten.)",
            "show_in_menus": True,
            "listing_summary": "Antwoorden op veelgestelde vragen over de Museumkaart.",
        },
    )
    ctx.register_section("qa", index)
    ctx.translate(
        index,
        "en",
        title="Questions about the Museumkaart",
        slug="questions",
        intro="Quick answers about ordering, paying, renewing, the app and your visit. (Demo content.)",
        listing_summary="Answers to frequently asked questions about the Museumkaart.",
    )

    questions = {}
    for data in ctx.progress(CATEGORIES, "Q&A categories"):
        category = ctx.get_or_create_page(
            index,
            QACategoryPage,
            slug=data["slug"],
            defaults={
                "title": data["title"],
                "icon": data["icon"],
                "intro": data["intro"],
                "listing_summary": data["intro"],
            },
        )
        if data.get("en"):
            ctx.translate(category, "en", **data["en"], listing_summary=data["en"]["intro"])
        for item in data["questions"]:
            related = [
                RelatedQuestion(question=questions[slug])
                for slug in item.get("related", [])
                if slug in questions
            ]
            question = ctx.get_or_create_page(
                category,
                QuestionPage,
                slug=item["slug"],
                defaults={
                    "title": item["title"],
                    "answer": item["answer"],
                    "alternative_phrasings": item.get("phrasings", ""),
                    "audience": item.get("audience", "public"),
                    "last_reviewed": LAST_REVIEWED,
                    "related_questions": related,
                },
            )
            questions[item["slug"]] = question
            if item.get("en"):
                ctx.translate(question, "en", **item["en"])

    if not index.popular_questions.exists() and index.revisions.count() == 1:
        index.popular_questions = [PopularQuestion(question=questions[slug]) for slug in POPULAR]
        index.save_revision().publish()
    ctx.log(
        f"    Q&A: {QuestionPage.objects.live().filter(alias_of__isnull=True).count()} live questions (translations included)"
    )
