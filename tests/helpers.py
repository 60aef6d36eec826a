"""Reading what a build wrote: its pages as a browser parses them, its warnings, its data.

Builds themselves are run by the fixtures in ``conftest.py``; they hand tests a
:class:`Built`, which keeps only the folders, the messages and a copy of the domain's data,
so that the Sphinx application behind it can be cleaned up at once.
"""

from __future__ import annotations

import copy
import json
import shutil
from dataclasses import dataclass, field
from html.parser import HTMLParser
from io import StringIO
from pathlib import Path
from types import SimpleNamespace
from typing import Any
from urllib.parse import unquote, urljoin

from sphinx.testing.util import SphinxTestApp
from sphinx.util.console import strip_colors

from sphinx_aiguide.domain import AIGuideDomain

TOP = Path(__file__).parents[1]
ROOTS = Path(__file__).parent / "roots"
PACKAGE = TOP / "sphinx_aiguide"

#: Where the basic theme (and alabaster, which extends it) puts a page's own content.
BODY_START = '<div class="body" role="main">'
BODY_END = '<div class="sphinxsidebar"'


def copy_root(name: str, target: Path) -> Path:
    """Copy ``tests/roots/test-<name>`` to *target* (test roots stay read-only)."""
    shutil.copytree(ROOTS / f"test-{name}", target, dirs_exist_ok=True)
    return target


def fake_domain(data: dict[str, Any] | None = None, language: str | None = None
                ) -> AIGuideDomain:
    """The ``aiguide`` domain over *data* (empty by default), without a Sphinx project.

    The domain reads only its data, the page titles and two settings, so this is all
    it needs.
    """
    domaindata = {} if data is None else {AIGuideDomain.name: data}
    env = SimpleNamespace(domaindata=domaindata, titles={},
                          config=SimpleNamespace(language=language, root_doc="index"))
    return AIGuideDomain(env)  # type: ignore[arg-type]


@dataclass(frozen=True)
class Built:
    """What one finished build left behind: its folders, its messages and its data."""

    srcdir: Path
    outdir: Path
    #: The status and warning output, as the terminal shows it but without colours.
    status: str
    warnings: str
    #: A copy of the ``aiguide`` domain's data at the end of the build.
    data: dict[str, Any] = field(repr=False)
    language: str | None = None

    def read(self, name: str) -> str:
        """A file the build wrote, relative to the output folder."""
        return (self.outdir / name).read_text(encoding="utf-8")

    def page(self, name: str) -> Page:
        """A page the build wrote, parsed."""
        return read_page(self.read(name))

    def body(self, docname: str) -> str:
        """The main content of an HTML page of the basic theme (or one extending it)."""
        return body_of(self.read(f"{docname}.html"))

    def warning_lines(self) -> list[str]:
        """One line per warning, with paths relative to the source folder."""
        return [line.removeprefix(f"{self.srcdir}/") for line in self.warnings.splitlines()]

    def domain(self) -> AIGuideDomain:
        """The ``aiguide`` domain as the build left it."""
        return fake_domain(copy.deepcopy(self.data), self.language)


def run_build(srcdir: Path, builder: str = "html", **options: Any) -> Built:
    """Build *srcdir* with :class:`~sphinx.testing.util.SphinxTestApp` and clean up at once.

    An application registers nodes, directives and translations globally; cleaning up
    right after the build keeps one build from leaking into the next.
    """
    builddir = options.pop("builddir", srcdir / "_build")
    app = SphinxTestApp(builder, srcdir=srcdir, builddir=builddir,
                        status=StringIO(), warning=StringIO(), **options)
    try:
        app.build()
        # a project without the extension has no data
        data = copy.deepcopy(app.env.domaindata.get(AIGuideDomain.name, {}))
    finally:
        app.cleanup()
    return Built(srcdir=srcdir, outdir=app.outdir, status=strip_colors(app.status.getvalue()),
                 warnings=strip_colors(app.warning.getvalue()), data=data,
                 language=app.config.language)


def body_of(html: str) -> str:
    """The main content of a page of the basic theme, between its body and its sidebar."""
    start = html.index(BODY_START)
    return html[start:html.index(BODY_END, start)]


def contents(outdir: Path) -> dict[str, str]:
    """The main content of every HTML page under *outdir* (navigation is Sphinx's business)."""
    pages = {}
    for path in sorted(outdir.rglob("*.html")):
        page = path.read_text(encoding="utf-8")
        if BODY_START in page:
            pages[str(path.relative_to(outdir))] = body_of(page)
    return pages


def current_pages(outdir: Path, clean: dict[str, str]) -> dict[str, str | None]:
    """The contents of the pages under *outdir* that a *clean* build wrote too.

    Sphinx leaves the output of deleted pages behind: an incremental build is compared
    with a clean one on the pages that exist now.
    """
    found = contents(outdir)
    return {name: found.get(name) for name in clean}


# -- pages as a browser reads them -------------------------------------------------------

#: Elements that have no end tag.
VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
                  "source", "track", "wbr"})


@dataclass(eq=False)
class Element:
    """One element: its tag, its attributes and all the text inside it."""

    tag: str
    attrs: dict[str, str | None]
    text: str = ""

    @property
    def classes(self) -> list[str]:
        return (self.attrs.get("class") or "").split()


@dataclass
class Page:
    """Every element of a page in document order (scripts hold their source as text)."""

    elements: list[Element] = field(default_factory=list)
    #: The text a reader sees (script and style content left out).
    text: str = ""

    @property
    def tags(self) -> list[tuple[str, dict[str, str | None]]]:
        return [(element.tag, element.attrs) for element in self.elements]

    def find_all(self, tag: str, class_: str | None = None) -> list[Element]:
        """Every *tag* element, only those with the class *class_* when it is given."""
        return [element for element in self.elements if element.tag == tag
                and (class_ is None or class_ in element.classes)]

    @property
    def scripts(self) -> list[Element]:
        return self.find_all("script")

    def handlers(self) -> list[tuple[str, str]]:
        """``(tag, attribute)`` of every event-handler attribute (``onclick`` …)."""
        return [(element.tag, name) for element in self.elements for name in element.attrs
                if name.startswith("on")]

    def metas(self, key: str, value: str) -> list[str]:
        """The ``content`` of every ``<meta KEY="VALUE">``."""
        return [str(element.attrs.get("content")) for element in self.find_all("meta")
                if element.attrs.get(key) == value]

    def jsonld_blocks(self) -> list[Element]:
        return [script for script in self.scripts
                if script.attrs.get("type") == "application/ld+json"]

    def jsonld(self) -> list[dict[str, Any]]:
        """Every JSON-LD block, parsed strictly."""
        return [json.loads(script.text) for script in self.jsonld_blocks()]

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
        self._open: list[Element] = []
        self._text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        element = Element(tag, dict(attrs))
        self.page.elements.append(element)
        if tag not in VOID:
            self._open.append(element)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.page.elements.append(Element(tag, dict(attrs)))

    def handle_endtag(self, tag: str) -> None:
        for depth in range(len(self._open) - 1, -1, -1):
            if self._open[depth].tag == tag:
                del self._open[depth:]
                return

    def handle_data(self, data: str) -> None:
        for element in self._open:
            element.text += data
        if not any(element.tag in {"script", "style"} for element in self._open):
            self._text.append(data)

    def close(self) -> None:
        super().close()
        self.page.text = "".join(self._text)


def read_page(html: str) -> Page:
    """Parse *html* with the standard library's tokenizer (browser rules for ``<script>``)."""
    reader = _Reader()
    reader.feed(html)
    reader.close()
    return reader.page


def text_of(html: str) -> str:
    """The text a reader sees in *html*, its white space collapsed."""
    return " ".join(read_page(html).text.split())


# -- links to glossary terms and concepts ------------------------------------------------

class _Entries(HTMLParser):
    """The links of a page in order (permalinks left out), and its terms and concepts by id."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[str] = []
        #: id -> every id of the term (a ``<dt id="term-…">``) or concept it belongs to
        self.entries: dict[str, frozenset[str]] = {}
        self._open: list[tuple[str, list[str] | None]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        # a term's own permalink (¶) is no link *to* it
        if tag == "a" and found.get("href") and \
                "headerlink" not in (found.get("class") or "").split():
            self.links.append(str(found["href"]))
        node_id = found.get("id")
        if tag == "dt" and node_id and node_id.startswith("term-"):
            self.entries[node_id] = frozenset({node_id})
        concept = [] if tag == "div" and "aiguide-concept" in (found.get("class") or "").split() \
            else None
        if tag not in VOID:
            self._open.append((tag, concept))
        for _tag, ids in self._open:
            if ids is not None and node_id:
                ids.append(node_id)
                break

    def handle_endtag(self, tag: str) -> None:
        for depth in range(len(self._open) - 1, -1, -1):
            if self._open[depth][0] == tag:
                for _tag, ids in self._open[depth:]:
                    if ids is not None:
                        for node_id in ids:
                            self.entries[node_id] = frozenset(ids)
                del self._open[depth:]
                return


def entry_links(outdir: Path) -> dict[str, list[frozenset[str]]]:
    """For each HTML page, the glossary terms and concepts its links land in, in order.

    Each is given as every id it carries, so a link to a concept's old ``term-…`` anchor
    and one to its ``concept-…`` anchor land in the same entry.
    """
    pages = {path.relative_to(outdir).as_posix(): _Entries()
             for path in sorted(outdir.rglob("*.html"))}
    for name, reader in pages.items():
        reader.feed((outdir / name).read_text(encoding="utf-8"))
        reader.close()
    reached: dict[str, list[frozenset[str]]] = {}
    for name, reader in pages.items():
        for href in reader.links:
            target, _hash, fragment = urljoin(name, href).partition("#")
            entry = pages[target].entries.get(unquote(fragment)) if target in pages else None
            if entry is not None:
                reached.setdefault(name, []).append(entry)
    return reached


def kept_links(before: dict[str, list[frozenset[str]]],
               after: dict[str, list[frozenset[str]]]) -> tuple[int, list[tuple[str, str]]]:
    """How many links of *before* still land in the same entry in *after*, and the lost ones.

    A link is kept when the same page links to an entry that carries the old anchor.
    """
    kept, lost = 0, []
    for page, entries in before.items():
        remaining = list(after.get(page, []))
        for entry in entries:
            match = next((i for i, new in enumerate(remaining) if entry <= new), None)
            if match is None:
                lost.append((page, min(entry)))
            else:
                kept += 1
                del remaining[match]
    return kept, lost


def run_cli(capsys: Any, *args: str) -> tuple[int, str, str]:
    """``sphinx-aiguide ARGS`` in this process: exit status, output, errors.

    Commands that read a project with Sphinx register nodes, directives and translations
    globally; they are put back as they were afterwards.
    """
    import sphinx.locale  # noqa: PLC0415
    from sphinx.util.docutils import docutils_namespace  # noqa: PLC0415

    from sphinx_aiguide.cli import main  # noqa: PLC0415

    with docutils_namespace():
        try:
            status = main(list(args))
        finally:
            sphinx.locale.translators.clear()
    captured = capsys.readouterr()
    return status, captured.out, captured.err
