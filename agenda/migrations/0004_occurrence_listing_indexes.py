"""The occurrences' locale is required and the agenda's listing indexes (language, live, by
start and by end); a migration of its own, after the rows are filled (on PostgreSQL a table
cannot be altered in the transaction that updated it while its foreign keys are deferred)."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("agenda", "0003_occurrence_page_fields")]

    operations = [
        migrations.AlterField(
            model_name="eventoccurrence",
            name="locale",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.CASCADE,
                related_name="+",
                to="wagtailcore.locale",
                verbose_name="locale",
            ),
        ),
        migrations.AddIndex(
            model_name="eventoccurrence",
            index=models.Index(
                fields=["locale", "start", "end", "live", "is_alias", "path", "event"],
                name="agenda_occ_listing_start",
            ),
        ),
        migrations.AddIndex(
            model_name="eventoccurrence",
            index=models.Index(
                fields=["locale", "end", "start", "live", "is_alias", "path", "event"],
                name="agenda_occ_listing_end",
            ),
        ),
    ]
