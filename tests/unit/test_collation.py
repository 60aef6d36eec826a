"""A–Z order and letter groups as each language files them: CLDR through PyICU, and built in.

Every test runs twice: with the built-in rules, and with ICU's CLDR data (PyICU is in the
``test`` extra; without it these fail and say how to install it).
"""

from __future__ import annotations

from collections.abc import Callable
from itertools import groupby

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sphinx_aiguide import collation as module
from sphinx_aiguide.collation import Collation, IcuCollation, collation

Engine = Callable[[str | None], Collation]

TERMS = ["Zebra", "Äpple", "Örebro", "Åsa", "apple", "Überanpassung", "Value Alignment"]


@pytest.fixture(params=["built-in", "icu"])
def engine(request: pytest.FixtureRequest) -> Engine:
    if request.param == "built-in":
        return Collation
    if module.pyicu() is None:
        pytest.fail('PyICU is missing: run `python -m pip install -e ".[test]"` (it builds '
                    "against Debian's libicu-dev)", pytrace=False)
    return IcuCollation


def order(engine: Engine, language: str | None, terms: list[str]) -> list[str]:
    return sorted(terms, key=engine(language).key)


def groups(engine: Engine, language: str | None, terms: list[str]) -> list[tuple[str, list[str]]]:
    """The letter groups of *terms*, as an A–Z index shows them."""
    files = engine(language)
    return [(letter, list(run)) for letter, run
            in groupby(sorted(terms, key=files.key), key=files.letter)]


@pytest.mark.parametrize("language", ["en", "de", "fr", None])
def test_accents_file_under_their_base_letter(engine: Engine, language: str | None) -> None:
    assert order(engine, language, TERMS) == [
        "apple", "Äpple", "Åsa", "Örebro", "Überanpassung", "Value Alignment", "Zebra"]
    assert engine(language).letter("Überanpassung") == "U"


def test_spanish_files_enye_as_a_letter_after_n(engine: Engine) -> None:
    terms = ["Oso", "Ñandú", "Nube", "nz", "Nación"]
    assert groups(engine, "es", terms) == [
        ("N", ["Nación", "Nube", "nz"]), ("Ñ", ["Ñandú"]), ("O", ["Oso"])]
    # everywhere else Ñ is an N with a mark
    assert groups(engine, "en", terms) == [
        ("N", ["Nación", "Ñandú", "Nube", "nz"]), ("O", ["Oso"])]


def test_german_files_umlauts_and_sharp_s_with_their_base_letters(engine: Engine) -> None:
    terms = ["Öl", "Ober", "Straße", "Strasse", "Strand", "Äpfel", "Apfel", "Ufer", "Übung"]
    assert groups(engine, "de", terms) == [
        ("A", ["Apfel", "Äpfel"]), ("O", ["Ober", "Öl"]),
        ("S", ["Strand", "Strasse", "Straße"]), ("U", ["Übung", "Ufer"])]


def test_french_accents_and_ligatures(engine: Engine) -> None:
    terms = ["Ecole", "Éclair", "Œuvre", "Ordinateur", "Ça", "Cas", "Élève"]
    assert groups(engine, "fr", terms) == [
        ("C", ["Ça", "Cas"]), ("E", ["Éclair", "Ecole", "Élève"]),
        ("O", ["Œuvre", "Ordinateur"])]  # œ is oe


@pytest.mark.parametrize("language", ["sv", "sv_SE", "fi"])
def test_swedish_and_finnish_letters_come_after_z(engine: Engine, language: str) -> None:
    assert groups(engine, language, [*TERMS, "Æble", "Øre", "Yxa"]) == [
        ("A", ["apple"]), ("V", ["Value Alignment"]),
        ("Y", ["Überanpassung", "Yxa"]),  # ü is a y to Swedes and Finns
        ("Z", ["Zebra"]), ("Å", ["Åsa"]), ("Ä", ["Æble", "Äpple"]), ("Ö", ["Øre", "Örebro"])]


@pytest.mark.parametrize("language", ["da", "nb"])
def test_danish_and_norwegian_letters_come_after_z(engine: Engine, language: str) -> None:
    assert groups(engine, language, ["Ål", "Øre", "Æble", "Zoo", "Aarhus", "Äpple", "Abe"]) == [
        ("A", ["Abe"]), ("Z", ["Zoo"]), ("Æ", ["Æble", "Äpple"]), ("Ø", ["Øre"]),
        ("Å", ["Ål", "Aarhus"])]  # aa is å


def test_terms_without_a_leading_letter_file_under_hash_first(engine: Engine) -> None:
    assert groups(engine, "en", ["Zero", "3D reconstruction", "“Quoted”", "Apple"]) == [
        ("#", ["“Quoted”", "3D reconstruction"]), ("A", ["Apple"]), ("Z", ["Zero"])]


KANA = ["ロボット", "わに", "ん", "たぬき", "タヌキ", "がっこう", "かめ", "ぱん", "アテンション",
        "ゃくそく"]


@pytest.mark.parametrize("language", ["ja", "zh_CN", "en"])
def test_kana_file_under_the_rows_of_the_syllabary(engine: Engine, language: str) -> None:
    assert groups(engine, language, KANA) == [
        ("あ", ["アテンション"]), ("か", ["がっこう", "かめ"]), ("た", ["たぬき", "タヌキ"]),
        ("は", ["ぱん"]), ("や", ["ゃくそく"]), ("ら", ["ロボット"]), ("わ", ["わに", "ん"])]


@pytest.mark.parametrize("language", ["ja", "zh_CN", "en"])
def test_han_characters_file_under_themselves_after_letters_and_kana(
        engine: Engine, language: str) -> None:
    terms = ["過学習", "注意力", "大規模言語モデル", "大模型", "トークン", "Transformer", "2値化"]
    assert [letter for letter, _terms in groups(engine, language, terms)] == [
        "#", "T", "た", "大", "注", "過"]  # Unicode's order of the characters: by radical


def test_a_reading_files_a_term_by_its_reading() -> None:
    files = collation("ja")
    assert files.letter("だいきぼげんごもでる") == "た"  # as :sort-as: gives it
    assert files.letter("shenjing wangluo") == "S"  # pinyin


@pytest.mark.parametrize("language", ["xx", "klingon", ""])
def test_a_language_cldr_does_not_know_sorts_the_english_way(engine: Engine,
                                                               language: str) -> None:
    terms = [*TERMS, "Ñandú", "Nube"]
    assert groups(engine, language, terms) == groups(engine, "en", terms)


LANGUAGES = ["en", "de", "fr", "es", "sv", "fi", "da", "nb", "ja", "zh_CN"]
WORDS = ["Zebra", "Äpple", "Örebro", "Åsa", "apple", "Überanpassung", "Ñandú", "Nube", "Éclair",
         "Ecole", "Straße", "Strasse", "Æble", "Øre", "Ål", "Aarhus", "Wolf", "Vogel", "Œuvre",
         "Yacht", "3D", "“Quoted”", "たぬき", "タヌキ", "がっこう", "大規模言語モデル", "过拟合",
         "Łódź", "Ωmega", "Chaos", "cz", "Cz", "ubahn", "Ubahn"]


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_built_in_rules_agree_with_cldr(engine: Engine, language: str) -> None:
    assert groups(Collation, language, WORDS) == groups(engine, language, WORDS)


@given(st.lists(st.text(min_size=1, max_size=6), max_size=30),
       st.sampled_from(LANGUAGES))
def test_each_letter_group_is_one_run_of_the_order(terms: list[str], language: str) -> None:
    for files in (Collation(language), collation(language)):
        letters = [files.letter(term) for term in sorted(terms, key=files.key)]
        runs = [letter for letter, _run in groupby(letters)]
        assert len(runs) == len(set(runs)), runs
