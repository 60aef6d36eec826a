"""``sphinx-aiguide new``: the text of a new entry, and the file it goes in."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from sphinx_aiguide.cli import main, render_entry

TODAY = date(2026, 4, 21)


def test_rst_titles_are_underlined_to_their_width_on_screen() -> None:
    text = render_entry("大規模言語モデル", "rst", "", TODAY)
    assert "\n大規模言語モデル\n================\n" in text
    assert ":reviewed-by:" not in text  # no reviewer given, no empty field
    assert ".. concept::" in text
    assert ".. faq:: What do readers most often ask about 大規模言語モデル?" in text


def test_a_reviewer_is_written_where_each_format_keeps_it() -> None:
    rst = render_entry("Alignment", "rst", "hdesai", TODAY)
    assert rst.startswith(":reviewed-by: hdesai\n")
    md = render_entry("Alignment", "md", "hdesai", TODAY)
    assert md.startswith("---\nreviewed-by: hdesai\n")
    assert "\n# Alignment\n" in md
    assert "```{concept}\n" in md


def test_a_reviewer_name_that_yaml_would_misread_is_quoted() -> None:
    md = render_entry("Alignment", "md", "Dr. O'Neil: editor", TODAY)
    assert 'reviewed-by: "Dr. O\'Neil: editor"\n' in md


def test_new_names_the_file_by_the_term_s_slug(tmp_path: Path) -> None:
    assert main(["new", "大規模言語モデル", "--dir", str(tmp_path)]) == 0
    text = (tmp_path / "大規模言語モデル.rst").read_text(encoding="utf-8")
    assert "\n大規模言語モデル\n================\n" in text
