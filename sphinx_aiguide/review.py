"""Reviewed-by metadata: the reviewer registry, review dates, bylines and staleness.

Page-level data comes from file-wide metadata, which reST field lists and MyST front matter
both turn into the same ``docinfo`` node, so one transform reads both. Concept-level data
comes from the ``concept`` directive's options (see :mod:`.concept`). Anything that depends
on the clock (stale or future reviews) is checked on every build in ``env-updated``,
because an unchanged page is not read again.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from docutils import nodes
from sphinx.transforms import SphinxTransform
from sphinx.util import logging
from sphinx.util.i18n import format_date

from sphinx_aiguide.domain import aiguide_domain, page_title, place, relative_source
from sphinx_aiguide.i18n import _
from sphinx_aiguide.nodes import (
    aiguide_byline,
    aiguide_review_date,
)
from sphinx_aiguide.text import split_list

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config
    from sphinx.environment import BuildEnvironment

    from sphinx_aiguide.domain import AIGuideDomain, ConceptRecord, PageReview

logger = logging.getLogger(__name__)

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_PLACEHOLDER = re.compile(r"(\{\w+\})")
#: File-wide metadata field names, with the ``_`` spelling accepted too.
REVIEWED_BY = ("reviewed-by", "reviewed_by")
LAST_REVIEWED = ("last-reviewed", "last_reviewed")


@dataclass(frozen=True)
class Reviewer:
    """A reviewer as shown to readers: a registry entry or a plain name."""

    name: str
    url: str = ""
    title: str = ""
    known: bool = False


def registry(config: Config) -> dict[str, Reviewer]:
    """The usable entries of ``aiguide_reviewers`` (bad ones are reported at start-up)."""
    entries: dict[str, Reviewer] = {}
    raw = config.aiguide_reviewers
    if not isinstance(raw, dict):
        return entries
    for key, value in raw.items():
        if isinstance(value, str) and value.strip():
            entries[str(key)] = Reviewer(value.strip(), known=True)
        elif isinstance(value, dict) and str(value.get("name") or "").strip():
            url = str(value.get("url") or "").strip()
            entries[str(key)] = Reviewer(
                str(value["name"]).strip(),
                url=url if safe_url(url) else "",
                title=str(value.get("title") or ""),
                known=True,
            )
    return entries


def safe_url(url: str) -> bool:
    """Whether *url* may become a link: web and mail addresses, or relative ones."""
    scheme = urlsplit(url).scheme.lower()
    return scheme in {"", "http", "https", "mailto"}


def lookup(config: Config, who: str) -> Reviewer:
    """The registry entry for *who* (exact key, then case-insensitive), else a plain name."""
    entries = registry(config)
    if who in entries:
        return entries[who]
    folded = {key.casefold(): entry for key, entry in entries.items()}
    return folded.get(who.casefold(), Reviewer(who))


def check_reviewers(config: Config, keys: list[str], location: Any) -> None:
    """Warn about reviewers missing from the registry when ``aiguide_reviewers_strict``."""
    if not config.aiguide_reviewers_strict:
        return
    for who in keys:
        if not lookup(config, who).known:
            logger.warning(
                "unknown reviewer %r: not a key of aiguide_reviewers",
                who,
                type="aiguide",
                subtype="reviewer",
                location=location,
            )


def parse_date(raw: str, location: Any) -> str:
    """Return *raw* when it is a real ISO date ``YYYY-MM-DD``, else warn and return ``""``."""
    value = raw.strip()
    if _ISO_DATE.fullmatch(value):
        try:
            date.fromisoformat(value)
        except ValueError:
            pass
        else:
            return value
    logger.warning(
        "last-reviewed %r is not a date of the form YYYY-MM-DD",
        value,
        type="aiguide",
        subtype="date",
        location=location,
    )
    return ""


def today(config: Config) -> date:
    """``aiguide_today``, else ``SOURCE_DATE_EPOCH`` (UTC), else the machine's date."""
    configured = config.aiguide_today
    if configured:
        try:
            return date.fromisoformat(str(configured))
        except ValueError:
            logger.warning(
                "aiguide_today %r is not a date of the form YYYY-MM-DD; using the real date",
                configured,
                type="aiguide",
                subtype="date",
                once=True,
            )
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        try:
            return datetime.fromtimestamp(float(epoch), tz=UTC).date()
        except (ValueError, OverflowError, OSError):
            pass
    return date.today()


def _fill(template: str, parts: dict[str, list[nodes.Node]]) -> list[nodes.Node]:
    """Turn a translated template with ``{name}`` placeholders into nodes."""
    result: list[nodes.Node] = []
    for piece in _PLACEHOLDER.split(template):
        key = piece[1:-1]
        if piece.startswith("{") and key in parts:
            result.extend(parts[key])
        elif piece:
            result.append(nodes.Text(piece))
    return result


def _reviewer_node(reviewer: Reviewer) -> nodes.Node:
    if reviewer.url:
        ref = nodes.reference(reviewer.name, reviewer.name, refuri=reviewer.url)
        if reviewer.title:
            ref["reftitle"] = reviewer.title
        return ref
    return nodes.Text(reviewer.name)


def _join(items: list[nodes.Node]) -> list[nodes.Node]:
    """``A``, ``A and B``, ``A, B and C`` in the build language."""
    if len(items) == 1:
        return items
    head: list[nodes.Node] = []
    for index, item in enumerate(items[:-1]):
        if index:
            head.append(nodes.Text(str(_(", "))))
        head.append(item)
    return _fill(str(_("{first} and {last}")), {"first": head, "last": [items[-1]]})


def reviewer_names(config: Config, keys: list[str]) -> str:
    """The reviewers as plain text, as in the byline (for warnings and exports)."""
    names: list[nodes.Node] = [nodes.Text(lookup(config, key).name) for key in keys]
    return "".join(node.astext() for node in _join(names)) if keys else ""


def format_review_date(config: Config, iso: str) -> str:
    """*iso* in ``aiguide_date_format``, localised for the project's ``language``."""
    day = date.fromisoformat(iso)
    moment = datetime(day.year, day.month, day.day, tzinfo=UTC)
    return format_date(config.aiguide_date_format, date=moment, language=config.language)


def make_byline(config: Config, keys: list[str], iso: str) -> aiguide_byline | None:
    """``Reviewed by A and B · Last reviewed 21 April 2026`` (either half may be absent)."""
    halves: list[list[nodes.Node]] = []
    if keys:
        people = _join([_reviewer_node(lookup(config, who)) for who in keys])
        halves.append(_fill(str(_("Reviewed by {reviewers}")), {"reviewers": people}))
    if iso:
        when = aiguide_review_date("", format_review_date(config, iso), datetime=iso)
        halves.append(_fill(str(_("Last reviewed {date}")), {"date": [when]}))
    if not halves:
        return None
    line = aiguide_byline(classes=["aiguide-byline"], translatable=False)
    for index, half in enumerate(halves):
        if index:
            line += nodes.Text(" · ")
        line.extend(half)
    return line


def page_end(document: nodes.document) -> nodes.Element:
    """The element whose last child ends the page: the deepest last section."""
    node: nodes.Element = document
    while node.children and isinstance(node[-1], nodes.section):
        node = node[-1]
    return node


class PageReviewTransform(SphinxTransform):
    """Read page-level review data, record it, and print its byline at the end of the page.

    Runs after docutils turns the leading field list (reST) or front matter (MyST) into a
    ``docinfo`` node and before Sphinx's metadata collector removes that node.
    """

    default_priority = 500

    def apply(self, **kwargs: Any) -> None:
        fields = self._fields()
        if not fields:
            return
        docname = self.env.current_document.docname
        keys: list[str] = []
        iso = ""
        line = min(where for _value, where in fields.values())
        for name, (value, where) in fields.items():
            location = (docname, where)
            if name in REVIEWED_BY:
                keys = split_list(value)
                check_reviewers(self.config, keys, location)
            else:
                iso = parse_date(value, location)
        domain = aiguide_domain(self.env)
        source = relative_source(self.env, self.document["source"])
        domain.note_page_review(docname, {"reviewers": keys, "last_reviewed": iso,
                                          "source": source, "line": line})
        byline = make_byline(self.config, keys, iso)
        if byline is not None:
            byline["classes"].append("aiguide-page-byline")
            byline.source, byline.line = self.document["source"], line
            page_end(self.document).append(byline)

    def _fields(self) -> dict[str, tuple[str, int]]:
        """``name -> (value, line)`` for the review fields of the file-wide metadata."""
        found: dict[str, tuple[str, int]] = {}
        for docinfo in self.document.findall(nodes.docinfo):
            for field in docinfo.findall(nodes.field):
                name = field[0].astext().strip().lower()
                if name in REVIEWED_BY + LAST_REVIEWED:
                    line = field.line or _front_matter_line(self.document["source"], name)
                    found[name] = (field[1].astext(), line)
            break
        return found


def _front_matter_line(source: str, name: str) -> int:
    """The line of ``name:`` in a file's front matter, which MyST does not record."""
    try:
        lines = Path(source).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return 1
    for number, text in enumerate(lines[1:], start=2):
        if text.rstrip() == "---":
            break
        if text.split(":", 1)[0].strip().lower() == name:
            return number
    return 1


def effective_review(domain: AIGuideDomain, record: ConceptRecord) -> tuple[list[str], str]:
    """A concept's reviewers and review date: its own options win, the page fills in."""
    page = domain.page_review(record["docname"])
    keys = record["reviewers"] or (page["reviewers"] if page else [])
    if record["last_reviewed"]:
        return keys, record["last_reviewed"]
    return keys, page["last_reviewed"] if page else ""


def _check_future(env: BuildEnvironment, record: ConceptRecord | PageReview,
                  now: date) -> None:
    iso = record["last_reviewed"]
    if iso and date.fromisoformat(iso) > now:
        logger.warning(
            "last-reviewed %s is after today (%s)",
            iso,
            now.isoformat(),
            type="aiguide",
            subtype="date",
            location=place(env, record),
        )


def _warn_stale(env: BuildEnvironment, what: str, keys: list[str], iso: str,
                record: ConceptRecord | PageReview, now: date) -> None:
    config = env.config
    max_age = config.aiguide_review_max_age
    age = (now - date.fromisoformat(iso)).days
    if max_age is None or age <= max_age:
        return
    who = reviewer_names(config, keys) or "no named reviewer"
    logger.warning(
        "%s is stale: last reviewed by %s %d days ago (%s); aiguide_review_max_age is %d",
        what,
        who,
        age,
        iso,
        max_age,
        type="aiguide",
        subtype="stale",
        location=place(env, record),
    )


def check_reviews(app: Sphinx, env: BuildEnvironment) -> None:
    """Warn about future and stale reviews, on every build (incremental ones included)."""
    domain = aiguide_domain(env)
    now = today(env.config)
    inherited: set[str] = set()
    for record in domain.concepts():
        _check_future(env, record, now)
        keys, iso = effective_review(domain, record)
        if not record["last_reviewed"] and iso:
            inherited.add(record["docname"])
        if iso:
            _warn_stale(env, f"concept {record['term']!r}", keys, iso, record, now)
    for docname, page in domain.page_reviews():
        _check_future(env, page, now)
        if page["last_reviewed"] and docname not in inherited:
            what = f"page {page_title(env, docname, docname)!r}"
            _warn_stale(env, what, page["reviewers"], page["last_reviewed"], page, now)


def _check_config(app: Sphinx) -> None:
    """Report unusable configuration once, at start-up, instead of failing later."""
    config = app.config
    raw = config.aiguide_reviewers
    if not isinstance(raw, dict):
        logger.warning("aiguide_reviewers must be a dict; ignoring it",
                       type="aiguide", subtype="reviewer")
    else:
        usable = registry(config)
        for key, value in raw.items():
            if str(key) not in usable:
                logger.warning(
                    "aiguide_reviewers[%r] needs a non-empty 'name'; ignoring it",
                    key, type="aiguide", subtype="reviewer",
                )
            elif isinstance(value, dict) and not safe_url(str(value.get("url") or "")):
                logger.warning(
                    "aiguide_reviewers[%r]['url'] must be an http(s) or mailto address; "
                    "the name is shown without a link", key, type="aiguide", subtype="reviewer",
                )
    max_age = config.aiguide_review_max_age
    if isinstance(max_age, str) and max_age.strip().isdigit():  # from -D on the command line
        max_age = config.aiguide_review_max_age = int(max_age)
    if max_age is not None and (isinstance(max_age, bool) or not isinstance(max_age, int)
                                or max_age < 0):
        logger.warning("aiguide_review_max_age must be a number of days; ignoring %r",
                       max_age, type="aiguide", subtype="stale")
        config.aiguide_review_max_age = None


def setup_review(app: Sphinx) -> None:
    """Register the review configuration, the page-level transform and the checks."""
    app.add_config_value("aiguide_reviewers", {}, "env", types=frozenset({dict}),
                         description="reviewer registry: key -> {name, url, title}")
    app.add_config_value("aiguide_reviewers_strict", False, "env", types=frozenset({bool}),
                         description="warn about reviewers missing from the registry")
    app.add_config_value("aiguide_review_max_age", None, "", types=frozenset({int, type(None)}),
                         description="days after which a review is stale")
    app.add_config_value("aiguide_today", None, "", types=frozenset({str, type(None)}),
                         description="ISO date used as today for staleness checks")
    app.add_config_value("aiguide_date_format", "%-d %B %Y", "env", types=frozenset({str}),
                         description="format of byline dates, localised through Sphinx")
    app.add_transform(PageReviewTransform)
    app.connect("builder-inited", _check_config)
    app.connect("env-updated", check_reviews)
