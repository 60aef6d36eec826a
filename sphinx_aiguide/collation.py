"""A–Z order and letter groups as readers of each language expect them.

With PyICU installed (``pip install "sphinx-aiguide[icu]"``) the order and the index
letters are CLDR's, as ICU has them for the project's ``language``. Without it, built-in
rules give the same result for English, German and French (accents and case are
secondary: *Überanpassung* under U), Spanish (Ñ is a letter of its own, after N),
Swedish and Finnish (Å, Ä, Ö after Z) and Danish and Norwegian (Æ, Ø, Å after Z).

Some rules are the package's own and hold in both, in every language:

- a term that starts with no letter (a digit, a quotation mark) files under ``#``, first;
- a term that starts with kana files under its row of the Japanese syllabary
  (あ か さ た な は ま や ら わ), after the alphabets' letters;
- a term that starts with a Han character files under that character, last, in Unicode's
  order of the characters (by radical, then strokes), which needs no reading. A reading
  given with ``:sort-as:`` (kana, or pinyin in Latin letters) files it by the reading.

A sort key starts with the rank of the term's group, so that every group is one run of
the ordered list, whichever engine orders the terms inside the groups.
"""

from __future__ import annotations

import unicodedata
from bisect import bisect_right
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from sphinx_aiguide.locales import reader_locale

#: PyICU once :func:`pyicu` has looked for it (``None``: the optional "icu" extra is not
#: installed). Loading it takes longer than the rest of a no-op build's own work, so it
#: waits until something is sorted.
icu: Any = ...


def pyicu() -> Any:
    """The ``icu`` module, loaded on first use, or ``None`` without the "icu" extra."""
    global icu  # noqa: PLW0603 - loaded once, on first use
    if icu is ...:
        try:
            import icu as module  # noqa: PLC0415
        except ImportError:
            module = None
        icu = module
    return icu

#: The group of terms that start with no letter.
OTHER = "#"
#: The first kana of each row of the syllabary, in its order.
KANA_ROWS = "あかさたなはまやらわ"
_LATIN = "abcdefghijklmnopqrstuvwxyz"
_KATAKANA = range(0x30A1, 0x30F7)
_HIRAGANA = range(0x3041, 0x3097)
_SMALL_KANA = str.maketrans("ぁぃぅぇぉっゃゅょゎゕゖ", "あいうえおつやゆよわかけ")
#: Latin letters that do not decompose, as CLDR's root order files them.
_EXPANSIONS = str.maketrans({"æ": "ae", "œ": "oe", "ø": "o", "đ": "d", "ð": "d",
                             "ħ": "h", "ł": "l"})


@dataclass(frozen=True)
class Alphabet:
    """A language's letters in order, and what it files as one of them."""

    letters: str = _LATIN
    #: letters sorted as another letter (Swedish ü as y)
    same: Mapping[str, str] = field(default_factory=dict)
    #: two letters sorted as one (Danish aa as å)
    digraphs: Mapping[str, str] = field(default_factory=dict)
    #: capitals before small letters when nothing else differs (Danish)
    upper_first: bool = False


_FINNISH = Alphabet(_LATIN + "åäö", {"æ": "ä", "ø": "ö", "ü": "y"})
_DANISH = Alphabet(_LATIN + "æøå", {"ä": "æ", "ö": "ø", "ü": "y"}, {"aa": "å"},
                   upper_first=True)
_NORWEGIAN = Alphabet(_DANISH.letters, {**_DANISH.same, "œ": "ø"}, _DANISH.digraphs)
#: The alphabets the built-in rules know beyond a–z, by CLDR language code (as CLDR has
#: them, Swedish files œ as ö and Finnish as oe; Danish puts capitals first).
ALPHABETS = {
    "es": Alphabet(_LATIN.replace("n", "nñ")),
    "sv": Alphabet(_FINNISH.letters, {**_FINNISH.same, "œ": "ö"}),
    "fi": _FINNISH,
    "da": _DANISH,
    "nb": _NORWEGIAN, "nn": _NORWEGIAN, "no": _NORWEGIAN,
}


def is_han(char: str) -> bool:
    """Whether *char* is a Han character (kanji, hanzi)."""
    return unicodedata.name(char, "").startswith(("CJK UNIFIED IDEOGRAPH",
                                                  "CJK COMPATIBILITY IDEOGRAPH"))


def _plain_kana(char: str) -> str:
    """Hiragana for katakana, full size for small kana; other characters as they are."""
    if ord(char) in _KATAKANA:
        char = chr(ord(char) - 0x60)
    return char.translate(_SMALL_KANA)


def kana_row(char: str) -> str:
    """The row of the syllabary *char* files under (あ for ア, か for が), or ""."""
    base = _plain_kana(unicodedata.normalize("NFKD", char)[:1])  # voicing marks dropped
    if not base or ord(base) not in _HIRAGANA:
        return ""
    return KANA_ROWS[bisect_right(KANA_ROWS, base) - 1]


def _base(char: str) -> str:
    """*char* without accents, expanded as CLDR's root order reads it (æ as ae)."""
    decomposed = unicodedata.normalize("NFKD", char)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return "".join(map(_plain_kana, plain.translate(_EXPANSIONS)))


class Collation:
    """Sort keys and index letters of one language: the built-in rules."""

    def __init__(self, language: str | None) -> None:
        self.locale = reader_locale(language)
        self.alphabet = ALPHABETS.get(self.locale.language, Alphabet())

    def letter(self, text: str) -> str:
        """The heading *text* files under in an A–Z index (``#`` for no letter)."""
        text = unicodedata.normalize("NFC", text.strip())
        first = text[:1]
        if not first.isalpha():
            return OTHER
        if is_han(first):
            return unicodedata.normalize("NFKC", first)
        return kana_row(first) or self._letter(text) or self._own_letter(text)

    def key(self, text: str) -> tuple[Any, ...]:
        """The sort key of *text*: its group's rank, then the language's order in it."""
        return self._rank(self.letter(text)), self._weights(text), text

    def _rank(self, letter: str) -> tuple[Any, ...]:
        if letter == OTHER:
            return (0,)
        if letter in KANA_ROWS:
            return 2, KANA_ROWS.index(letter)
        if is_han(letter):
            return 3, ord(letter)
        return 1, self._weights(letter)

    def _letter(self, text: str) -> str:
        """The letter the collation engine files *text* under, or "" (built-in: none)."""
        return ""

    def _folded(self, text: str) -> str:
        folded = unicodedata.normalize("NFC", text.strip()).casefold()
        for pair, letter in self.alphabet.digraphs.items():
            folded = folded.replace(pair, letter)
        return folded

    def _own_letter(self, text: str) -> str:
        first = self._folded(text)[:1]
        first = self.alphabet.same.get(first, first)
        if first in self.alphabet.letters:
            return first.upper()
        base = _base(first)[:1]
        return base.upper() if base.isalpha() else OTHER

    def _weights(self, text: str) -> Any:
        """Letters by the alphabet's order; accents, then case (small first) break ties."""
        folded = self._folded(text)
        letters = self.alphabet.letters
        primary: list[tuple[int, int]] = []
        for char in folded:
            char = self.alphabet.same.get(char, char)
            for base in char if char in letters else _base(char):
                if base in letters:
                    primary.append((3, letters.index(base)))
                elif base.isdigit():
                    primary.append((2, ord(base)))
                else:  # other scripts after the alphabet; spaces and marks before all
                    primary.append((4 if base.isalpha() else 1, ord(base)))
        return tuple(primary), folded, text if self.alphabet.upper_first else text.swapcase()


class IcuCollation(Collation):
    """CLDR's collation and index letters of one language, through PyICU."""

    def __init__(self, language: str | None) -> None:
        super().__init__(language)
        icu = pyicu()
        assert icu is not None
        locale = icu.Locale(str(self.locale))
        self._collator = icu.Collator.createInstance(locale)
        index = icu.AlphabeticIndex(locale)
        index.addLabels(icu.Locale.getEnglish())  # Latin letters in every language
        self._index = index.buildImmutableIndex()

    def _letter(self, text: str) -> str:
        label, kind = self._index.getBucket(self._index.getBucketIndex(text))
        return str(label) if kind == pyicu().UAlphabeticIndexLabelType.NORMAL else ""

    def _weights(self, text: str) -> Any:
        return self._collator.getSortKey(unicodedata.normalize("NFC", text))


def collation(language: str | None) -> Collation:
    """The collation of *language*: CLDR's through PyICU when installed, else built in."""
    return _collation(language, pyicu() is not None)


@cache
def _collation(language: str | None, with_icu: bool) -> Collation:
    return IcuCollation(language) if with_icu else Collation(language)
