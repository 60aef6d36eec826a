"""``glossary.json`` and ``llms.txt``: every concept, written beside the HTML output.

Both are built from the domain once the whole build has succeeded (``build-finished``,
main process), never from per-page events, which run in forked children under ``-j``.
Keys are sorted, separators fixed and the order of concepts is the A–Z index's, so two
builds of the same sources write the same bytes whatever the number of processes.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from sphinx_aiguide._version import __version__
from sphinx_aiguide.config import settings
from sphinx_aiguide.domain import aiguide_domain
from sphinx_aiguide.html.anchors import Anchors
from sphinx_aiguide.html.urls import absolute, is_website, page_uri
from sphinx_aiguide.records import page_title
from sphinx_aiguide.review.checks import entry_review, interval_of
from sphinx_aiguide.review.interval import due_date
from sphinx_aiguide.review.registry import lookup
from sphinx_aiguide.text import fold, term_key

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

    from sphinx_aiguide.collector import ViewCollector
    from sphinx_aiguide.domain import AIGuideDomain
    from sphinx_aiguide.records import ConceptRecord, FaqRecord

GLOSSARY_JSON = "glossary.json"
LLMS_TXT = "llms.txt"
#: Records what the last written exports were made for (see :func:`write_exports`).
STAMP = ".aiguide-exports"
#: Characters left as they are in llms.txt link targets; parentheses and spaces are not.
_URL_SAFE = "/:#%@!$&'*+,;=~?"


def faqs_by_concept(env: BuildEnvironment,
                    domain: AIGuideDomain) -> dict[tuple[str, str], list[FaqRecord]]:
    """``(docname, concept id) -> questions``.

    A question inside a concept belongs to it; one elsewhere on a page belongs to the
    page's primary concept, and to no concept when the page has none.
    """
    owned: dict[tuple[str, str], list[FaqRecord]] = {}
    docnames = sorted({record["docname"] for record in domain.concepts()})
    for docname in docnames:
        concepts = domain.concepts_of(docname)
        by_term = {term_key(record["term"]): record for record in concepts}
        primary = domain.primary_concept(docname, page_title(env, docname))
        for faq in domain.faqs_of(docname):
            owner = by_term.get(term_key(faq["concept"])) if faq["concept"] else None
            owner = owner or primary
            if owner is not None:
                owned.setdefault((docname, owner["id"]), []).append(faq)
    return owned


def _concept_data(app: Sphinx, domain: AIGuideDomain, anchors: Anchors,
                  record: ConceptRecord, faqs: list[FaqRecord]) -> dict[str, Any]:
    """One concept of ``glossary.json``; its questions are on its page."""
    review = entry_review(domain, record)
    current = settings(app.config)
    reviewers = [lookup(current, key) for key in review.reviewers]
    owner = lookup(current, review.owner) if review.owner else None
    return {
        "term": record["term"],
        "id": anchors.id(record["docname"], record["id"]),
        "docname": record["docname"],
        "url": anchors.uri(record["docname"], record["id"]),
        "summary": record["summary"],
        "aliases": list(record["aliases"]),
        "tags": list(record["tags"]),
        "related": list(record["related"]),
        "reviewers": [{"name": who.name, "url": who.url or None} for who in reviewers],
        "last_reviewed": review.last_reviewed or None,
        "review_due": due_date(review.last_reviewed,
                               interval_of(review, current.review_every)) or None,
        "owner": {"name": owner.name, "url": owner.url or None} if owner else None,
        "faqs": [{"question": faq["question"], "answer": faq["answer"],
                  "id": anchors.id(record["docname"], faq["id"])} for faq in faqs],
        # the pages that link to it or mention it: its "Referenced by" list
        "referenced_by": [{"docname": docname, "url": page_uri(app.builder, docname)}
                          for docname in domain.referrers(record)],
    }


def glossary(app: Sphinx) -> dict[str, Any]:
    """The content of ``glossary.json`` (its JSON Schema ships in ``schema/``)."""
    domain = aiguide_domain(app.env)
    owned = faqs_by_concept(app.env, domain)
    anchors = Anchors.of(app.builder, domain)
    return {
        "generator": f"sphinx-aiguide {__version__}",
        "project": str(app.config.project),
        "concepts": [_concept_data(app, domain, anchors, record,
                                   owned.get((record["docname"], record["id"]), []))
                     for record in domain.alphabetical()],
    }


def glossary_json(data: dict[str, Any]) -> str:
    """*data* as stable JSON text: sorted keys, two-space indent, final newline."""
    return json.dumps(data, ensure_ascii=False, sort_keys=True, indent=2,
                      separators=(",", ": ")) + "\n"


def markdown_text(text: str) -> str:
    """*text* as literal Markdown: no link, no nested ``[…]`` and no HTML tag in it."""
    for char in "\\[]<":
        text = text.replace(char, f"\\{char}")
    return text


def _reviewed(concept: dict[str, Any]) -> str:
    """`` (last reviewed 2026-04-21)``, or `` (not reviewed yet)``."""
    iso = concept.get("last_reviewed")
    return f" (last reviewed {iso})" if iso else " (not reviewed yet)"


def llms_txt(app: Sphinx, data: dict[str, Any]) -> str:
    """The glossary in the llmstxt.org format: title, summary, one link per concept."""
    project = markdown_text(fold(str(data["project"])) or "Glossary")
    concepts: list[dict[str, Any]] = data["concepts"]

    def link(uri: str) -> str:
        return quote(absolute(app.config, uri) or uri, safe=_URL_SAFE)

    lines = [f"# {project}", ""]
    count = f"{len(concepts)} concept" + ("" if len(concepts) == 1 else "s")
    lines += [f"> The {project} glossary: {count}, each listed with its "
              "short definition, a link to the full entry and the date of its last "
              "review.", ""]
    if concepts:
        lines += ["## Concepts", ""]
        for concept in concepts:
            line = f"- [{markdown_text(concept['term'])}]({link(concept['url'])})"
            summary = markdown_text(concept["summary"])
            lines.append((f"{line}: {summary}" if summary else line) + _reviewed(concept))
        lines.append("")
    lines += ["## Optional", "",
              f"- [{GLOSSARY_JSON}]({link(GLOSSARY_JSON)}): the same concepts as JSON, "
              "with their aliases, tags, related concepts, reviewers, review dates, owners and "
              "questions", ""]
    return "\n".join(lines)


def _stamp(app: Sphinx) -> str:
    """What the exports depend on besides the sources: written beside them."""
    config = app.config
    return json.dumps([__version__, app.builder.name, config.project, config.html_baseurl,
                       config.language, config.root_doc])


def write_exports(collector: ViewCollector, app: Sphinx,
                  exception: BaseException | None) -> None:
    """Write both files after a successful build of a website.

    A build that read no page (as *collector* saw it) and changed no setting the exports
    show leaves them as they are, so a no-op rebuild costs nothing here.
    """
    if exception is not None or not settings(app.config).export or not is_website(app.builder):
        return
    stamp_file = app.outdir / STAMP
    outputs = (app.outdir / GLOSSARY_JSON, app.outdir / LLMS_TXT, stamp_file)
    if (not collector.sources_changed and all(p.is_file() for p in outputs)
            and stamp_file.read_text(encoding="utf-8") == _stamp(app)):
        return
    data = glossary(app)
    (app.outdir / GLOSSARY_JSON).write_bytes(glossary_json(data).encode("utf-8"))
    (app.outdir / LLMS_TXT).write_bytes(llms_txt(app, data).encode("utf-8"))
    stamp_file.write_text(_stamp(app), encoding="utf-8")

