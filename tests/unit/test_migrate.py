"""The text side of ``sphinx-aiguide migrate``: glossary blocks as written, and their concepts."""

from __future__ import annotations

from sphinx_aiguide.migrate.source import (
    Comment,
    Entry,
    parse_block,
    render_comment,
    render_concept,
    render_glossary,
)

RST = """\
Intro.

  .. glossary::
     :sorted:

     .. A comment at term level
        that goes on.

     Alpha
     Alias
        First line.

        Second paragraph.

     Beta
\tTabbed definition.

After.
""".splitlines()


def test_a_rst_block_is_read_by_sphinx_s_line_rules() -> None:
    block = parse_block(RST, 2, "rst")
    assert block is not None
    assert (block.start, block.end, block.indent) == (2, 16, "  ")
    assert block.options == ["     :sorted:"]
    comment, alpha, beta = block.chunks
    assert isinstance(comment, Comment)
    assert comment.text == [".. A comment at term level", "   that goes on."]
    assert isinstance(alpha, Entry) and isinstance(beta, Entry)
    assert (alpha.first, alpha.terms) == (8, ["Alpha", "Alias"])
    assert alpha.definition == ["First line.", "", "Second paragraph."]
    assert beta.definition == ["Tabbed definition."]  # a tab is eight columns, as in docutils
    assert parse_block(RST, 0, "rst") is None


def test_a_rst_concept_keeps_the_glossary_s_indentation() -> None:
    block = parse_block(RST, 2, "rst")
    assert block is not None
    alpha = block.entries[0]
    assert render_concept(block, "Alpha", ["Alias"], alpha) == [
        "  .. concept:: Alpha", "     :aliases: Alias", "", "     First line.", "",
        "     Second paragraph."]
    assert render_comment(block, block.chunks[0]) == [  # type: ignore[arg-type]
        "  .. A comment at term level", "     that goes on."]
    assert render_glossary(block, [block.entries[1]]) == [
        "  .. glossary::", "     :sorted:", "", "     Beta", "\tTabbed definition."]


MD = """\
# Page

````{glossary}
.. A comment
Term
  Before code:

  ```python
  x = 1
  ```

Other
  Plain.
````
""".splitlines()


def test_a_myst_concept_gets_a_fence_longer_than_any_inside_it() -> None:
    block = parse_block(MD, 2, "md")
    assert block is not None
    assert (block.end, block.fence) == (14, "````")
    comment, term, other = block.chunks
    assert isinstance(term, Entry) and isinstance(other, Entry)
    assert render_concept(block, "Term", [], term) == [
        "````{concept} Term", "", "Before code:", "", "```python", "x = 1", "```", "````"]
    # the definition was indented inside the glossary: dedented, its fence would close ours
    block.fence = "```"
    assert render_concept(block, "Term", [], term)[0] == "````{concept} Term"
    assert render_comment(block, comment) == ["% A comment"]  # type: ignore[arg-type]


def test_a_myst_block_with_yaml_options_and_no_closing_fence() -> None:
    lines = ["```{glossary}", "---", "sorted: true", "---", "Term", "  Text.", "```"]
    block = parse_block(lines, 0, "md")
    assert block is not None
    assert block.options == ["---", "sorted: true", "---"]
    assert block.entries[0].terms == ["Term"]
    assert parse_block(lines[:-1], 0, "md") is None
