"""One set of review rules for the build and the command line: stale, due, unreviewed."""

from __future__ import annotations

from datetime import date

from sphinx_aiguide.review.checks import Review, Rules, entry_review, review_state
from sphinx_aiguide.review.interval import Interval

from ..helpers import fake_domain
from .records import concept

TODAY = date(2026, 6, 1)
REVIEW = Review(["hdesai"], "2025-12-01", "", "jroe")


def test_an_entry_is_due_on_its_due_date_and_after() -> None:
    rules = Rules(every=Interval(6, "month"))
    on_the_day = review_state(REVIEW, TODAY, rules)
    assert (on_the_day.every, on_the_day.due, on_the_day.is_due) == ("6 months", "2026-06-01",
                                                                    True)
    assert not review_state(REVIEW, date(2026, 5, 31), rules).is_due


def test_due_within_counts_entries_falling_due_soon() -> None:
    review = REVIEW._replace(last_reviewed="2025-12-14")
    assert not review_state(review, TODAY, Rules(every=Interval(6, "month"))).is_due
    assert review_state(review, TODAY, Rules(every=Interval(6, "month"), due_within=14)).is_due
    assert not review_state(review, TODAY, Rules(every=Interval(6, "month"),
                                                 due_within=12)).is_due


def test_the_entry_s_own_interval_wins_over_the_project_s() -> None:
    state = review_state(REVIEW._replace(every="1 year"), TODAY, Rules(every=Interval(1, "week")))
    assert (state.due, state.is_due) == ("2026-12-01", False)


def test_no_interval_or_no_date_no_due_date() -> None:
    assert review_state(REVIEW, TODAY, Rules()).due == ""
    never = review_state(Review([], "", "30 days", ""), TODAY, Rules(max_age=1))
    assert (never.due, never.is_due, never.stale, never.age_days, never.reviewed) == (
        "", False, False, None, False)


def test_stale_and_due_are_separate_rules() -> None:
    state = review_state(REVIEW, TODAY, Rules(max_age=100))
    assert (state.age_days, state.stale, state.is_due) == (182, True, False)


def test_the_page_fills_in_what_the_concept_leaves_out() -> None:
    domain = fake_domain()
    domain.note_concept(concept("A", "a", review_every="3 months"))
    domain.note_page_review("a", {"reviewers": ["editors"], "last_reviewed": "2026-01-31",
                                  "review_every": "1 year", "owner": "jroe",
                                  "source": "a.rst", "line": 1})
    record = next(domain.concepts())
    assert entry_review(domain, record) == Review(["editors"], "2026-01-31", "3 months", "jroe")
    assert review_state(entry_review(domain, record), TODAY, Rules()).due == "2026-04-30"
