"""Reviewed-by metadata: page and concept data, the registry, dates and staleness."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from ..conftest import Build, Shared

STALE_LATE = [
    "index.rst:11: WARNING: concept 'Inherits' is stale: last reviewed by AI Guide Editors "
    "320 days ago (2026-01-10); aiguide_review_max_age is 180 [aiguide.stale]",
    "index.rst:15: WARNING: concept 'Own Reviewer' is stale: last reviewed by Harsh Desai, "
    "Jo Roe and Sam Lee 320 days ago (2026-01-10); aiguide_review_max_age is 180 "
    "[aiguide.stale]",
    "index.rst:20: WARNING: concept 'Own Date' is stale: last reviewed by AI Guide Editors "
    "256 days ago (2026-03-15); aiguide_review_max_age is 180 [aiguide.stale]",
    "plain.rst:1: WARNING: page 'Plain Page' is stale: last reviewed by Jo Roe 543 days ago "
    "(2025-06-01); aiguide_review_max_age is 180 [aiguide.stale]",
]


def test_concept_data_overrides_the_page_field_by_field(built: Shared) -> None:
    html = built("review").body("index")
    start, end = html.index('id="concept-own-reviewer"'), html.index('id="concept-own-date"')
    own_reviewer = html[start:end]
    assert ('<p class="aiguide-byline">Reviewed by <a class="reference external" '
            'href="https://example.org/hdesai">Harsh Desai</a>, Jo Roe and Sam Lee · '
            'Last reviewed <time datetime="2026-01-10">10 January 2026</time></p>'
            ) in own_reviewer
    own_date = html[html.index('id="concept-own-date"'):]
    assert ('<p class="aiguide-byline">Reviewed by AI Guide Editors · Last reviewed '
            '<time datetime="2026-03-15">15 March 2026</time></p>\n</div>') in own_date
    inherits = html[html.index('id="concept-inherits"'):html.index('id="concept-own-reviewer"')]
    assert "aiguide-byline" not in inherits


def test_page_data_prints_one_byline_at_the_end_of_the_page(built: Shared) -> None:
    result = built("review")
    html = result.body("index")
    assert html.count("aiguide-page-byline") == 1
    page_byline = ('<p class="aiguide-byline aiguide-page-byline">Reviewed by AI Guide Editors · '
                   'Last reviewed <time datetime="2026-01-10">10 January 2026</time></p>')
    assert page_byline in html
    assert html.index(page_byline) > html.index("reviewers with its own date.")
    assert ('<p class="aiguide-byline aiguide-page-byline">Reviewed by Jo Roe · Last reviewed '
            '<time datetime="2025-06-01">1 June 2025</time></p>') in result.body("plain")


def test_only_reviews_older_than_the_max_age_warn(built: Shared) -> None:
    assert built("review").warning_lines() == [STALE_LATE[3].replace("543 days", "365 days")]


def test_no_max_age_no_staleness_check(built: Shared) -> None:
    result = built("review", confoverrides={"aiguide_review_max_age": None,
                                            "aiguide_today": "2030-01-01"})
    assert result.warnings == ""
    assert "Last reviewed" in result.body("plain")


def test_incremental_build_warns_when_only_the_clock_moved(build: Build) -> None:
    first = build("review")
    assert "2 added, 0 changed, 0 removed" in first.status
    again = build(srcdir=first.srcdir, confoverrides={"aiguide_today": "2026-11-26"})
    assert "0 added, 0 changed, 0 removed" in again.status
    assert again.warning_lines() == STALE_LATE


def test_source_date_epoch_is_today_when_not_configured(
    build: Build, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH",
                       str(int(datetime(2026, 11, 26, 12, tzinfo=UTC).timestamp())))
    assert build("review", confoverrides={"aiguide_today": None}).warning_lines() == STALE_LATE


def test_dates_follow_the_format_and_the_language(built: Shared) -> None:
    german = built("review", confoverrides={"language": "de"}).body("index")
    assert '<time datetime="2026-03-15">15. März 2026</time>' in german  # CLDR's long date
    iso = built("review", confoverrides={"aiguide_date_format": "%B %-d, %Y"}).body("index")
    assert '<time datetime="2026-03-15">March 15, 2026</time>' in iso


def test_unusable_configuration_warns_instead_of_failing(built: Shared) -> None:
    result = built("review", confoverrides={
        "aiguide_reviewers": {"editors": {"url": "https://example.org"}, "jroe": "Jo Roe"},
        "aiguide_review_max_age": -3,
        "aiguide_today": "soon",
    })
    text = result.warnings
    assert ("WARNING: aiguide_reviewers['editors'] needs a non-empty 'name'; ignoring it "
            "[aiguide.reviewer]") in text
    assert ("WARNING: aiguide_review_max_age must be a number of days; ignoring -3 "
            "[aiguide.stale]") in text
    assert ("WARNING: aiguide_today 'soon' is not a date of the form YYYY-MM-DD; using the "
            "real date [aiguide.date]") in text
    # an unusable registry entry leaves its key as a plain name
    assert "Reviewed by editors ·" in result.body("index")


def test_max_age_from_the_command_line(built: Shared) -> None:
    """``-D aiguide_review_max_age=30`` arrives as text; it still sets the limit."""
    result = built("review", confoverrides={"aiguide_review_max_age": "30"})
    assert "WARNING: concept 'Inherits' is stale:" in result.warnings
    assert "aiguide_review_max_age is 30 [aiguide.stale]" in result.warnings
