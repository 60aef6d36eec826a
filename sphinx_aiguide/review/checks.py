"""Which reviews are stale or in the future: one set of rules for builds and the CLI.

Anything that depends on the clock is checked on every build in ``env-updated``, because
an unchanged page is not read again; ``sphinx-aiguide review`` reports the same
:class:`ReviewState` the build warns about.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from sphinx.util import logging

from sphinx_aiguide.config import settings
from sphinx_aiguide.domain import aiguide_domain
from sphinx_aiguide.records import page_title, place
from sphinx_aiguide.review.byline import reviewer_names
from sphinx_aiguide.review.dates import age_days, today

if TYPE_CHECKING:
    from collections.abc import Iterator

    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

    from sphinx_aiguide.domain import AIGuideDomain
    from sphinx_aiguide.records import ConceptRecord, PageReview

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class ReviewState:
    """What is known of one entry's review on a given day."""

    #: Reviewer registry keys or plain names, as written.
    reviewers: list[str]
    #: ISO date of the last review, or "".
    last_reviewed: str
    age_days: int | None
    stale: bool


def effective_review(domain: AIGuideDomain, record: ConceptRecord) -> tuple[list[str], str]:
    """A concept's reviewers and review date: its own options win, the page fills in."""
    page = domain.page_review(record["docname"])
    keys = record["reviewers"] or (page["reviewers"] if page else [])
    return keys, record["last_reviewed"] or (page["last_reviewed"] if page else "")


def review_state(keys: list[str], iso: str, now: date, max_age: int | None) -> ReviewState:
    """The state of a review by *keys* on *iso*, seen on *now* with *max_age* days allowed."""
    age = age_days(iso, now)
    stale = max_age is not None and age is not None and age > max_age
    return ReviewState(keys, iso, age, stale)


def concept_states(domain: AIGuideDomain, now: date,
                   max_age: int | None) -> Iterator[tuple[ConceptRecord, ReviewState]]:
    """Every concept with the state of its review (its own data, else its page's)."""
    for record in domain.concepts():
        yield record, review_state(*effective_review(domain, record), now, max_age)


def _warn_future(env: BuildEnvironment, record: ConceptRecord | PageReview, now: date) -> None:
    iso = record["last_reviewed"]
    if iso and date.fromisoformat(iso) > now:
        logger.warning("last-reviewed %s is after today (%s)", iso, now.isoformat(),
                       type="aiguide", subtype="date", location=place(env, record))


def _warn_stale(env: BuildEnvironment, what: str, state: ReviewState,
                record: ConceptRecord | PageReview, max_age: int | None) -> None:
    if not state.stale:
        return
    who = reviewer_names(env.config, state.reviewers) or "no named reviewer"
    logger.warning(
        "%s is stale: last reviewed by %s %d days ago (%s); aiguide_review_max_age is %d",
        what, who, state.age_days, state.last_reviewed, max_age,
        type="aiguide", subtype="stale", location=place(env, record),
    )


def check_reviews(app: Sphinx, env: BuildEnvironment) -> None:
    """Warn about future and stale reviews, on every build (incremental ones included).

    A page whose review data a concept of it inherits is reported through that concept
    only, not a second time as a page.
    """
    domain = aiguide_domain(env)
    current = settings(env.config)
    now, max_age = today(current), current.review_max_age
    inherited: set[str] = set()
    for record, state in concept_states(domain, now, max_age):
        _warn_future(env, record, now)
        if not record["last_reviewed"] and state.last_reviewed:
            inherited.add(record["docname"])
        _warn_stale(env, f"concept {record['term']!r}", state, record, max_age)
    for docname, page in domain.page_reviews():
        _warn_future(env, page, now)
        if docname not in inherited:
            state = review_state(page["reviewers"], page["last_reviewed"], now, max_age)
            what = f"page {page_title(env, docname, docname)!r}"
            _warn_stale(env, what, state, page, max_age)
