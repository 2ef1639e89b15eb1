"""A partial index on Wagtail's page table for ``core.visibility``'s "sections that are not live"
question (pages not live with pages below them): a handful of rows, found without reading every
page of the site. Plain SQL because the table is Wagtail's; SQLite and PostgreSQL both support
partial indexes with this syntax."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0002_private_document_files"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.RunSQL(
            'CREATE INDEX "core_page_hidden_sections" ON "wagtailcore_page" ("path") '
            'WHERE NOT "live" AND "numchild" > 0',
            'DROP INDEX "core_page_hidden_sections"',
        )
    ]
