"""Every ``aiguide_*`` configuration value: declared once, checked once, read through one accessor.

:data:`DECLARED` registers the values with Sphinx; :func:`check` reports unusable ones when
the configuration is read (``config-inited``), before anything else runs; :func:`settings`
is the one way the rest of the package reads them, already converted and with unusable
values replaced by their defaults. Nothing is ever written back into the configuration.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any, Literal
from urllib.parse import urlsplit
from weakref import WeakKeyDictionary

from sphinx.util import logging
from sphinx.util.i18n import date_format_re

from sphinx_aiguide.locales import language_problem
from sphinx_aiguide.review.interval import Interval, parse_interval

if TYPE_CHECKING:
    from collections.abc import Mapping

    from sphinx.application import Sphinx
    from sphinx.config import Config

logger = logging.getLogger(__name__)

#: The placeholders ``aiguide_title_template`` can use.
TITLE_FIELDS = ("term", "title", "project")
#: What ``str.format_map`` raises for a template it cannot fill.
FORMAT_ERRORS = (KeyError, IndexError, ValueError, AttributeError, TypeError)


@dataclass(frozen=True)
class Declared:
    """One configuration value as Sphinx learns of it."""

    name: str
    default: Any
    #: What a change of the value makes Sphinx redo: "env" reads again, "html" rewrites.
    rebuild: Literal["", "env", "html"]
    types: tuple[type, ...]
    description: str


_NONE = type(None)
DECLARED = (
    Declared("aiguide_reviewers", {}, "env", (dict,),
             "reviewer registry: key -> {name, url, title}"),
    Declared("aiguide_reviewers_strict", False, "env", (bool,),
             "warn about reviewers missing from the registry"),
    Declared("aiguide_review_max_age", None, "", (int, _NONE),
             "days after which a review is stale"),
    Declared("aiguide_today", None, "", (str, _NONE),
             "ISO date used as today for staleness checks"),
    Declared("aiguide_date_format", None, "env", (str, _NONE),
             "format of byline dates; None: the language's own long date (CLDR)"),
    Declared("aiguide_title_template", None, "html", (str, _NONE),
             "page title for pages with a primary concept, with {term}, {title} and {project}"),
    Declared("aiguide_structured_data", True, "html", (bool,),
             "add schema.org JSON-LD to HTML pages"),
    Declared("aiguide_export", True, "", (bool,),
             "write glossary.json and llms.txt beside HTML output"),
    Declared("aiguide_review_every", None, "env", (int, str, _NONE),
             "how often entries are due for review: days, or 'N weeks|months|years'"),
    Declared("aiguide_show_due", False, "env", (bool,),
             "print 'Next review due …' in the bylines of entries not yet due"),
    Declared("aiguide_show_owner", False, "env", (bool,),
             "print each entry's owner in its byline"),
    Declared("aiguide_require_review", False, "", (bool,),
             "warn about concepts with no review date or no reviewer"),
    Declared("aiguide_glossaries", "keep", "env", (str,),
             "'concepts' makes every entry of every Sphinx glossary a concept; 'keep' does not"),
    Declared("aiguide_autolink", None, "env", (str, _NONE),
             'link mentions of concepts: "first" on each page, "all", or None'),
    Declared("aiguide_warn_unused", False, "", (bool,),
             "warn about concepts that no page links to"),
)

#: The values of ``aiguide_glossaries``.
GLOSSARY_MODES = ("keep", "concepts")


@dataclass(frozen=True)
class Reviewer:
    """A reviewer as shown to readers: a registry entry or a plain name."""

    name: str
    url: str = ""
    title: str = ""
    known: bool = False


@dataclass(frozen=True)
class Settings:
    """The usable value of every ``aiguide_*`` setting."""

    reviewers: Mapping[str, Reviewer]
    reviewers_strict: bool
    review_max_age: int | None
    #: ``aiguide_today`` as a date; ``None`` when not set (or unusable).
    today: date | None
    #: ``None``: the language's own long date; unusable formats act as ``None``.
    date_format: str | None
    #: ``None`` when not set or when it cannot be filled.
    title_template: str | None
    structured_data: bool
    export: bool
    #: ``aiguide_review_every``; ``None`` when not set (or unusable).
    review_every: Interval | None
    show_due: bool
    show_owner: bool
    require_review: bool
    #: Whether Sphinx glossaries become concepts (``aiguide_glossaries = "concepts"``).
    glossaries_as_concepts: bool
    #: ``"first"``, ``"all"``, or ``None`` (no auto-links; also for an unusable value).
    autolink: Literal["first", "all"] | None
    warn_unused: bool


def safe_url(url: str) -> bool:
    """Whether *url* may become a link: web and mail addresses, or relative ones."""
    return urlsplit(url).scheme.lower() in {"", "http", "https", "mailto"}


def _reviewer(value: object) -> Reviewer | None:
    if isinstance(value, str) and value.strip():
        return Reviewer(value.strip(), known=True)
    if isinstance(value, dict) and str(value.get("name") or "").strip():
        url = str(value.get("url") or "").strip()
        return Reviewer(str(value["name"]).strip(), url=url if safe_url(url) else "",
                        title=str(value.get("title") or ""), known=True)
    return None


def _registry(raw: object) -> dict[str, Reviewer]:
    if not isinstance(raw, dict):
        return {}
    entries = {str(key): _reviewer(value) for key, value in raw.items()}
    return {key: entry for key, entry in entries.items() if entry is not None}


def _max_age(raw: object) -> int | None:
    """Days as an int; ``-D`` on the command line hands the number over as text."""
    if isinstance(raw, str) and raw.strip().isdigit():
        return int(raw)
    if isinstance(raw, bool) or not isinstance(raw, int) or raw < 0:
        return None
    return raw


def _today(raw: object) -> date | None:
    if not raw:
        return None
    try:
        return date.fromisoformat(str(raw))
    except ValueError:
        return None


def date_format_problem(fmt: str) -> str:
    """The first directive of *fmt* that Sphinx's ``format_date`` does not know, or ""."""
    unknown = re.search(r"%-?.?", date_format_re.sub("", fmt))
    return unknown.group() if unknown else ""


def _date_format(raw: object) -> str | None:
    if not isinstance(raw, str) or not raw.strip() or date_format_problem(raw):
        return None
    return raw


def _every(raw: object) -> Interval | None:
    if raw is None or raw == "":
        return None
    try:
        return parse_interval(raw)
    except ValueError:
        return None


def template_problem(template: str) -> str:
    """Why *template* cannot be filled, or "" when it can."""
    try:
        template.format_map(dict.fromkeys(TITLE_FIELDS, "x"))
    except KeyError as error:
        return f"unknown placeholder {{{error.args[0]}}}"
    except FORMAT_ERRORS as error:
        return str(error) or type(error).__name__
    return ""


def _autolink(raw: object) -> Literal["first", "all"] | None:
    if raw == "first":
        return "first"
    return "all" if raw == "all" else None


#: Settings already converted, per configuration: every directive, transform and page
#: handler asks, thousands of times a build, and the values do not change once read.
_CONVERTED: WeakKeyDictionary[Config, Settings] = WeakKeyDictionary()


def settings(config: Config) -> Settings:
    """The package's settings of *config*, converted; unusable values act as unset."""
    converted = _CONVERTED.get(config)
    if converted is None:
        converted = _CONVERTED[config] = _convert(config)
    return converted


def _convert(config: Config) -> Settings:
    template = config.aiguide_title_template
    usable_template = isinstance(template, str) and bool(template.strip()) \
        and not template_problem(template)
    return Settings(
        reviewers=_registry(config.aiguide_reviewers),
        reviewers_strict=bool(config.aiguide_reviewers_strict),
        review_max_age=_max_age(config.aiguide_review_max_age),
        today=_today(config.aiguide_today),
        date_format=_date_format(config.aiguide_date_format),
        title_template=template if usable_template else None,
        structured_data=bool(config.aiguide_structured_data),
        export=bool(config.aiguide_export),
        review_every=_every(config.aiguide_review_every),
        show_due=bool(config.aiguide_show_due),
        show_owner=bool(config.aiguide_show_owner),
        require_review=bool(config.aiguide_require_review),
        glossaries_as_concepts=config.aiguide_glossaries == "concepts",
        autolink=_autolink(config.aiguide_autolink),
        warn_unused=bool(config.aiguide_warn_unused),
    )


def problems(config: Config) -> list[tuple[str, str]]:
    """``(subtype, message)`` for every value that :func:`settings` cannot use as given.

    A value of the wrong type altogether is left to Sphinx's own type check.
    """
    found: list[tuple[str, str]] = []
    raw = config.aiguide_reviewers
    if not isinstance(raw, dict):
        found.append(("reviewer", "aiguide_reviewers must be a dict; ignoring it"))
    else:
        for key, value in raw.items():
            entry = _reviewer(value)
            if entry is None:
                found.append(("reviewer", f"aiguide_reviewers[{key!r}] needs a non-empty "
                                          "'name'; ignoring it"))
            elif isinstance(value, dict) and not safe_url(str(value.get("url") or "")):
                found.append(("reviewer", f"aiguide_reviewers[{key!r}]['url'] must be an "
                                          "http(s) or mailto address; the name is shown "
                                          "without a link"))
    max_age = config.aiguide_review_max_age
    if max_age is not None and _max_age(max_age) is None:
        found.append(("stale", f"aiguide_review_max_age must be a number of days; "
                               f"ignoring {max_age!r}"))
    today = config.aiguide_today
    if today and _today(today) is None:
        found.append(("date", f"aiguide_today {today!r} is not a date of the form "
                              "YYYY-MM-DD; using the real date"))
    fmt = config.aiguide_date_format
    unknown = date_format_problem(fmt) if isinstance(fmt, str) else ""
    if unknown:
        found.append(("date", f"aiguide_date_format {fmt!r} has the unknown directive "
                              f"{unknown!r} (those of Sphinx's today_fmt work, such as %-d, "
                              "%B and %Y); byline dates use the language's long date"))
    reason = language_problem(config.language)
    if reason:
        found.append(("language", reason))
    every = config.aiguide_review_every
    if every is not None and every != "":
        try:
            parse_interval(every)
        except ValueError as error:
            found.append(("date", f"aiguide_review_every {every!r} {error}; no entry is "
                                  "due for review by it"))
    template = config.aiguide_title_template
    reason = template_problem(template) if isinstance(template, str) else ""
    if reason:
        fields = ", ".join(f"{{{name}}}" for name in TITLE_FIELDS)
        found.append(("concept", f"aiguide_title_template {template!r} cannot be used "
                                 f"({reason}); the placeholders are {fields}; page titles "
                                 "are left as they are"))
    glossaries = config.aiguide_glossaries
    if isinstance(glossaries, str) and glossaries not in GLOSSARY_MODES:
        found.append(("concept", f"aiguide_glossaries must be 'keep' or 'concepts'; "
                                 f"ignoring {glossaries!r}: glossaries are kept as they are"))
    autolink = config.aiguide_autolink
    if isinstance(autolink, str) and _autolink(autolink) is None:
        found.append(("autolink", f'aiguide_autolink must be "first", "all" or None; '
                                  f"ignoring {autolink!r}: no mention is linked"))
    return found


def check(app: Sphinx, config: Config) -> None:
    """Report every unusable value once, as soon as the configuration is read."""
    for subtype, message in problems(config):
        logger.warning("%s", message, type="aiguide", subtype=subtype)


def register(app: Sphinx) -> None:
    """Declare every value to Sphinx."""
    for value in DECLARED:
        app.add_config_value(value.name, value.default, value.rebuild,
                             types=frozenset(value.types), description=value.description)
