"""Recording a review in source text: the fields change, no other byte does."""

from __future__ import annotations

import difflib
import stat
from pathlib import Path

import pytest

from sphinx_aiguide.review.edit import (
    Change,
    EditError,
    record_in_concept,
    record_in_page,
    split_lines,
)
from sphinx_aiguide.review.write import is_read_only, write_file
from sphinx_aiguide.review.yamltext import scalar

DATE = {"last-reviewed": "2026-06-01"}
BOTH = {"reviewed-by": "hdesai", "last-reviewed": "2026-06-01"}


def diff(old: str, new: str) -> tuple[list[str], list[str]]:
    """The lines only the old text has, and those only the new text has (line ends kept)."""
    removed, added = [], []
    for line in difflib.ndiff(split_lines(old), split_lines(new)):
        if line.startswith("- "):
            removed.append(line[2:])
        elif line.startswith("+ "):
            added.append(line[2:])
    return removed, added


RST = """\
Entries
=======

.. concept:: Alignment
   :aliases: value alignment
   :last-reviewed: 2025-01-10
   :tags: safety

   Making systems pursue what people mean.

.. concept:: Other
   :reviewed-by: jroe
   :last-reviewed: 2024-01-01

   Another.
"""


def test_a_concept_option_is_replaced_where_it_is() -> None:
    new, changes = record_in_concept(RST, 4, DATE, "rst")
    assert diff(RST, new) == (["   :last-reviewed: 2025-01-10\n"],
                              ["   :last-reviewed: 2026-06-01\n"])
    assert changes == [Change("last-reviewed", "2025-01-10", 6)]
    assert "   :last-reviewed: 2024-01-01\n" in new  # the other concept keeps its date


def test_a_missing_option_is_added_after_the_others() -> None:
    new, changes = record_in_concept(RST, 4, BOTH, "rst")
    assert new.split("\n")[3:9] == [
        ".. concept:: Alignment", "   :aliases: value alignment",
        "   :last-reviewed: 2026-06-01", "   :tags: safety", "   :reviewed-by: hdesai", ""]
    assert changes == [Change("last-reviewed", "2025-01-10", 6), Change("reviewed-by", "", 8)]


def test_a_concept_without_options_gets_them_at_its_body_s_indent() -> None:
    text = "T\n=\n\n.. concept:: Bare\n\n    Indented by four.\n"
    new, changes = record_in_concept(text, 4, BOTH, "rst")
    assert new == ("T\n=\n\n.. concept:: Bare\n    :reviewed-by: hdesai\n"
                   "    :last-reviewed: 2026-06-01\n\n    Indented by four.\n")
    assert changes == [Change("reviewed-by", "", 5), Change("last-reviewed", "", 6)]


def test_nested_concept_and_a_term_on_two_lines() -> None:
    text = (".. note::\n\n   .. concept:: A Term That Runs\n      On\n      :tags: x\n\n"
            "      Body.\n")
    new, _ = record_in_concept(text, 3, DATE, "rst")
    assert diff(text, new) == ([], ["      :last-reviewed: 2026-06-01\n"])
    assert new.index(":last-reviewed:") > new.index(":tags: x")


def test_an_option_on_several_lines_becomes_one() -> None:
    text = ".. concept:: A\n   :reviewed-by: hdesai,\n      jroe\n   :tags: x\n\n   Body.\n"
    new, changes = record_in_concept(text, 1, {"reviewed-by": "sam"}, "rst")
    assert new == ".. concept:: A\n   :reviewed-by: sam\n   :tags: x\n\n   Body.\n"
    assert changes == [Change("reviewed-by", "hdesai, jroe", 2)]


def test_crlf_line_ends_are_kept_and_given_to_new_lines() -> None:
    text = RST.replace("\n", "\r\n")
    new, _ = record_in_concept(text, 4, BOTH, "rst")
    assert "\n" not in new.replace("\r\n", "")
    assert diff(text, new) == (["   :last-reviewed: 2025-01-10\r\n"],
                               ["   :last-reviewed: 2026-06-01\r\n",
                                "   :reviewed-by: hdesai\r\n"])


def test_a_last_line_without_line_end() -> None:
    text = ":reviewed-by: jroe"
    new, _ = record_in_page(text, 1, DATE, "rst")
    assert new == ":reviewed-by: jroe\n:last-reviewed: 2026-06-01\n"


def test_a_byte_order_mark_and_form_feeds_stay() -> None:
    text = "\ufeff:last-reviewed: 2025-01-01\n\nTitle\n=====\n\nPage \x0c break.\n"
    new, _ = record_in_page(text, 1, DATE, "rst")
    assert new == text.replace("2025-01-01", "2026-06-01")


def test_what_is_not_a_concept_directive_is_refused() -> None:
    with pytest.raises(EditError, match="line 1 does not start a concept directive"):
        record_in_concept(RST, 1, DATE, "rst")
    with pytest.raises(EditError, match="line 99 is past the end of the file"):
        record_in_concept(RST, 99, DATE, "rst")


def test_an_option_written_twice_is_refused() -> None:
    text = ".. concept:: A\n   :last-reviewed: 2025-01-01\n   :last-reviewed: 2025-02-01\n"
    with pytest.raises(EditError, match="line 3: 'last-reviewed' is written twice"):
        record_in_concept(text, 1, DATE, "rst")


PAGE = ":reviewed-by: editors\n:last_reviewed: 2025-01-10\n:orphan:\n\nTitle\n=====\n"


def test_page_fields_keep_their_spelling() -> None:
    new, changes = record_in_page(PAGE, 1, BOTH, "rst")
    assert new == PAGE.replace("editors", "hdesai").replace("2025-01-10", "2026-06-01")
    assert changes == [Change("reviewed-by", "editors", 1),
                       Change("last-reviewed", "2025-01-10", 2)]


def test_page_fields_join_a_field_list_at_the_top() -> None:
    text = ":orphan:\n\nTitle\n=====\n"
    new, changes = record_in_page(text, None, DATE, "rst")
    assert new == ":orphan:\n:last-reviewed: 2026-06-01\n\nTitle\n=====\n"
    assert changes == [Change("last-reviewed", "", 2)]


def test_a_page_without_metadata_gets_a_field_list() -> None:
    text = "Title\r\n=====\r\n\r\nText.\r\n"
    new, changes = record_in_page(text, None, BOTH, "rst")
    assert new == ":reviewed-by: hdesai\r\n:last-reviewed: 2026-06-01\r\n\r\n" + text
    assert changes == [Change("reviewed-by", "", 1), Change("last-reviewed", "", 2)]


def test_a_page_line_that_holds_no_field_is_refused() -> None:
    with pytest.raises(EditError, match="line 5 holds no field"):
        record_in_page(PAGE, 5, DATE, "rst")


MYST = """\
---
reviewed-by:
  - editors
  - jroe
last-reviewed: 2025-01-10 # the first review
title: Not the review
---
# Alignment

```{concept}
:tags: safety
Making systems pursue what people mean.
```

:::{concept} Other
---
last-reviewed: 2024-01-01
---
Another.
:::
"""


def test_front_matter_values_are_replaced_whole() -> None:
    new, changes = record_in_page(MYST, 2, {"reviewed-by": "Dr. O'Neil: editor",
                                            "last-reviewed": "2026-06-01"}, "md")
    assert diff(MYST, new) == (["reviewed-by:\n", "  - editors\n", "  - jroe\n",
                                "last-reviewed: 2025-01-10 # the first review\n"],
                               ['reviewed-by: "Dr. O\'Neil: editor"\n',
                                "last-reviewed: 2026-06-01\n"])
    assert changes == [Change("reviewed-by", "- editors - jroe", 2),
                       Change("last-reviewed", "2025-01-10 # the first review", 3)]


def test_front_matter_gets_new_fields_before_it_closes() -> None:
    text = "---\ntitle: Alignment\n---\n# Alignment\n"
    new, _ = record_in_page(text, None, DATE, "md")
    assert new == "---\ntitle: Alignment\nlast-reviewed: 2026-06-01\n---\n# Alignment\n"


def test_a_myst_page_without_front_matter_gets_one() -> None:
    new, _ = record_in_page("# Alignment\n", None, BOTH, "md")
    assert new == "---\nreviewed-by: hdesai\nlast-reviewed: 2026-06-01\n---\n# Alignment\n"


def test_myst_concept_options_in_both_forms() -> None:
    new, changes = record_in_concept(MYST, 10, DATE, "md")
    assert diff(MYST, new) == ([], [":last-reviewed: 2026-06-01\n"])
    assert new.split("\n")[9:13] == ["```{concept}", ":tags: safety",
                                     ":last-reviewed: 2026-06-01",
                                     "Making systems pursue what people mean."]
    assert changes == [Change("last-reviewed", "", 12)]
    new, changes = record_in_concept(MYST, 15, BOTH, "md")
    assert diff(MYST, new) == (["last-reviewed: 2024-01-01\n"],
                               ["last-reviewed: 2026-06-01\n", "reviewed-by: hdesai\n"])


@pytest.mark.parametrize(("front_matter", "reason"), [
    ("---\nreviewed-by: [editors\nlast-reviewed: 2025-01-10\n---\n",
     "its front matter is not valid YAML: .* \\(line 3\\)"),
    ("---\n- editors\n---\n", "its front matter is not a list of 'name: value' fields"),
    ("---\nreviewed-by: editors\n", "the block that starts on line 1 with --- never ends"),
])
def test_broken_front_matter_is_refused(front_matter: str, reason: str) -> None:
    text = front_matter + "# Alignment\n\n```{concept}\nText.\n```\n"
    with pytest.raises(EditError, match=reason):
        record_in_page(text, None, DATE, "md")
    with pytest.raises(EditError, match=reason):
        record_in_concept(text, text.count("\n", 0, text.index("```")) + 1, DATE, "md")


def test_yaml_values_are_quoted_only_when_needed() -> None:
    assert scalar("hdesai, jroe") == "hdesai, jroe"
    assert scalar("Jo O'Neil") == "Jo O'Neil"
    for needs_quotes in ("yes", "null", "007", "a: b", "x # y", "[a]", "- a", "Ü: ü"):
        assert scalar(needs_quotes).startswith('"'), needs_quotes


def test_a_file_is_written_whole_and_keeps_its_mode(tmp_path: Path) -> None:
    path = tmp_path / "entry.rst"
    path.write_bytes(b"old\r\n")
    path.chmod(0o640)
    write_file(path, b"new\r\n")
    assert path.read_bytes() == b"new\r\n"
    assert stat.S_IMODE(path.stat().st_mode) == 0o640
    assert [p.name for p in tmp_path.iterdir()] == ["entry.rst"]  # no temporary file left


def test_a_file_written_through_a_link_stays_a_link(tmp_path: Path) -> None:
    (tmp_path / "real.rst").write_text("old\n", encoding="utf-8")
    (tmp_path / "link.rst").symlink_to("real.rst")
    write_file(tmp_path / "link.rst", b"new\n")
    assert (tmp_path / "link.rst").is_symlink()
    assert (tmp_path / "real.rst").read_text(encoding="utf-8") == "new\n"


def test_read_only_files_are_recognised_even_by_root(tmp_path: Path) -> None:
    path = tmp_path / "entry.rst"
    path.write_text("x\n", encoding="utf-8")
    assert not is_read_only(path)
    path.chmod(0o444)
    assert is_read_only(path)


def test_myst_options_quote_what_myst_would_misread() -> None:
    text = "```{concept} A\n:tags: x\nBody.\n```\n"
    new, _ = record_in_concept(text, 1, {"reviewed-by": "Jo # editor"}, "md")
    assert new == '```{concept} A\n:tags: x\n:reviewed-by: "Jo # editor"\nBody.\n```\n'
    rst = ".. concept:: A\n\n   Body.\n"
    new, _ = record_in_concept(rst, 1, {"reviewed-by": "Jo # editor"}, "rst")
    assert ":reviewed-by: Jo # editor\n" in new  # reST takes option text as it is
