"""Occurrences carry their event page's locale, live flag, alias flag and tree path, so the
agenda's count and window need not join the page table."""

import django.db.models.deletion
from django.db import migrations, models


def copy_page_fields(apps, schema_editor):
    EventOccurrence = apps.get_model("agenda", "EventOccurrence")
    EventPage = apps.get_model("agenda", "EventPage")
    pages = EventPage.objects.filter(pk=models.OuterRef("event_id"))
    EventOccurrence.objects.update(
        locale_id=models.Subquery(pages.values("locale_id")[:1]),
        live=models.Subquery(pages.values("live")[:1]),
        is_alias=models.Subquery(
            pages.annotate(
                aliased=models.ExpressionWrapper(
                    models.Q(alias_of__isnull=False), output_field=models.BooleanField()
                )
            ).values("aliased")[:1]
        ),
        path=models.Subquery(pages.values("path")[:1]),
    )


class Migration(migrations.Migration):
    dependencies = [
        ("agenda", "0002_chart_block"),
    ]

    operations = [
        migrations.AddField(
            model_name="eventoccurrence",
            name="is_alias",
            field=models.BooleanField(default=False, verbose_name="alias"),
        ),
        migrations.AddField(
            model_name="eventoccurrence",
            name="live",
            field=models.BooleanField(default=False, verbose_name="live"),
        ),
        migrations.AddField(
            model_name="eventoccurrence",
            name="path",
            field=models.CharField(default="", max_length=255, verbose_name="page path"),
        ),
        migrations.AddField(
            model_name="eventoccurrence",
            name="locale",
            field=models.ForeignKey(
                null=True,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="+",
                to="wagtailcore.locale",
                verbose_name="locale",
            ),
        ),
        migrations.RunPython(copy_page_fields, migrations.RunPython.noop),
    ]
