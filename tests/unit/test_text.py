"""Slugs, lookup keys and option lists, as writers of each language expect."""

from __future__ import annotations

from sphinx_aiguide.text import fold, slugify, split_list, stacked_aliases, term_key


def test_slugs_keep_letters_of_every_script() -> None:
    assert slugify("Instrumental Convergence") == "instrumental-convergence"
    assert slugify("Ωmega Ζήτα") == "ωmega-ζήτα"
    assert slugify("大規模言語モデル") == "大規模言語モデル"
    # terms without letters get a checksum: the same in every build and release (links to
    # it must keep working), and different for different terms
    assert slugify("!!!") == "0638f078"
    assert slugify("???") != slugify("!!!")


def test_lookup_keys_ignore_case_width_and_spacing() -> None:
    assert term_key("Large  Language\nModel") == term_key("large language model")
    # full-width letters, as a Japanese keyboard types them
    assert term_key("\uff2c\uff2c\uff2d") == term_key("llm") == "llm"
    assert term_key("Straße") == term_key("STRASSE")
    assert term_key("Value Alignment") != term_key("Value-Alignment")


def test_fold_makes_one_line() -> None:
    assert fold("  How does\n   it   work?\t") == "How does it work?"


def test_option_lists_drop_empty_items_and_quotes() -> None:
    assert split_list('IC, "Convergent goals", , \'x y\'') == ["IC", "Convergent goals", "x y"]
    assert split_list('["a", "b"]') == ["a", "b"]  # a YAML list from MyST front matter



def test_stacked_terms_become_aliases_once_each() -> None:
    assert stacked_aliases(["Embedding", "vector representation", "embedding",
                            "Vector  Representation", "Einbettung"]) == [
        "vector representation", "Einbettung"]
    assert stacked_aliases(["Only"]) == []
