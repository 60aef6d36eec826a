"""Where an entry's review data is written, found the way the extension reads the project.

``sphinx-aiguide reviewed`` names an entry by its term or by its file; this module turns
that into one place to edit — a concept's options or a page's file-wide metadata — from
the domain of a project Sphinx has just read, so the command finds exactly what a build
finds (aliases, case, MyST and reST alike). Whatever it cannot edit safely is refused
with the reason: an unknown or ambiguous term, data that comes from an included file.
"""

from __future__ import annotations

import difflib
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from sphinx_aiguide.domain import aiguide_domain
from sphinx_aiguide.text import term_key

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

    from sphinx_aiguide.domain import AIGuideDomain
    from sphinx_aiguide.records import ConceptRecord


class Refusal(Exception):
    """Why the review cannot be recorded; nothing was changed."""


class Target(NamedTuple):
    """Where to record a review."""

    #: The file to edit (absolute).
    file: Path
    #: ``concept`` (its directive's options) or ``page`` (file-wide metadata).
    kind: str
    #: The line of the concept directive or of the page's first review field; ``None`` for
    #: a page without review data yet.
    line: int | None
    #: ``rst`` or ``md``.
    syntax: str
    #: What is being reviewed, for messages.
    label: str


def _syntax(app: Sphinx, path: Path) -> str:
    suffixes = app.config.source_suffix
    kind = suffixes.get(path.suffix) if isinstance(suffixes, dict) else None
    return "md" if kind == "markdown" else "rst"


def _own_file(env: BuildEnvironment, docname: str) -> str:
    return Path(env.doc2path(docname, base=False)).as_posix()


def _refuse_included(env: BuildEnvironment, docname: str, source: str, what: str) -> None:
    page = _own_file(env, docname)
    if source != page:
        raise Refusal(f"the review data of {what} is written in {source}, a file that {page} "
                      "includes; it is not edited here, since other pages may include it "
                      "too: edit it by hand")


def _concept_target(app: Sphinx, record: ConceptRecord) -> Target:
    """A concept's own options, or its page's metadata when that is where its data lives.

    The page's fields are edited for the page's only concept when the concept has no
    review data of its own; otherwise the concept gets options of its own, so that other
    concepts of the page keep their review.
    """
    env = app.env
    domain = aiguide_domain(env)
    label = f"concept {record['term']!r}"
    page = domain.page_review(record["docname"])
    own = record["reviewers"] or record["last_reviewed"]
    if page is not None and not own and len(domain.concepts_of(record["docname"])) == 1:
        _refuse_included(env, record["docname"], page["source"], label)
        path = env.srcdir / page["source"]
        return Target(path, "page", page["line"], _syntax(app, path), label)
    _refuse_included(env, record["docname"], record["source"], label)
    path = env.srcdir / record["source"]
    return Target(path, "concept", record["line"], _syntax(app, path), label)


def _matches(domain: AIGuideDomain, term: str) -> list[ConceptRecord]:
    key = term_key(term)
    return [record for record in domain.concepts()
            if key in {term_key(name) for name in domain.names(record)}]


def locate_term(app: Sphinx, term: str) -> Target:
    """Where the review of the concept named *term* (term or alias, any case) is written."""
    domain = aiguide_domain(app.env)
    found = _matches(domain, term)
    if not found:
        names = sorted({name for record in domain.concepts() for name in domain.names(record)})
        close = difflib.get_close_matches(term, names, n=3)
        hint = f"; did you mean {' or '.join(map(repr, close))}?" if close else ""
        raise Refusal(f"no concept is called {term!r}{hint}")
    if len(found) > 1:
        places = ", ".join(f"{record['term']!r} in {record['source']}:{record['line']}"
                           for record in found)
        raise Refusal(f"{term!r} is ambiguous: it names {places}; rename one, or give the "
                      "file instead of the term")
    return _concept_target(app, found[0])


def locate_path(app: Sphinx, path: Path) -> Target:
    """Where the review of the page in *path* is written.

    Its file-wide metadata when it has review data there; else the options of its only
    concept when that concept has review data of its own; else new file-wide metadata.
    """
    env = app.env
    domain = aiguide_domain(env)
    absolute = path.resolve()
    docname = env.path2doc(absolute)
    if docname is None or docname not in env.found_docs:
        relative = absolute.relative_to(env.srcdir.resolve()).as_posix() \
            if absolute.is_relative_to(env.srcdir.resolve()) else str(absolute)
        pages = sorted({record["docname"] for record in domain.concepts()
                        if record["source"] == relative})
        if pages:
            including = ", ".join(_own_file(env, page) for page in pages)
            raise Refusal(f"{relative} is not a page but a file that {including} includes; "
                          "it is not edited here, since other pages may include it too: "
                          "edit it by hand")
        raise Refusal(f"{path} is not a page of the project in {env.srcdir}")
    label = f"page {_own_file(env, docname)}"
    page = domain.page_review(docname)
    if page is not None:
        _refuse_included(env, docname, page["source"], label)
        return Target(env.srcdir / page["source"], "page", page["line"],
                      _syntax(app, absolute), label)
    concepts = domain.concepts_of(docname)
    if len(concepts) == 1 and (concepts[0]["reviewers"] or concepts[0]["last_reviewed"]):
        return _concept_target(app, concepts[0])
    return Target(absolute, "page", None, _syntax(app, absolute), label)
