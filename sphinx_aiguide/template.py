"""The entry ``sphinx-aiguide new`` writes, and how a build recognises what is left of it.

The command fills :func:`render_entry`'s templates with placeholder sentences; the
extension warns while an entry still holds one of them (:func:`is_placeholder`), so a
forgotten stub is never published as if it were finished. A new entry names its reviewer
when given one, but never a review date: an entry counts as reviewed only once someone
records the day of the review. Plain text work: importing this module loads nothing of
Sphinx, so the command starts at once.
"""

from __future__ import annotations

import json
import re
import unicodedata

from sphinx_aiguide.text import fold, slugify

#: The placeholder sentences, in the order the entry shows them.
PLACEHOLDERS = {
    "summary": "One or two sentences that define {term} for a newcomer: this first "
               "paragraph is the summary.",
    "indepth": "The in-depth explanation: how it works, why it matters, examples.",
    "question": "What do readers most often ask about {term}?",
    "answer": "The answer, in a few sentences.",
}

#: How the placeholder sentences begin: a cheap test before reading a whole paragraph.
PLACEHOLDER_STARTS = tuple(" ".join(sentence.split()[:2]) for sentence in PLACEHOLDERS.values())
#: Each placeholder as readers see it once built, whatever the term.
_PLACEHOLDER_TEXT = [
    re.compile(re.escape(sentence).replace(re.escape("{term}"), ".+"))
    for sentence in PLACEHOLDERS.values()
]

RST_TEMPLATE = """\
{fields}{term}
{underline}

.. Replace each placeholder sentence: the build warns while one is left. Add :aliases:,
   :tags: and :related: options to the concept as you need them.

.. concept::

   {summary}

   {indepth}

.. faq:: {question}

   {answer}
"""

MD_TEMPLATE = """\
{fields}# {term}

<!-- Replace each placeholder sentence: the build warns while one is left. Add :aliases:,
     :tags: and :related: options to the concept as you need them. -->

:::{{concept}}
{summary}

{indepth}
:::

:::{{faq}} {question}
{answer}
:::
"""

#: Characters that are markup in running text (reST, then CommonMark).
_RST_MARKUP = re.compile(r"([\\`*|_])")
_MD_MARKUP = re.compile(r"([\\`*_\[\]<>|~{}#!$])")
#: A YAML scalar that needs no quotes.
_PLAIN_YAML = re.compile(r"[\w][\w .'-]*")
#: What a file name keeps of a term besides letters and digits: ``C++``, ``GPT-4.5``.
_NOT_IN_NAMES = re.compile(r"[^\w+.\-]+")


def file_stem(term: str) -> str:
    """The file name of *term*'s entry, without suffix: ``c++`` for C++, ``a-b-testing``.

    Letters of every script, digits, ``+``, ``.`` and ``-`` are kept; runs of anything
    else (spaces, ``/``, ``#``, ``?`` … which break paths or URLs) become one ``-``.
    """
    normal = unicodedata.normalize("NFKC", fold(term)).lower()
    stem = _NOT_IN_NAMES.sub("-", normal).strip("-.")
    return stem or slugify(term)


def is_placeholder(text: str) -> bool:
    """Whether *text* (a paragraph or a question, as read) is a placeholder sentence."""
    folded = fold(text)
    return any(pattern.fullmatch(folded) for pattern in _PLACEHOLDER_TEXT)


def render_entry(term: str, fmt: str, reviewer: str = "") -> str:
    """The text of a new entry for *term* in ``rst`` or ``md``; *reviewer* may be ""."""
    term, reviewer = fold(term), fold(reviewer)
    if fmt == "rst":
        # only a reST title needs it: the command starts without loading docutils
        from docutils.utils import column_width  # noqa: PLC0415

        shown = _RST_MARKUP.sub(r"\\\1", term)
        fields = f":reviewed-by: {reviewer}\n\n" if reviewer else ""
        return RST_TEMPLATE.format(
            fields=fields, term=shown, underline="=" * column_width(shown),
            **{name: text.format(term=shown) for name, text in PLACEHOLDERS.items()})
    shown = _MD_MARKUP.sub(r"\\\1", term)
    who = reviewer if _PLAIN_YAML.fullmatch(reviewer) else json.dumps(reviewer)
    fields = f"---\nreviewed-by: {who}\n---\n" if reviewer else ""
    return MD_TEMPLATE.format(
        fields=fields, term=shown,
        **{name: text.format(term=shown) for name, text in PLACEHOLDERS.items()})
