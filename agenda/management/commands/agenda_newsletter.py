"""Print the agenda of the coming weeks as an e-mail-safe HTML snippet (or LinkedIn texts)."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from agenda.newsletter import MAX_WEEKS, linkedin_texts, newsletter_html, newsletter_occurrences


class Command(BaseCommand):
    help = "Print the agenda for the coming N weeks, for given filters, as newsletter HTML or LinkedIn texts."

    def add_arguments(self, parser):
        parser.add_argument("--weeks", type=int, default=4, help=f"1 to {MAX_WEEKS} (default 4).")
        parser.add_argument("--locale", default=settings.LANGUAGE_CODE)
        parser.add_argument("--type", action="append", default=[], help="Event type; repeatable.")
        for name in ("theme", "dossier", "audience", "attendance_mode", "organiser", "province"):
            parser.add_argument(f"--{name.replace('_', '-')}", dest=name, default="")
        parser.add_argument("--title", default="Agenda")
        parser.add_argument(
            "--base-url",
            default=settings.PUBLIC_BASE_URL,
            help="Host of the links (default PUBLIC_BASE_URL).",
        )
        parser.add_argument("--linkedin", action="store_true", help="Print LinkedIn texts instead of HTML.")

    def handle(self, *args, **options):
        if not 1 <= options["weeks"] <= MAX_WEEKS:
            raise CommandError(f"--weeks must be between 1 and {MAX_WEEKS}.")
        filters = {
            name: options[name]
            for name in ("type", "theme", "dossier", "audience", "attendance_mode", "organiser", "province")
        }
        occurrences, errors = newsletter_occurrences(options["locale"], filters, options["weeks"])
        if errors:
            raise CommandError("; ".join(f"{name}: {' '.join(msgs)}" for name, msgs in errors.items()))
        if options["linkedin"]:
            for item in linkedin_texts(occurrences, None, options["locale"]):
                self.stdout.write(item["text"] + "\n\n---\n")
            return
        self.stdout.write(
            newsletter_html(
                occurrences,
                base_url=options["base_url"],
                title=options["title"],
                locale_code=options["locale"],
            )
        )
