"""On PostgreSQL, a trigram index of page titles as the text filters ask for them (Django's
``icontains`` is ``UPPER(title::text) LIKE UPPER('%...%')``): the finder's ``q`` looks for its
text in the titles of 50,000 exhibitions, which without it reads every one. Plain SQL on
Wagtail's page table; ``pg_trgm`` comes with PostgreSQL (creating the extension needs a role
that may, as ``migrate`` usually has). SQLite is left as it was: no such index there, and the
same results."""

from django.contrib.postgres.operations import TrigramExtension
from django.db import migrations

INDEX = "museums_page_title_trgm"


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            f'CREATE INDEX IF NOT EXISTS "{INDEX}" ON "wagtailcore_page" '
            'USING gin ((UPPER("title"::text)) gin_trgm_ops)'
        )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f'DROP INDEX IF EXISTS "{INDEX}"')


class Migration(migrations.Migration):
    dependencies = [
        ("museums", "0002_stream_blocks"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        TrigramExtension(),
        migrations.RunPython(create, drop),
    ]
