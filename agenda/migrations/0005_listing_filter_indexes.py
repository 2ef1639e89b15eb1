"""A narrow index of the event columns the agenda filters on (see ``EventPage.Meta``)."""

from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("agenda", "0004_occurrence_listing_indexes"),
        ("core", "0003_page_hidden_sections_index"),
        ("museums", "0002_stream_blocks"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailimages", "0027_image_description"),
        migrations.swappable_dependency(settings.WAGTAIL_PAGE_MODEL),
    ]

    operations = [
        migrations.AddIndex(
            model_name="eventpage",
            index=models.Index(
                fields=[
                    "page_ptr",
                    "event_type",
                    "attendance_mode",
                    "audience",
                    "status",
                    "venue_province",
                    "venue_museum",
                    "organiser",
                ],
                name="agenda_event_filters",
            ),
        ),
    ]
