"""Which words are mentions of which names: the rules of SPEC §12, one by one."""

from __future__ import annotations

import random
import re
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sphinx_aiguide.mentions import SEPARATOR, Matcher, name_forms, plural
from sphinx_aiguide.text import term_key


def mentions(names: list[str], text: str) -> list[tuple[str, str]]:
    """``(text as written, lookup key of the name)`` of each mention of *names* in *text*."""
    return [(text[m.start:m.end], m.key) for m in Matcher(names).find(text)]


@pytest.mark.parametrize("word, expected", [
    ("embedding", "embeddings"), ("LLM", "LLMs"), ("policy", "policies"), ("day", "days"),
    ("bias", "biases"), ("box", "boxes"), ("batch", "batches"), ("GPT-4", "GPT-4s"),
    ("C++", None), ("過学習", None), ("(x)", None),
])
def test_english_plurals(word: str, expected: str | None) -> None:
    assert plural(word) == expected


def test_only_the_last_word_takes_the_plural() -> None:
    assert name_forms("Large Language Model") == ["Large Language Model",
                                                  "Large Language Models"]
    assert name_forms("  A/B   test ") == ["A/B test", "A/B tests"]
    assert name_forms("C++") == ["C++"]


def test_words_match_in_any_case_unless_capitals_follow_the_first_letter() -> None:
    names = ["Large Language Model", "LLM", "GPT-4", "iPhone", "A/B test", "k-NN"]
    text = ("large language models, LARGE LANGUAGE MODEL, LLM, llm, Llm, GPT-4, gpt-4, "
            "iPhone, iphone, A/B test, a/b test, A/B TEST, k-NN, K-NN")
    assert [found for found, _key in mentions(names, text)] == [
        "large language models", "LARGE LANGUAGE MODEL", "LLM", "GPT-4", "iPhone",
        "A/B test", "A/B TEST", "k-NN"]


def test_a_hyphen_joins_words() -> None:
    assert mentions(["Zero-Shot Learning"], "zero-shot learning, ZERO-SHOT learning") == [
        ("zero-shot learning", "zero-shot learning"),
        ("ZERO-SHOT learning", "zero-shot learning")]


def test_plurals_of_the_last_word_name_the_concept() -> None:
    names = ["Embedding", "LLM", "Policy", "Bias"]
    assert mentions(names, "Embeddings, LLMs, policies, biases; LLMS, policys") == [
        ("Embeddings", "embedding"), ("LLMs", "llm"), ("policies", "policy"),
        ("biases", "bias")]


def test_irregular_plurals_only_through_aliases() -> None:
    assert mentions(["Mouse"], "mice and mouses") == [("mouses", "mouse")]
    assert mentions(["Mouse", "mice"], "mice") == [("mice", "mice")]


def test_whole_words_only() -> None:
    names = ["model", "C++", "(x)", "LLM"]
    text = "remodel models_x model_name C++11 f(x) LLM-based LLM's (x) C++, model."
    assert [found for found, _key in mentions(names, text)] == [
        "LLM", "LLM", "(x)", "C++", "model"]


def test_line_breaks_and_runs_of_spaces_between_words() -> None:
    names = ["Large Language Model"]
    for text in ("large\nlanguage model", "large  language\u00a0model",
                 "large\n   language\tmodel"):
        assert mentions(names, text) == [(text, "large language model")]
    assert mentions(names, "large-language model") == []


def test_scripts_without_spaces_match_as_written() -> None:
    names = ["過学習", "大規模言語モデル", "LLM", "Überanpassung"]
    text = "過学習とは何か。大規模言語モデルの過学習。LLMの話。überanpassung und ÜBERANPASSUNG"
    assert mentions(names, text) == [
        ("過学習", "過学習"), ("大規模言語モデル", "大規模言語モデル"), ("過学習", "過学習"),
        ("LLM", "llm"), ("überanpassung", "überanpassung"),
        ("ÜBERANPASSUNG", "überanpassung")]


def test_the_longest_name_wins() -> None:
    names = ["language model", "Large Language Model", "data", "data set", "model"]
    text = "a large language model, a language model, data sets, data settings, models"
    assert mentions(names, text) == [
        ("large language model", "large language model"),
        ("language model", "language model"), ("data sets", "data set"), ("data", "data"),
        ("models", "model")]


def test_a_name_wins_over_the_plural_of_another() -> None:
    assert mentions(["Model", "Models"], "models and model") == [("models", "models"),
                                                                 ("model", "model")]


def test_case_rules_fall_back_to_a_shorter_name() -> None:
    # "LLM Training" only as written for its first word: in lower case, "training" alone
    assert mentions(["LLM Training", "training"], "llm training, LLM training") == [
        ("training", "training"), ("LLM training", "llm training")]
    # never with the white space after it
    assert mentions(["LLM Training", "llm"], "llm  training") == [("llm", "llm")]


def test_names_with_regex_characters_are_text() -> None:
    names = ["C++", "A/B test", "k-NN", "(x)", "Reward [Model] (RM)", ".*", "a|b", "\\d"]
    text = "C++ A/B tests k-NN (x) reward [model] (RM) .* a|b \\d xyz aab 5 dd"
    assert [found for found, _key in mentions(names, text)] == [
        "C++", "A/B tests", "k-NN", "(x)", "reward [model] (RM)", "a|b", "\\d"]
    # ".*" holds no letter or digit: no word, so never a mention
    assert Matcher([".*", "—"]).find(".* — x") == []


def test_no_mention_spans_the_separator() -> None:
    assert mentions(["large language model"], f"large{SEPARATOR}language model") == []
    assert mentions(["model"], f"x{SEPARATOR}model{SEPARATOR}") == [("model", "model")]


def test_long_and_nested_names_neither_crash_nor_match_beyond_the_limit() -> None:
    very_long = "Long " * 400
    nested = [" ".join(["deep"] * count) for count in range(1, 21)]  # 99 characters at most
    matcher = Matcher([very_long, *nested, "x" * 100, "y" * 101])
    text = f"{very_long} {'deep ' * 25} {'x' * 100} {'y' * 101}"
    assert [(m.key, m.end - m.start) for m in matcher.find(text)] == [
        (" ".join(["deep"] * 20), 99), (" ".join(["deep"] * 5), 24), ("x" * 100, 100)]


def test_no_names_no_mentions() -> None:
    assert not Matcher([])
    assert Matcher([]).find("anything") == []


def test_two_thousand_generated_terms_take_seconds_not_minutes() -> None:
    rng = random.Random(7)
    words = ["model", "agent", "reward", "policy", "token", "gradient", "C++", "(x)", "k-NN",
             "A/B", "過学習", "Über", "data", "set", "LLM", "learning"]
    names = sorted({" ".join(rng.choice(words) for _ in range(rng.randint(1, 4)))
                    for _ in range(2500)})[:2000]
    text = " ".join(rng.choice([*words, "the", "of", "and", "remodel"])
                    for _ in range(100_000))
    start = time.perf_counter()
    found = Matcher(names).find(text)
    assert time.perf_counter() - start < 10  # about half a second on a 2-core machine
    assert len(found) > 10_000


# -- against a slow matcher that follows the rules literally --------------------------

_UNSPACED = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")


def _spaced_word(char: str) -> bool:
    return (char.isalnum() or char == "_") and not _UNSPACED.match(char)


def _match_at(text: str, start: int, words: list[str], exact: list[bool]) -> int | None:
    """Where the form ending at *words* ends when it starts at *start*, or ``None``."""
    if not _UNSPACED.match(text[start]) and start > 0 and _spaced_word(text[start - 1]):
        return None
    position = start
    for number, (word, as_written) in enumerate(zip(words, exact, strict=True)):
        if number:
            spaces = len(text[position:]) - len(text[position:].lstrip())
            if not spaces:
                return None
            position += spaces
        found = text[position:position + len(word)]
        if found != word if as_written else found.lower() != word.lower():
            return None
        position += len(word)
    last = text[position - 1]
    if position < len(text) and not _UNSPACED.match(last) and _spaced_word(text[position]):
        return None
    return position


def slow_mentions(names: list[str], text: str) -> list[tuple[int, int, str]]:
    forms = []
    for plurals in (False, True):
        for name in names:
            if re.search(r"\w", name):
                exact = [any(c.isupper() for part in word.split("-")
                             for c in re.sub(r"^[^a-zA-Z]*", "", part)[1:])
                         for word in name.split()]
                for form in name_forms(name)[1:] if plurals else name_forms(name)[:1]:
                    forms.append((form.split(), exact, term_key(name)))
    found, position = [], 0
    while position < len(text):
        best: tuple[int, str] | None = None
        for words, exact, key in forms:
            end = _match_at(text, position, words, exact)
            if end is not None and (best is None or end > best[0]):
                best = (end, key)
        if best is None:
            position += 1
        else:
            found.append((position, *best))
            position = best[0]
    return found


WORDS = ["model", "Model", "LLM", "llm", "data", "set", "policy", "C++", "A/B", "k-NN",
         "過学習", "Zero-Shot", "x"]
NAMES = st.lists(st.lists(st.sampled_from(WORDS), min_size=1, max_size=3).map(" ".join),
                 min_size=1, max_size=8)
PIECES = st.sampled_from([*WORDS, "models", "LLMs", "policies", "MODEL", "sets", "zero-shot",
                          " ", "  ", "\n", ",", "-", "_", "s", "es", "の", "1", "(", "."])
TEXTS = st.lists(PIECES, max_size=30).map("".join)


@settings(max_examples=300, deadline=None)
@given(NAMES, TEXTS)
def test_the_matcher_follows_the_rules(names: list[str], text: str) -> None:
    assert [(m.start, m.end, m.key) for m in Matcher(names).find(text)] == \
        slow_mentions(names, text)
