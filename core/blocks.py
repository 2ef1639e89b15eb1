"""The shared StreamField blocks every page body is built from.

Each block sets an icon, a template (``templates/blocks/``), a description and a
``preview_value`` for the block picker, and returns a documented JSON shape from
``get_api_representation`` so the headless API never hands out database-internal HTML.
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock
from wagtail.rich_text import expand_db_html

from .charts import ChartDataError, ChartType, render_chart, table_to_series
from .links import public_url

# Rendition sizes handed to API clients: name -> Wagtail filter spec.
IMAGE_RENDITIONS = {
    "small": "fill-400x300",
    "medium": "max-800x600",
    "large": "max-1600x1200",
}


def image_api_representation(image, request=None):
    """An image as the API shows it: id, title, alt text, size and renditions at useful sizes."""
    if image is None:
        return None
    renditions = image.get_renditions(*IMAGE_RENDITIONS.values())
    return {
        "id": image.pk,
        "title": image.title,
        "alt": image.default_alt_text,
        "width": image.width,
        "height": image.height,
        "renditions": {
            name: {
                "url": public_url(renditions[spec].url),
                "width": renditions[spec].width,
                "height": renditions[spec].height,
            }
            for name, spec in IMAGE_RENDITIONS.items()
        },
    }


def document_api_representation(document, request=None):
    if document is None:
        return None
    try:
        size = document.get_file_size()
    except OSError:
        size = None
    return {
        "id": document.pk,
        "title": document.title,
        "url": public_url(document.url),
        "extension": document.file_extension.lower(),
        "size": size,
    }


class RichTextBlock(blocks.RichTextBlock):
    def get_api_representation(self, value, context=None):
        return expand_db_html(value.source)


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("text"), max_length=150)
    level = blocks.ChoiceBlock(
        label=_("level"),
        choices=[("h2", _("Heading 2")), ("h3", _("Heading 3")), ("h4", _("Heading 4"))],
        default="h2",
        help_text=_("Use levels in order: a heading 3 sits under a heading 2."),
    )

    class Meta:
        icon = "title"
        template = "blocks/heading_block.html"
        label = _("Heading")
        description = _("A section heading, which also appears in the page outline.")
        preview_value = {"text": "Duurzaam museum", "level": "h2"}


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("image"))
    alt_text = blocks.CharBlock(
        label=_("alternative text"),
        max_length=250,
        help_text=_(
            "Describe what the image shows for people who cannot see it. Required; "
            "for a purely decorative image write what its role is in a few words."
        ),
    )
    caption = blocks.CharBlock(label=_("caption"), required=False, max_length=250)
    credit = blocks.CharBlock(label=_("credit"), required=False, max_length=150)

    class Meta:
        icon = "image"
        template = "blocks/image_block.html"
        label = _("Image")
        description = _("An image with required alternative text, an optional caption and credit.")
        preview_value = {"alt_text": "Bezoekers in een museumzaal", "caption": "Een museumzaal"}

    def get_api_representation(self, value, context=None):
        request = (context or {}).get("request")
        return {
            "image": image_api_representation(value["image"], request),
            "alt_text": value["alt_text"],
            "caption": value["caption"],
            "credit": value["credit"],
        }


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("quote"))
    attribution = blocks.CharBlock(label=_("attribution"), required=False, max_length=150)

    class Meta:
        icon = "openquote"
        template = "blocks/quote_block.html"
        label = _("Quote")
        description = _("A quotation with the name of who said it.")
        preview_value = {
            "text": "Musea zijn van iedereen.",
            "attribution": "Demo-citaat",
        }


class LinkStructValue(blocks.StructValue):
    def url(self):
        page = self.get("page")
        if page:
            return page.url
        return self.get("external_url") or ""


class CallToActionBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("title"), max_length=120)
    text = blocks.TextBlock(label=_("text"), required=False)
    page = blocks.PageChooserBlock(label=_("page"), required=False)
    external_url = blocks.URLBlock(label=_("external URL"), required=False)
    button_label = blocks.CharBlock(label=_("button label"), max_length=60)

    class Meta:
        icon = "pick"
        template = "blocks/call_to_action_block.html"
        label = _("Call to action")
        description = _("A highlighted invitation with one button to a page or an address.")
        value_class = LinkStructValue
        preview_value = {
            "title": "Word lid",
            "text": "Sluit je aan bij de Museumvereniging.",
            "external_url": "https://example.org/",
            "button_label": "Lees meer",
        }

    def clean(self, value):
        value = super().clean(value)
        if bool(value.get("page")) == bool(value.get("external_url")):
            raise blocks.StructBlockValidationError(
                block_errors={"page": ValidationError(_("Choose a page or enter an external URL, not both."))}
            )
        return value

    def get_api_representation(self, value, context=None):
        return {
            "title": value["title"],
            "text": value["text"],
            "url": public_url(value.url()) if value.url() else "",
            "button_label": value["button_label"],
        }


class EmbedMediaBlock(blocks.StructBlock):
    title = blocks.CharBlock(
        label=_("title"),
        max_length=150,
        help_text=_("Names the video or media for screen readers (the frame's title)."),
    )
    embed = EmbedBlock(label=_("URL"), help_text=_("A YouTube, Vimeo or other oEmbed address."))
    transcript = blocks.RichTextBlock(
        label=_("transcript"), required=False, features=["bold", "italic", "link", "ol", "ul"]
    )

    class Meta:
        icon = "media"
        template = "blocks/embed_block.html"
        label = _("Embedded media")
        description = _("A video or other media from another site, with a title and transcript.")
        preview_value = {"title": "Een video", "transcript": "<p>Transcriptie van de video.</p>"}

    def get_api_representation(self, value, context=None):
        embed = value["embed"]
        return {
            "title": value["title"],
            "url": embed.url if embed else None,
            "html": embed.html if embed else None,
            "transcript": expand_db_html(value["transcript"].source) if value["transcript"] else "",
        }


class AccessibleTableBlock(blocks.StructBlock):
    caption = blocks.CharBlock(
        label=_("caption"),
        max_length=200,
        help_text=_("Says what the table shows; read first by screen readers."),
    )
    table = TableBlock(label=_("table"), table_options={"startRows": 3, "startCols": 3})

    class Meta:
        icon = "table"
        template = "blocks/table_block.html"
        label = _("Table")
        description = _("A data table with a caption and header row.")
        preview_value = {
            "caption": "Museumbezoek",
            "table": {
                "first_row_is_table_header": True,
                "first_col_is_header": False,
                "data": [["Jaar", "Bezoeken"], ["2023", "30,9 miljoen"]],
            },
        }

    def get_api_representation(self, value, context=None):
        table = value["table"] or {}
        return {
            "caption": value["caption"],
            "first_row_is_header": bool(table.get("first_row_is_table_header")),
            "first_col_is_header": bool(table.get("first_col_is_header")),
            "rows": table.get("data") or [],
        }


class AccordionItemBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("title"), max_length=200)
    body = RichTextBlock(label=_("body"), features=["bold", "italic", "link", "ol", "ul", "document-link"])


class AccordionBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("heading"), required=False, max_length=150)
    items = blocks.ListBlock(AccordionItemBlock(), label=_("items"), min_num=1)

    class Meta:
        icon = "list-ul"
        template = "blocks/accordion_block.html"
        label = _("Accordion")
        description = _("Questions or sections that open and close; they work without JavaScript.")
        preview_value = {
            "heading": "Veelgestelde vragen",
            "items": [{"title": "Wat kost een Museumkaart?", "body": "<p>Zie de actuele prijzen.</p>"}],
        }


class DocumentListBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("heading"), required=False, max_length=150)
    documents = blocks.ListBlock(DocumentChooserBlock(), label=_("documents"), min_num=1)

    class Meta:
        icon = "doc-full"
        template = "blocks/document_list_block.html"
        label = _("Documents")
        description = _("A list of downloads with their type and size shown.")
        preview_value = {"heading": "Downloads", "documents": []}

    def get_api_representation(self, value, context=None):
        request = (context or {}).get("request")
        return {
            "heading": value["heading"],
            "documents": [document_api_representation(d, request) for d in value["documents"] if d],
        }


class ChartBlock(blocks.StructBlock):
    title = blocks.CharBlock(
        label=_("title"), max_length=150, help_text=_("What the chart shows, e.g. 'Museum visits per year'.")
    )
    description = blocks.TextBlock(
        label=_("description"),
        help_text=_("The main finding in one or two sentences, read by screen readers instead of the image."),
    )
    chart_type = blocks.ChoiceBlock(label=_("chart type"), choices=ChartType.choices, default=ChartType.BAR)
    unit = blocks.CharBlock(
        label=_("unit"), required=False, max_length=40, help_text=_("E.g. 'miljoen bezoeken' or '%'.")
    )
    data = TableBlock(
        label=_("data"),
        help_text=_(
            "First row: a label for the categories, then one column name per series. "
            "Then one row per category (e.g. a year) with numbers; 30,9 and 30.9 both work."
        ),
        table_options={"startRows": 4, "startCols": 2},
    )
    source = blocks.CharBlock(label=_("source"), required=False, max_length=200)

    class Meta:
        icon = "table"
        template = "blocks/chart_block.html"
        label = _("Chart")
        description = _("A bar or line chart drawn from a small table, with the table beside it.")
        preview_value = {
            "title": "Museumbezoek",
            "description": "In 2023 telden de musea 30,9 miljoen bezoeken.",
            "chart_type": "bar",
            "unit": "miljoen",
            "data": {
                "first_row_is_table_header": True,
                "first_col_is_header": True,
                "table_header_choice": "both",
                "data": [["Jaar", "Bezoeken"], ["2023", "30,9"]],
            },
            "source": "Museumcijfers 2023",
        }

    @staticmethod
    def _rows(value):
        data = value.get("data") or {}
        return data.get("data") if isinstance(data, dict) else None

    def clean(self, value):
        value = super().clean(value)
        try:
            table_to_series(self._rows(value))
        except ChartDataError as error:
            raise blocks.StructBlockValidationError(
                block_errors={"data": ValidationError(str(error))}
            ) from None
        return value

    def series(self, value):
        """``(axis_label, categories, series)`` of the value, or ``None`` when it cannot be drawn."""
        try:
            return table_to_series(self._rows(value))
        except ChartDataError:
            return None

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        parsed = self.series(value)
        context["chart"] = None
        if parsed:
            axis_label, categories, series = parsed
            context["chart"] = render_chart(
                chart_type=value["chart_type"],
                title=value["title"],
                description=value["description"],
                categories=categories,
                series=series,
                axis_label=axis_label,
                unit=value["unit"],
                source=value["source"],
            )
        return context

    def get_api_representation(self, value, context=None):
        parsed = self.series(value) or ("", [], [])
        axis_label, categories, series = parsed
        return {
            "title": value["title"],
            "description": value["description"],
            "chart_type": value["chart_type"],
            "unit": value["unit"],
            "axis_label": axis_label,
            "categories": categories,
            "series": [{"name": name, "values": values} for name, values in series],
            "source": value["source"],
        }


class BaseStreamBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = RichTextBlock(
        label=_("Text"),
        icon="pilcrow",
        template="blocks/rich_text_block.html",
        features=["bold", "italic", "link", "document-link", "ol", "ul", "h3", "h4"],
        description=_("Running text with links and lists."),
        preview_value="<p>Musea vertellen verhalen over wie we zijn.</p>",
    )
    image = ImageBlock()
    quote = QuoteBlock()
    call_to_action = CallToActionBlock()
    embed = EmbedMediaBlock()
    table = AccessibleTableBlock()
    accordion = AccordionBlock()
    documents = DocumentListBlock()
    chart = ChartBlock()


def stream_api_representation(stream_value, request=None):
    """A StreamField value as a list of ``{"type", "id", "value"}`` objects for the API."""
    context = {"request": request}
    return [
        {
            "type": child.block_type,
            "id": child.id,
            "value": child.block.get_api_representation(child.value, context=context),
        }
        for child in stream_value
    ]
