"""``sphinx-aiguide new``: the text of a new entry, and the file it goes in."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from sphinx_aiguide.cli import main
from sphinx_aiguide.template import PLACEHOLDERS, file_stem, is_placeholder, render_entry


def test_rst_titles_are_underlined_to_their_width_on_screen() -> None:
    text = render_entry("大規模言語モデル", "rst")
    assert text.startswith("大規模言語モデル\n================\n")
    assert ":reviewed-by:" not in text  # no reviewer given, no empty field
    assert ".. concept::" in text
    assert ".. faq:: What do readers most often ask about 大規模言語モデル?" in text


def test_a_reviewer_is_written_where_each_format_keeps_it() -> None:
    rst = render_entry("Alignment", "rst", "hdesai")
    assert rst.startswith(":reviewed-by: hdesai\n\nAlignment\n=========\n")
    md = render_entry("Alignment", "md", "hdesai")
    assert md.startswith("---\nreviewed-by: hdesai\n---\n# Alignment\n")


@pytest.mark.parametrize("fmt", ["rst", "md"])
def test_a_new_entry_has_no_review_date(fmt: str) -> None:
    """Only a review records a date: a stub must not look reviewed."""
    assert "last-reviewed" not in render_entry("Alignment", fmt, "hdesai")
    assert "last-reviewed" not in render_entry("Alignment", fmt)


def test_markdown_entries_use_the_guide_s_colon_fences() -> None:
    md = render_entry("Alignment", "md")
    assert ":::{concept}\n" in md
    assert ":::{faq} What do readers most often ask about Alignment?\n" in md
    assert "```" not in md
    assert not md.startswith("---")  # no reviewer, no front matter


def test_a_reviewer_name_that_yaml_would_misread_is_quoted() -> None:
    md = render_entry("Alignment", "md", "Dr. O'Neil: editor")
    assert 'reviewed-by: "Dr. O\'Neil: editor"\n' in md


def test_markup_characters_in_a_term_are_escaped() -> None:
    assert render_entry("*args_", "rst").startswith("\\*args\\_\n========\n")
    assert "\n# A\\* search\n" in "\n" + render_entry("A* search", "md")


@pytest.mark.parametrize(("term", "stem"), [
    ("Instrumental Convergence", "instrumental-convergence"),
    ("C++", "c++"),
    ("GPT-4.5", "gpt-4.5"),
    ("A/B testing", "a-b-testing"),
    ("Q&A: what?", "q-a-what"),
    (".NET", "net"),
    ("大規模言語モデル", "大規模言語モデル"),
    ("Ωmega", "ωmega"),
])
def test_file_names_keep_the_characters_of_the_term(term: str, stem: str) -> None:
    assert file_stem(term) == stem


def test_a_term_with_no_character_for_a_file_name_gets_a_stable_one() -> None:
    assert file_stem("///") == file_stem("///")
    assert file_stem("///") not in {"", "-"}
    assert file_stem("///") != file_stem("???")


def test_placeholders_are_recognised_whatever_the_term() -> None:
    summary = PLACEHOLDERS["summary"].format(term="Reward Hacking")
    assert is_placeholder(summary)
    assert is_placeholder("  " + summary.replace(" ", "\n   ", 3))  # wrapped by the writer
    assert is_placeholder(PLACEHOLDERS["question"].format(term="C++"))
    assert not is_placeholder(summary + " And a sentence of the writer's own.")
    assert not is_placeholder("The answer, in a few sentences, is no.")


def test_new_names_the_file_by_the_term(tmp_path: Path) -> None:
    assert main(["new", "大規模言語モデル", "--dir", str(tmp_path)]) == 0
    text = (tmp_path / "大規模言語モデル.rst").read_text(encoding="utf-8")
    assert text.startswith("大規模言語モデル\n================\n")
    assert main(["new", "C++", "--dir", str(tmp_path), "--format", "md"]) == 0
    assert (tmp_path / "c++.md").read_text(encoding="utf-8").startswith("# C++\n")


def test_the_command_starts_without_loading_sphinx_or_docutils() -> None:
    """``--help``, ``--version`` and ``new`` start at once: only ``review`` reads a project."""
    loaded = subprocess.run(
        [sys.executable, "-c", "import sys, sphinx_aiguide.cli; print(sorted({name.split('.')[0]"
         " for name in sys.modules} & {'sphinx', 'docutils'}))"],
        capture_output=True, text=True, check=True).stdout
    assert loaded == "[]\n"
