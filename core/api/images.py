"""The image shape every API resource shares (``core.blocks.image_api_representation``)."""

from ninja import Field

from core.api.schema import Schema


class ImageRendition(Schema):
    url: str = Field(description="The absolute address of the rendition.")
    width: int
    height: int


class Image(Schema):
    id: int
    title: str
    alt: str = Field(description="The alternative text (the image's description; its title without one).")
    width: int = Field(description="The original's width in pixels.")
    height: int = Field(description="The original's height in pixels.")
    renditions: dict[str, ImageRendition] = Field(
        description="small (list, 400×300 cropped), medium (800×600 at most) and large (1600×1200 at most)."
    )
