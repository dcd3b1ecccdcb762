"""A record read in an earlier run: its data comes from the cache, and its file is read again only when asked for."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ..speed.cache import CacheBroken
from .yaml_reader import Document, decode, load


class StoredDocument(Document):
    """A record read in an earlier run: its data is fetched, and its file read again, only when asked for."""

    def __init__(self, path: str, fetch: Callable[[str], Any], file: str) -> None:
        self.path = path
        self._fetch = fetch  # name -> data, or CacheBroken
        self._file = file
        self._places = None

    def __getattr__(self, name: str) -> Any:
        if name == "data":
            try:
                self.data = self._fetch(self.path)
            except CacheBroken:  # the cache could not give it (and was dropped): the file says the same
                with open(self._file, "rb") as stream:
                    self.data = load(self.path, stream.read()).data
            return self.data
        if name == "text":
            with open(self._file, "rb") as stream:
                self.text = decode(self.path, stream.read())
            return self.text
        raise AttributeError(name)
