"""The shared StreamField blocks: validation, rendering and their API representation."""

import io

import pytest
from django.core.files.images import ImageFile
from PIL import Image as PILImage
from wagtail.blocks import StreamBlockValidationError, StructBlockValidationError
from wagtail.images.models import Image

from core.blocks import (
    BaseStreamBlock,
    CallToActionBlock,
    ImageBlock,
    stream_api_representation,
)


@pytest.fixture
def image(db, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    buffer = io.BytesIO()
    PILImage.new("RGB", (1600, 900), (11, 79, 138)).save(buffer, "PNG")
    return Image.objects.create(title="Zaal", file=ImageFile(buffer, name="zaal.png"))


def test_every_block_declares_icon_template_description_and_preview():
    for name, block in BaseStreamBlock().child_blocks.items():
        meta = block.meta
        assert meta.icon, name
        assert meta.template and meta.template.startswith("blocks/"), name
        assert meta.description, name
        assert getattr(meta, "preview_value", None) is not None, name


@pytest.mark.django_db
def test_image_block_requires_alternative_text(image):
    block = ImageBlock()
    with pytest.raises(StructBlockValidationError) as error:
        block.clean(block.to_python({"image": image.pk, "alt_text": "", "caption": "", "credit": ""}))
    assert "alt_text" in error.value.block_errors
    cleaned = block.clean(
        block.to_python({"image": image.pk, "alt_text": "Een zaal", "caption": "", "credit": ""})
    )
    assert cleaned["alt_text"] == "Een zaal"


@pytest.mark.django_db
def test_image_block_renders_alt_text_and_gives_renditions_in_the_api(image):
    block = ImageBlock()
    value = block.to_python(
        {"image": image.pk, "alt_text": "Bezoekers in de zaal", "caption": "Zaal 1", "credit": "Foto: demo"}
    )
    html = block.render(value)
    assert 'alt="Bezoekers in de zaal"' in html
    assert "<figcaption>Zaal 1" in html
    api = block.get_api_representation(value)
    assert api["alt_text"] == "Bezoekers in de zaal"
    assert set(api["image"]["renditions"]) == {"small", "medium", "large"}
    small = api["image"]["renditions"]["small"]
    assert (small["width"], small["height"]) == (400, 300)
    assert api["image"]["renditions"]["large"]["width"] <= 1600


def test_call_to_action_needs_exactly_one_target():
    block = CallToActionBlock()
    base = {"title": "Word lid", "text": "", "button_label": "Lees meer"}
    with pytest.raises(StructBlockValidationError):
        block.clean(block.to_python({**base, "page": None, "external_url": ""}))
    value = block.clean(block.to_python({**base, "page": None, "external_url": "https://example.org/lid"}))
    assert block.get_api_representation(value)["url"] == "https://example.org/lid"


@pytest.mark.django_db
def test_stream_api_representation_expands_rich_text_and_keeps_order():
    stream = BaseStreamBlock()
    value = stream.to_python(
        [
            {"type": "heading", "value": {"text": "Kop", "level": "h2"}, "id": "a"},
            {"type": "paragraph", "value": '<p>Zie <a id="1" linktype="page">de pagina</a>.</p>', "id": "b"},
            {
                "type": "table",
                "value": {
                    "caption": "Cijfers",
                    "table": {
                        "first_row_is_table_header": True,
                        "first_col_is_header": False,
                        "data": [["Jaar"], ["2023"]],
                    },
                },
                "id": "c",
            },
        ]
    )
    api = stream_api_representation(value)
    assert [item["type"] for item in api] == ["heading", "paragraph", "table"]
    assert api[0] == {"type": "heading", "id": "a", "value": {"text": "Kop", "level": "h2"}}
    assert "linktype" not in api[1]["value"]  # database-internal link markup is expanded
    assert api[2]["value"] == {
        "caption": "Cijfers",
        "first_row_is_header": True,
        "first_col_is_header": False,
        "rows": [["Jaar"], ["2023"]],
    }


def test_table_without_caption_is_refused():
    stream = BaseStreamBlock()
    value = stream.to_python([{"type": "table", "value": {"caption": "", "table": {"data": [["a"]]}}}])
    with pytest.raises(StreamBlockValidationError):
        stream.clean(value)
