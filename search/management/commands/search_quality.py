"""``manage.py search_quality``: the score of the judged query set on the search backend in use.

Prints each query with the rank of its first relevant result, then success at 3 and nDCG at 10
per kind, per language and in all; exits with an error when success at 3 is below
``--min-success`` (or nDCG at 10 below ``--min-ndcg``). Runs on the database of ``DATABASE_URL``
with its content (the demo content: ``manage.py load_demo``); with ``ELASTICSEARCH_URL`` set, on
Elasticsearch (``--update-index`` builds the index first).
"""

import json

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from search import quality


class Command(BaseCommand):
    help = "Scores the site search on the judged query set (success at 3, nDCG at 10)."

    def add_arguments(self, parser):
        parser.add_argument("--queries", default=str(quality.QUERIES), help="The judged query set (TOML).")
        parser.add_argument(
            "--min-success", type=float, default=0.0, help="Fail below this success at 3 (0 to 1)."
        )
        parser.add_argument(
            "--min-ndcg", type=float, default=0.0, help="Fail below this nDCG at 10 (0 to 1)."
        )
        parser.add_argument("--update-index", action="store_true", help="Rebuild the search index first.")
        parser.add_argument("--json", action="store_true", help="Print the totals as JSON on the last line.")
        parser.add_argument("--failures-only", action="store_true", help="List only the queries that missed.")

    def handle(self, *args, **options):
        try:
            queries = quality.load(options["queries"])
        except (OSError, ValueError) as error:
            raise CommandError(str(error)) from error
        if options["update_index"]:
            call_command("update_index", verbosity=0)
        report = quality.evaluate(queries)
        write = self.stdout.write
        write(f"Search quality on {report.backend}: {len(report.outcomes)} judged queries")
        write(f"{'rank':>4}  {'s@3':>3}  {'nDCG':>5}  {'kind':<11} {'lang':<4} query")
        for outcome in report.outcomes:
            if options["failures_only"] and outcome.success:
                continue
            rank = str(outcome.first_relevant) if outcome.first_relevant else "-"
            judged = outcome.judged
            line = (
                f"{rank:>4}  {outcome.success:>3.0f}  {outcome.ndcg:>5.2f}  {judged.kind:<11} "
                f"{judged.language:<4} {judged.q}"
            )
            if not outcome.success:
                line += f"   (first results: {', '.join(outcome.found[:3]) or 'none'})"
            write(line)
        for attribute in ("kind", "language"):
            parts = [
                f"{key} {success:.2f} ({count})" for key, (count, success) in report.by(attribute).items()
            ]
            write(f"success at 3 by {attribute}: " + ", ".join(parts))
        write(
            f"TOTAL {report.backend}: success@3 {report.success:.3f}, nDCG@10 {report.ndcg:.3f} "
            f"({len(report.outcomes)} queries)"
        )
        if options["json"]:
            write(
                json.dumps(
                    {
                        "backend": report.backend,
                        "queries": len(report.outcomes),
                        "success_at_3": report.success,
                        "ndcg_at_10": report.ndcg,
                        "missed": [o.judged.q for o in report.outcomes if not o.success],
                    }
                )
            )
        failures = []
        if report.success < options["min_success"]:
            failures.append(f"success at 3 {report.success:.3f} is below {options['min_success']}")
        if report.ndcg < options["min_ndcg"]:
            failures.append(f"nDCG at 10 {report.ndcg:.3f} is below {options['min_ndcg']}")
        if failures:
            raise CommandError(f"Search quality on {report.backend}: " + "; ".join(failures))
