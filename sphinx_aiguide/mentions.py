"""Finding mentions of concept names in running text: the matching rules, and nothing else.

A mention is a whole-word match of a name, word by word:

- a word with a capital after its first letter (``LLM``, ``GPT-4``, ``iPhone``, ``A/B``)
  matches only as written; every other word matches in any case (a hyphen joins words:
  ``Zero-Shot`` matches ``zero-shot``);
- the words may be apart by any run of white space (a source line may break between them);
- the last word may be in its English plural (``embeddings``, ``LLMs``, ``policies``,
  ``biases``); irregular plurals are aliases;
- a match never touches a letter, digit or ``_`` of a script written with spaces
  (``remodel`` holds no ``model``, ``C++11`` no ``C++``, but ``LLMの`` holds ``LLM``); a
  name written in a script without spaces between words (Chinese, Japanese, Thai …)
  matches as written wherever it stands (``過学習とは``);
- of the names that match at the leftmost place, the longest wins (``large language
  models`` is one mention of *Large Language Model*, not of *Language Model*);
- a name of more than :data:`LONGEST` characters is not looked for.

:class:`Matcher` is built once per build from every name. Its cost per text does not grow
with the number of names: the names are merged into one trie of characters, written as one
regular expression in which each step offers only the next characters some name continues
with, so the regex engine (C code) spends a few comparisons per character of text. Case
rules that a case-insensitive trie cannot express (``LLM`` but not ``llm``) are checked on
each match, in Python, with a dictionary look-up.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from sphinx_aiguide.text import term_key

#: Scripts written without spaces between words: CJK ideographs (with extensions and
#: compatibility forms), kana, iteration marks, Thai, Lao, Khmer and Myanmar.
UNSPACED = ("\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff\u3005-\u3007\u3040-\u30ff\u31f0-\u31ff"
            "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff66-\uff9f\U00020000-\U0003134f")
_UNSPACED = re.compile(f"[{UNSPACED}]")
#: A letter, digit or ``_`` of a spaced script: what a whole-word match may not touch.
_SPACED_WORD = f"[^\\W{UNSPACED}]"
_SPACED_WORD_CHAR = re.compile(_SPACED_WORD)
#: Whole words: a match that starts (ends) with a character of a spaced script may not
#: follow (precede) a letter, digit or ``_`` of one. Written once around the whole trie:
#: when the end fails, the engine backtracks into the trie for a shorter name.
_START = f"(?:(?=[{UNSPACED}])|(?<!{_SPACED_WORD}))"
_END = f"(?:(?<=[{UNSPACED}])|(?!{_SPACED_WORD}))"
_CONSONANT_Y = re.compile(r"[b-df-hj-np-tv-z]y$")
_SIBILANT = re.compile(r"(?:s|x|z|ch|sh)$")
_ASCII_END = re.compile(r"[A-Za-z0-9]$")
_WORD = re.compile(r"\w")
#: Names longer than this (in characters, white space folded) are not looked for: no
#: prose mentions them, and each character is a level of the trie.
LONGEST = 100
#: Joins texts searched in one pass: no mention spans it (it is neither a letter nor
#: white space, and no name holds it).
SEPARATOR = "\x00"
#: Stands for "one or more white space characters" in a trie path.
_SPACE = SEPARATOR


def plural(word: str) -> str | None:
    """The regular English plural of *word*, or ``None`` when it has none.

    ``policy`` → ``policies``, ``bias`` → ``biases``, ``LLM`` → ``LLMs`` (the ending is
    written in lower case, as after acronyms); a word that does not end in a Latin letter
    or digit (``C++``, ``過学習``) has none.
    """
    if not _ASCII_END.search(word):
        return None
    lower = word.lower()
    if _CONSONANT_Y.search(lower):
        return word[:-1] + "ies"
    if _SIBILANT.search(lower):
        return word + "es"
    return word + "s"


def name_forms(name: str) -> list[str]:
    """*name* and, when its last word has one, the name with that word in the plural."""
    words = name.split()
    if not words:
        return []
    last = plural(words[-1])
    return [" ".join(words)] if last is None else [" ".join(words),
                                                    " ".join([*words[:-1], last])]


def _as_written(word: str) -> bool:
    """Whether *word* matches only as written: it has a capital after its first letter.

    A hyphen joins words: ``Zero-Shot`` is two words that match in any case (``zero-shot``),
    ``GPT-4`` and ``k-NN`` hold one each that does not. Marks before the first letter do
    not count: ``[Model]`` matches in any case, ``(RM)`` only as written.
    """
    for part in word.split("-"):
        letters = part.lstrip("".join(c for c in part if not c.isalpha()))
        if any(char.isupper() for char in letters[1:]):
            return True
    return False


def _spaced_word_char(char: str) -> bool:
    return bool(_SPACED_WORD_CHAR.match(char))


def _unspaced(char: str) -> bool:
    return bool(_UNSPACED.match(char))


def _key(text: str) -> str:
    """How a trie path reads the text it matched: lower case, white space as one mark."""
    return _SPACE.join(text.lower().split())


class Mention(NamedTuple):
    """Where a name is mentioned in a text, and the lookup key of that name."""

    start: int
    end: int
    #: :func:`~sphinx_aiguide.text.term_key` of the name (never of its plural).
    key: str


class _Form(NamedTuple):
    """One spelling a name matches in: its words, which of them only as written, its key."""

    words: tuple[str, ...]
    exact: tuple[bool, ...]
    name_key: str

    def accepts(self, words: list[str]) -> bool:
        return len(words) == len(self.words) and all(
            text == word for text, word, exact in zip(words, self.words, self.exact,
                                                      strict=True) if exact)


class _Node:
    __slots__ = ("children", "end")

    def __init__(self) -> None:
        self.children: dict[str, _Node] = {}
        self.end = False


def _pattern(char: str) -> str:
    # possessive: a run of white space is taken whole, never tried shorter
    return r"\s++" if char == _SPACE else re.escape(char)


def _emit(node: _Node) -> str:
    """The regular expression for the paths below *node*.

    Going on comes before ending here, so the engine's first success is the longest
    match (and when the whole-word check after it fails, the engine backs up to a
    shorter name).
    """
    branches = [_pattern(step) + _emit(child) for step, child in sorted(node.children.items())]
    if node.end:
        branches.append("")
    if len(branches) == 1:
        return branches[0]
    return "(?:" + "|".join(branches) + ")"


class Matcher:
    """Every name, compiled into one regular expression, and the forms it stands for.

    A name and its plural may be spelt alike (*Model* in the plural and a concept named
    *Models*): the name itself wins.
    """

    def __init__(self, names: list[str]) -> None:
        self._forms: dict[str, list[_Form]] = {}
        root = _Node()
        # "—" alone is no word, and a name may not hold the separator
        usable = [name for name in names if _WORD.search(name) and SEPARATOR not in name
                  and len(" ".join(name.split())) <= LONGEST]
        for plurals in (False, True):
            for name in usable:
                forms = name_forms(name)
                for form in forms[1:] if plurals else forms[:1]:
                    key = _key(form)
                    entry = _Form(tuple(form.split()), tuple(map(_as_written, name.split())),
                                  term_key(name))
                    if entry not in self._forms.setdefault(key, []):
                        self._forms[key].append(entry)
                    node = root
                    for char in key:
                        node = node.children.setdefault(char, _Node())
                    node.end = True
        self.pattern = re.compile(_START + _emit(root) + _END, re.IGNORECASE) \
            if root.children else None

    def __bool__(self) -> bool:
        return self.pattern is not None

    def find(self, text: str) -> list[Mention]:
        """The mentions in *text*, left to right, none overlapping another."""
        found: list[Mention] = []
        if self.pattern is None:
            return found
        position = 0
        while (match := self.pattern.search(text, position)) is not None:
            start = match.start()
            mention = self._accept(text, start, match.end())
            if mention is None:
                position = start + 1
            else:
                found.append(mention)
                position = mention.end
        return found

    def _accept(self, text: str, start: int, end: int) -> Mention | None:
        """The longest mention from *start* to *end* or before that the case rules allow.

        The regular expression ignores case; a name that must be written as it is
        (``LLM``) is checked here, and a shorter name is tried when the longer fails.
        """
        for stop in range(end, start, -1):
            if stop < end and (text[stop - 1].isspace() or not _may_end(text, stop)):
                continue
            forms = self._forms.get(_key(text[start:stop]))
            if not forms:
                continue
            words = text[start:stop].split()
            for form in forms:
                if form.accepts(words):
                    return Mention(start, stop, form.name_key)
        return None


def _may_end(text: str, stop: int) -> bool:
    """Whether a match may end just before ``text[stop]``: the rule of :func:`_emit`."""
    return stop >= len(text) or _unspaced(text[stop - 1]) \
        or not _spaced_word_char(text[stop])
