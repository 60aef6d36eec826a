"""Slugs, option lists and A–Z sorting, as writers and readers of each language expect."""

from __future__ import annotations

import pytest

from sphinx_aiguide.text import (
    collation_key,
    fold,
    index_letter,
    slugify,
    split_list,
    stacked_aliases,
    term_key,
)

TERMS = ["Zebra", "Äpple", "Örebro", "Åsa", "apple", "Überanpassung", "Value Alignment"]


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


@pytest.mark.parametrize("language", ["en", "de", "fr", None])
def test_accents_file_under_their_base_letter(language: str | None) -> None:
    assert sorted(TERMS, key=lambda t: collation_key(t, language)) == [
        "apple", "Äpple", "Åsa", "Örebro", "Überanpassung", "Value Alignment", "Zebra"]
    assert index_letter("Überanpassung", language) == "U"


@pytest.mark.parametrize("language", ["sv", "sv_SE", "fi"])
def test_nordic_letters_come_after_z(language: str) -> None:
    assert sorted(TERMS, key=lambda t: collation_key(t, language)) == [
        "apple", "Überanpassung", "Value Alignment", "Zebra", "Åsa", "Äpple", "Örebro"]
    assert [index_letter(t, language) for t in ("Åsa", "Äpple", "Örebro")] == ["Å", "Ä", "Ö"]


def test_danish_order_of_its_own_letters() -> None:
    assert sorted(["Ål", "Øre", "Æble", "Zoo"], key=lambda t: collation_key(t, "da")) == [
        "Zoo", "Æble", "Øre", "Ål"]


def test_terms_without_a_leading_letter_file_under_hash() -> None:
    assert index_letter("3D reconstruction") == "#"
    assert index_letter("“Quoted”") == "#"


def test_stacked_terms_become_aliases_once_each() -> None:
    assert stacked_aliases(["Embedding", "vector representation", "embedding",
                            "Vector  Representation", "Einbettung"]) == [
        "vector representation", "Einbettung"]
    assert stacked_aliases(["Only"]) == []
