"""Which reviews are stale, due, missing or in the future: one set of rules for builds and the CLI.

Anything that depends on the clock is checked on every build in ``env-updated``, because
an unchanged page is not read again; ``sphinx-aiguide review`` reports the same
:class:`ReviewState` the build warns about.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING, NamedTuple

from sphinx.util import logging

from sphinx_aiguide.config import settings
from sphinx_aiguide.domain import aiguide_domain
from sphinx_aiguide.records import page_title, place
from sphinx_aiguide.review.byline import reviewer_names
from sphinx_aiguide.review.dates import age_days, today
from sphinx_aiguide.review.interval import due_date

if TYPE_CHECKING:
    from collections.abc import Iterator

    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

    from sphinx_aiguide.config import Settings
    from sphinx_aiguide.domain import AIGuideDomain
    from sphinx_aiguide.records import ConceptRecord, PageReview
    from sphinx_aiguide.review.interval import Interval

logger = logging.getLogger(__name__)


class Review(NamedTuple):
    """What the sources say of one entry's review: the concept's own data, else its page's."""

    #: Reviewer registry keys or plain names, as written.
    reviewers: list[str]
    #: ISO date of the last review, or "".
    last_reviewed: str
    #: The entry's own interval in words (``6 months``), or "" for the project's.
    every: str
    #: Registry key or plain name, or "".
    owner: str


@dataclass(frozen=True)
class Rules:
    """What counts as stale or due: the project's settings, or the command line's."""

    #: Days before a review is stale (``None``: never).
    max_age: int | None = None
    #: The project's interval (``aiguide_review_every``) for entries without their own.
    every: Interval | None = None
    #: Entries falling due within this many days count as due already.
    due_within: int = 0

    @classmethod
    def of(cls, current: Settings) -> Rules:
        """The rules a build applies."""
        return cls(max_age=current.review_max_age, every=current.review_every)


@dataclass(frozen=True)
class ReviewState:
    """What is known of one entry's review on a given day."""

    reviewers: list[str]
    last_reviewed: str
    age_days: int | None
    stale: bool
    #: The interval that applies, in words, or "" when none does.
    every: str
    #: ISO date the next review is due, or "" (no review date or no interval).
    due: str
    #: The due date has come (or comes within the rules' ``due_within`` days).
    is_due: bool
    owner: str

    @property
    def reviewed(self) -> bool:
        """Whether the entry names both a reviewer and a review date."""
        return bool(self.reviewers and self.last_reviewed)


def entry_review(domain: AIGuideDomain, record: ConceptRecord) -> Review:
    """A concept's review data: its own fields win, the page fills in each missing one."""
    page = domain.page_review(record["docname"])
    return Review(
        reviewers=record["reviewers"] or (page["reviewers"] if page else []),
        last_reviewed=record["last_reviewed"] or (page["last_reviewed"] if page else ""),
        every=record["review_every"] or (page["review_every"] if page else ""),
        owner=record["owner"] or (page["owner"] if page else ""),
    )


def page_entry(page: PageReview) -> Review:
    """A page's own review data."""
    return Review(page["reviewers"], page["last_reviewed"], page["review_every"],
                  page["owner"])


def effective_review(domain: AIGuideDomain, record: ConceptRecord) -> tuple[list[str], str]:
    """A concept's reviewers and review date: its own options win, the page fills in."""
    review = entry_review(domain, record)
    return review.reviewers, review.last_reviewed


def interval_of(review: Review, default: Interval | None) -> str:
    """The interval that applies to *review*: its own, else the project's, else ""."""
    return review.every or (str(default) if default is not None else "")


def falls_due(due: str, now: date, within: int = 0) -> bool:
    """Whether a review due on *due* (ISO) is due on *now*, or within *within* days of it."""
    return date.fromisoformat(due) <= now + timedelta(days=within)


def review_state(review: Review, now: date, rules: Rules) -> ReviewState:
    """The state of *review* seen on *now* under *rules*."""
    iso = review.last_reviewed
    age = age_days(iso, now)
    stale = rules.max_age is not None and age is not None and age > rules.max_age
    every = interval_of(review, rules.every)
    due = due_date(iso, every)
    is_due = bool(due) and falls_due(due, now, rules.due_within)
    return ReviewState(review.reviewers, iso, age, stale, every, due, is_due, review.owner)


def concept_states(domain: AIGuideDomain, now: date,
                   rules: Rules) -> Iterator[tuple[ConceptRecord, ReviewState]]:
    """Every concept with the state of its review (its own data, else its page's)."""
    for record in domain.concepts():
        yield record, review_state(entry_review(domain, record), now, rules)


def page_states(domain: AIGuideDomain, now: date,
                rules: Rules) -> Iterator[tuple[str, PageReview, ReviewState]]:
    """Every page with review data of its own, with the state of that review."""
    for docname, page in domain.page_reviews():
        yield docname, page, review_state(page_entry(page), now, rules)


def _warn_future(env: BuildEnvironment, record: ConceptRecord | PageReview, now: date) -> None:
    iso = record["last_reviewed"]
    if iso and date.fromisoformat(iso) > now:
        logger.warning("last-reviewed %s is after today (%s)", iso, now.isoformat(),
                       type="aiguide", subtype="date", location=place(env, record))


def _warn_old(env: BuildEnvironment, what: str, state: ReviewState,
              record: ConceptRecord | PageReview, max_age: int | None) -> None:
    """One warning for a review that is stale or due (stale said first: it says more)."""
    if not (state.stale or state.is_due):
        return  # most entries, on every build: nothing to name
    who = reviewer_names(env.config, state.reviewers) or "no named reviewer"
    if state.stale:
        logger.warning(
            "%s is stale: last reviewed by %s %d days ago (%s); aiguide_review_max_age is %d",
            what, who, state.age_days, state.last_reviewed, max_age,
            type="aiguide", subtype="stale", location=place(env, record),
        )
    elif state.is_due:
        owner = reviewer_names(env.config, [state.owner]) if state.owner else ""
        logger.warning(
            "%s was due for review on %s: last reviewed by %s on %s, to be reviewed every %s%s",
            what, state.due, who, state.last_reviewed, state.every,
            f"; owner: {owner}" if owner else "",
            type="aiguide", subtype="stale", location=place(env, record),
        )


def _warn_unreviewed(env: BuildEnvironment, record: ConceptRecord, state: ReviewState) -> None:
    missing = [name for name, value in (("review date", state.last_reviewed),
                                        ("reviewer", state.reviewers)) if not value]
    if missing:
        logger.warning("concept %r has no %s; aiguide_require_review is on",
                       record["term"], " and no ".join(missing),
                       type="aiguide", subtype="review", location=place(env, record))


def check_reviews(app: Sphinx, env: BuildEnvironment) -> None:
    """Warn about future, stale, due and missing reviews, on every build.

    Incremental builds included. A page whose review data a concept of it inherits is
    reported through that concept only, not a second time as a page.
    """
    domain = aiguide_domain(env)
    current = settings(env.config)
    now, rules = today(current), Rules.of(current)
    inherited: set[str] = set()
    for record, state in concept_states(domain, now, rules):
        _warn_future(env, record, now)
        if current.require_review:
            _warn_unreviewed(env, record, state)
        if not record["last_reviewed"] and state.last_reviewed:
            inherited.add(record["docname"])
        _warn_old(env, f"concept {record['term']!r}", state, record, rules.max_age)
    for docname, page, state in page_states(domain, now, rules):
        _warn_future(env, page, now)
        if docname not in inherited:
            what = f"page {page_title(env, docname, docname)!r}"
            _warn_old(env, what, state, page, rules.max_age)
