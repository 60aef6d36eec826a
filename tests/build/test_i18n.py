"""Translations in a build: labels, bylines and dates in the page's language."""

from __future__ import annotations

import pytest

from ..conftest import Shared


def test_german_build_shows_german_labels_and_dates(built: Shared) -> None:
    entry = built("example-rst", confoverrides={"language": "de"}).body(
        "instrumental-convergence")
    for label in ("Konzept", "Im Detail", "Häufig gestellte Fragen", "Verwandte Konzepte"):
        assert f'<h2 class="aiguide-label rubric">{label}</h2>' in entry
    assert "Geprüft von AI Guide Editors · Zuletzt geprüft am" in entry
    html = built("review", confoverrides={"language": "de"}).body("index")
    assert ('Geprüft von <a class="reference external" href="https://example.org/hdesai">'
            'Harsh Desai</a>, Jo Roe und Sam Lee · Zuletzt geprüft am '
            '<time datetime="2026-01-10">10. Januar 2026</time>') in html


def test_japanese_build_joins_names_the_japanese_way(built: Shared) -> None:
    html = built("review", confoverrides={"language": "ja"}).body("index")
    assert "Harsh Desai</a>、Jo Roe、Sam Lee · 最終レビュー：" in html  # CLDR: A、B、C
    # the review root names its concepts by argument: the term is the h2, labels are h3
    assert '<h3 class="aiguide-label rubric">概念</h3>' in html


def test_an_explicit_date_format_wins_in_every_language(built: Shared) -> None:
    result = built("languages", confoverrides={"language": "ja",
                                               "aiguide_date_format": "%Y-%m-%d"})
    assert result.warnings == ""
    assert '<time datetime="2026-04-21">2026-04-21</time>' in result.read("index.html")


@pytest.mark.parametrize("language", ["xx", "tlh", "english"])
def test_a_language_babel_does_not_know_is_reported_and_written_in_english(
        built: Shared, language: str) -> None:
    result = built("languages", confoverrides={"language": language})
    ours = [line for line in result.warning_lines() if "[aiguide" in line]
    assert ours == [
        f"WARNING: language {language!r} is not a locale that Babel (CLDR) knows; review "
        "dates, reviewer lists and the A–Z order are written the English way "
        "[aiguide.language]"]
    # the rest is docutils saying the same of its own labels, and no traceback
    others = [line for line in result.warning_lines() if line not in ours]
    assert all(line.endswith("[docutils]") and f'language "{language}"' in line.lower()
               for line in others), others
    assert "Traceback" not in result.status + result.warnings
    assert ("Harsh Desai</a>, Jo Roe and Sam Lee · Last reviewed "
            '<time datetime="2026-04-21">21 April 2026</time>') in result.read("index.html")


def test_an_unknown_date_directive_is_reported_and_the_long_date_used(built: Shared) -> None:
    result = built("languages", confoverrides={"language": "de",
                                               "aiguide_date_format": "%-d %Q %Y"})
    assert result.warning_lines() == [
        "WARNING: aiguide_date_format '%-d %Q %Y' has the unknown directive '%Q' (those of "
        "Sphinx's today_fmt work, such as %-d, %B and %Y); byline dates use the language's "
        "long date [aiguide.date]"]
    assert '<time datetime="2026-04-21">21. April 2026</time>' in result.read("index.html")
