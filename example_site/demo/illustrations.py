"""The demo's card pictures: abstract illustrations drawn with Pillow (see ``images.py``),
saved as Wagtail images in a collection of the city's own, titled and described in the city's
language as what they are: illustrations, not photographs.

One illustration per interest serves every opportunity (and one every provider) whose first
interest it is; each playlist has its own. Idempotent: an image is found by its title in the
collection.
"""

from io import BytesIO

from django.core.files.images import ImageFile
from django.utils.text import slugify
from wagtail.images import get_image_model
from wagtail.models import Collection

from .images import illustration_jpeg


class Illustrations:
    """Finds or draws the illustrations of one city, in its language."""

    def __init__(self, texts: dict, interests_by_slug: dict):
        self.texts = texts
        self.interests = interests_by_slug
        self.collection = self._collection(texts["collection"])
        self.model = get_image_model()
        self._found = {
            image.title: image for image in self.model.objects.filter(collection=self.collection)
        }

    @staticmethod
    def _collection(name: str) -> Collection:
        root = Collection.get_first_root_node()
        collection = root.get_children().filter(name=name).first()
        return collection or root.add_child(name=name)

    def _image(self, kind: str, interest_slug: str, seed: int, **names):
        interest = self.interests[interest_slug]
        title_text, description_text = self.texts[kind]
        title = title_text.format(interest=interest.name, **names)
        image = self._found.get(title)
        if image is None:
            data = illustration_jpeg(interest.colour, kind, seed)
            image = self.model(
                title=title,
                description=description_text.format(interest=interest.name, **names),
                collection=self.collection,
            )
            image.file = ImageFile(BytesIO(data), name=f"{kind}-{slugify(title)[:60]}.jpg")
            image.save()
            self._found[title] = image
        return image

    def for_opportunity(self, interests: list[str]):
        return self._image("opportunity", interests[0], seed=len(interests[0]))

    def for_provider(self, interests: list[str]):
        return self._image("provider", interests[0], seed=len(interests[0]))

    def for_playlist(self, title: str, interests: list[str]):
        return self._image("playlist", interests[0], seed=len(title), title=title)
