"""Read an HTML page the way a browser would: its elements, attributes and script blocks."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from html.parser import HTMLParser
from typing import Any


@dataclass
class Script:
    """One ``<script>`` element: its attributes and its text exactly as written."""

    attrs: dict[str, str | None]
    text: str = ""


@dataclass
class Page:
    """Every start tag with its attributes, and every script element."""

    tags: list[tuple[str, dict[str, str | None]]] = field(default_factory=list)
    scripts: list[Script] = field(default_factory=list)

    def metas(self, key: str, value: str) -> list[str]:
        """The ``content`` of every ``<meta KEY="VALUE">``."""
        return [str(attrs.get("content")) for tag, attrs in self.tags
                if tag == "meta" and attrs.get(key) == value]

    def jsonld(self) -> list[dict[str, Any]]:
        """Every JSON-LD block, parsed strictly."""
        return [json.loads(script.text) for script in self.scripts
                if script.attrs.get("type") == "application/ld+json"]

    def graph(self) -> dict[str, list[dict[str, Any]]]:
        """The nodes of the page's one JSON-LD graph, by ``@type``."""
        blocks = self.jsonld()
        assert len(blocks) == 1, blocks
        nodes: dict[str, list[dict[str, Any]]] = {}
        for node in blocks[0]["@graph"]:
            nodes.setdefault(node["@type"], []).append(node)
        return nodes


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.page = Page()
        self._script: Script | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.page.tags.append((tag, dict(attrs)))
        if tag == "script":
            self._script = Script(dict(attrs))
            self.page.scripts.append(self._script)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._script = None

    def handle_data(self, data: str) -> None:
        if self._script is not None:
            self._script.text += data


def read_page(html: str) -> Page:
    """Parse *html* as the standard library's tokenizer (browser rules for ``<script>``)."""
    reader = _Reader()
    reader.feed(html)
    reader.close()
    return reader.page
