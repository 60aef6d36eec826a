"""The review lifecycle in a build: intervals, due dates, owners, notices, exports."""

from __future__ import annotations

import json
from importlib import resources
from typing import Any

import jsonschema
import pytest
from babel.messages.pofile import read_po

from sphinx_aiguide.i18n import LOCALE_DIR

from ..conftest import Build, Shared
from ..helpers import contents, text_of

DUE_WARNINGS = [
    "entries.rst:12: WARNING: concept 'Month End' was due for review on 2026-02-28: last "
    "reviewed by AI Guide Editors on 2026-01-31, to be reviewed every 1 month [aiguide.stale]",
    "overdue.rst:8: WARNING: concept 'Overdue Entry' was due for review on 2026-06-01: last "
    "reviewed by AI Guide Editors on 2025-12-01, to be reviewed every 6 months; owner: "
    "Harsh Desai [aiguide.stale]",
]
#: The notice of the page-level review of "Overdue Entry", due on the day of the build.
OVERDUE_NOTICE = ('<p class="aiguide-review-due" data-aiguide-due="2026-06-01">This entry was '
                  'due for review on <time datetime="2026-06-01">1 June 2026</time>. It may be '
                  'out of date.</p>')
UPCOMING_NOTICE = ('<p class="aiguide-review-due" data-aiguide-due="2026-08-01" hidden="hidden">'
                   'This entry was due for review on <time datetime="2026-08-01">1 August 2026'
                   '</time>. It may be out of date.</p>')
SCRIPT = '<script defer="defer" src="_static/aiguide-review.js'


def glossary(result: Any) -> dict[str, dict[str, Any]]:
    data = json.loads(result.read("glossary.json"))
    schema = resources.files("sphinx_aiguide").joinpath("schema/glossary.schema.json")
    jsonschema.Draft202012Validator(json.loads(schema.read_text(encoding="utf-8"))).validate(data)
    return {concept["term"]: concept for concept in data["concepts"]}


def test_entries_past_their_due_date_warn_with_file_and_line(built: Shared) -> None:
    assert built("review-cycle").warning_lines() == DUE_WARNINGS


def test_a_due_entry_shows_the_notice_after_its_byline(built: Shared) -> None:
    result = built("review-cycle")
    overdue = result.body("overdue")
    byline = ('<p class="aiguide-byline aiguide-page-byline">Reviewed by AI Guide Editors · '
              'Last reviewed <time datetime="2025-12-01">1 December 2025</time></p>\n')
    assert byline + OVERDUE_NOTICE in overdue
    month_end = result.body("entries")
    assert ('<p class="aiguide-byline">Reviewed by AI Guide Editors · Last reviewed <time '
            'datetime="2026-01-31">31 January 2026</time></p>\n<p class="aiguide-review-due" '
            'data-aiguide-due="2026-02-28">This entry was due for review on <time '
            'datetime="2026-02-28">28 February 2026</time>. It may be out of date.</p>'
            ) in month_end


def test_an_entry_not_yet_due_carries_its_notice_hidden_with_the_script(built: Shared) -> None:
    result = built("review-cycle")
    upcoming = result.read("upcoming.html")
    assert UPCOMING_NOTICE in upcoming
    assert upcoming.count(SCRIPT) == 1
    # the script reads the date from the notice: nothing of the configuration is in it
    script = (result.outdir / "_static" / "aiguide-review.js").read_text(encoding="utf-8")
    assert "data-aiguide-due" in script and "2026" not in script
    # a page whose notice is already shown, or that has none, gets no script
    for page in ("overdue.html", "index.html"):
        assert SCRIPT not in result.read(page), page
    assert "aiguide-review-due" not in result.body("index")


def test_show_due_and_show_owner(built: Shared) -> None:
    result = built("review-cycle", confoverrides={"aiguide_show_due": True,
                                                  "aiguide_show_owner": True})
    assert ('Last reviewed <time datetime="2026-01-31">31 January 2026</time> · Owner: Jo Roe'
            '<span class="aiguide-review-next" data-aiguide-due="2027-01-31"> · Next review '
            'due <time datetime="2027-01-31">31 January 2027</time></span></p>'
            ) in result.body("entries")
    overdue = result.body("overdue")
    assert ('· Owner: <a class="reference external" href="https://example.org/hdesai">'
            'Harsh Desai</a></p>') in overdue
    assert "Next review due" not in overdue  # it is due: the notice says so instead
    assert OVERDUE_NOTICE in overdue


def test_owners_and_due_dates_are_not_shown_by_default(built: Shared) -> None:
    result = built("review-cycle")
    for page in ("overdue", "entries", "upcoming"):
        assert "Owner" not in result.body(page)
        assert "Next review due" not in result.body(page)


@pytest.mark.parametrize(("builder", "page"), [("text", "overdue.txt"),
                                               ("epub", "overdue.xhtml")])
def test_other_builders_show_the_state_on_the_day_of_the_build(
        built: Shared, builder: str, page: str) -> None:
    result = built("review-cycle", builder, confoverrides={"aiguide_show_due": True})
    text = text_of(result.read(page))
    assert "This entry was due for review on 1 June 2026. It may be out of date." in text
    upcoming = result.read(page.replace("overdue", "upcoming"))
    assert "Next review due 1 August 2026" in text_of(upcoming)
    assert "This entry was due" not in upcoming  # no hidden notice outside a website
    assert "aiguide-review.js" not in upcoming


def test_latex_prints_the_notice(built: Shared) -> None:
    tex = built("review-cycle", "latex").read("cycle.tex")
    assert "This entry was due for review on 1 June 2026. It may be out of date." in tex
    assert "This entry was due for review on 28 February 2026." in tex
    assert "This entry was due for review on 1 August 2026" not in tex


@pytest.mark.parametrize("language", ["de", "es", "fr", "ja", "zh_CN"])
def test_the_notice_and_the_next_due_date_are_translated(built: Shared, language: str) -> None:
    """Each catalog's text is on the page, around the date (whose format is the byline's)."""
    with (LOCALE_DIR / language / "LC_MESSAGES" / "sphinx_aiguide.po").open("rb") as handle:
        messages = {message.id: message.string for message in read_po(handle) if message.id}
    result = built("review-cycle", confoverrides={"language": language,
                                                  "aiguide_show_due": True})
    for page, msgid, due in (
            ("overdue", "This entry was due for review on {date}. It may be out of date.",
             "2026-06-01"),
            ("upcoming", "Next review due {date}", "2026-08-01")):
        before, after = messages[msgid].split("{date}")
        html = result.body(page)
        assert f'{before}<time datetime="{due}">' in html, (language, page)
        assert f"</time>{after}" in html, (language, page)


def test_clock_moving_rewrites_the_pages_whose_entries_fall_due(build: Build) -> None:
    first = build("review-cycle")
    assert UPCOMING_NOTICE in first.read("upcoming.html")
    later = build(srcdir=first.srcdir, confoverrides={"aiguide_today": "2026-08-01"})
    assert "0 added, 0 changed, 0 removed" in later.status
    upcoming = later.read("upcoming.html")
    assert 'data-aiguide-due="2026-08-01">This entry was due' in upcoming
    assert SCRIPT not in upcoming
    assert "concept 'Upcoming Entry' was due for review on 2026-08-01" in later.warnings
    # and back: a clock set back shows the notice hidden again
    back = build(srcdir=first.srcdir, confoverrides={"aiguide_today": "2026-06-01"})
    assert UPCOMING_NOTICE in back.read("upcoming.html")


def test_require_review_names_every_unreviewed_concept(built: Shared) -> None:
    result = built("review-cycle", confoverrides={"aiguide_require_review": True})
    assert [line for line in result.warning_lines() if "[aiguide.review]" in line] == [
        "entries.rst:19: WARNING: concept 'Never Reviewed' has no review date and no "
        "reviewer; aiguide_require_review is on [aiguide.review]"]
    partly = built("review-bad", confoverrides={"aiguide_require_review": True})
    assert [line for line in partly.warning_lines() if "[aiguide.review]" in line] == [
        "front-matter.md:8: WARNING: concept 'Front Matter' has no reviewer; "
        "aiguide_require_review is on [aiguide.review]",
        "index.rst:16: WARNING: concept 'Zero' has no reviewer; aiguide_require_review is on "
        "[aiguide.review]",
        "index.rst:22: WARNING: concept 'Negative' has no reviewer; aiguide_require_review "
        "is on [aiguide.review]",
        "index.rst:28: WARNING: concept 'Huge' has no reviewer; aiguide_require_review is on "
        "[aiguide.review]",
    ]


def test_glossary_json_carries_due_dates_and_owners(built: Shared) -> None:
    result = built("review-cycle")
    data = glossary(result)
    assert {term: (concept["review_due"], concept["owner"]) for term, concept in data.items()} \
        == {"Month End": ("2026-02-28", None),
            "Never Reviewed": (None, None),
            "Overdue Entry": ("2026-06-01",
                              {"name": "Harsh Desai", "url": "https://example.org/hdesai"}),
            "Upcoming Entry": ("2026-08-01", None),
            "Yearly": ("2027-01-31", {"name": "Jo Roe", "url": None})}
    llms = result.read("llms.txt")
    assert ("- [Yearly](entries.html#concept-yearly): Reviewed every year: due on 31 January "
            "2027. (last reviewed 2026-01-31)") in llms
    assert "- [Never Reviewed](entries.html#concept-never-reviewed): No review data at all. " \
           "(not reviewed yet)" in llms


def test_a_project_interval_in_days(built: Shared) -> None:
    result = built("review-cycle", confoverrides={"aiguide_review_every": 180})
    assert glossary(result)["Overdue Entry"]["review_due"] == "2026-05-30"
    # from the command line (-D), the number arrives as text
    text = built("review-cycle", confoverrides={"aiguide_review_every": "180"})
    assert glossary(text)["Overdue Entry"]["review_due"] == "2026-05-30"


def test_bad_intervals_and_owners_warn_and_keep_the_rest(built: Shared) -> None:
    result = built("review-bad")
    unit = "is not a number of days or 'N weeks|months|years' [aiguide.date]"
    assert result.warning_lines() == [
        "front-matter.md:3: WARNING: review-every '6 fortnights' has an unknown unit "
        "'fortnights'; use days, weeks, months or years [aiguide.date]",
        f"index.rst:12: WARNING: review-every 'soon' {unit}",
        "index.rst:18: WARNING: review-every '0' must be longer than zero [aiguide.date]",
        "index.rst:24: WARNING: review-every '-3 months' must be longer than zero "
        "[aiguide.date]",
        f"index.rst:30: WARNING: review-every '1e9 days' {unit}",
        "index.rst:31: WARNING: unknown owner 'ghost': not a key of aiguide_reviewers "
        "[aiguide.reviewer]",
        "page-fields.rst:4: WARNING: Inline emphasis start-string without end-string. "
        "[docutils]",
        f"page-fields.rst:3: WARNING: review-every 'forever' {unit}",
        "page-fields.rst:4: WARNING: unknown owner '*nobody': not a key of aiguide_reviewers "
        "[aiguide.reviewer]",
    ]
    data = glossary(result)
    assert data["Soon"]["reviewers"] == [{"name": "AI Guide Editors", "url": None}]
    assert [data[term]["last_reviewed"] for term in ("Soon", "Zero", "Negative", "Huge")] \
        == ["2026-01-10"] * 4
    assert all(concept["review_due"] is None for concept in data.values())
    assert data["Huge"]["owner"] == {"name": "ghost", "url": None}
    # broken markup in a field never brings docutils' report (and its path) to readers
    page = result.body("page-fields")
    assert "Owner: *nobody</p>" in page
    assert "WARNING" not in page and str(result.srcdir) not in page
    assert "Last reviewed" in result.body("index")


def test_an_unusable_project_interval_warns_once(built: Shared) -> None:
    result = built("review-cycle", confoverrides={"aiguide_review_every": "-3 months"})
    assert result.warning_lines()[0] == (
        "WARNING: aiguide_review_every '-3 months' must be longer than zero; no entry is "
        "due for review by it [aiguide.date]")
    assert glossary(result)["Overdue Entry"]["review_due"] is None


def test_parallel_builds_write_the_same_pages(built: Shared) -> None:
    serial, parallel = built("review-cycle"), built("review-cycle", parallel=2)
    assert contents(parallel.outdir) == contents(serial.outdir)
    assert parallel.warning_lines() == DUE_WARNINGS
