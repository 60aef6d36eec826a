"""What the directives share: forgiving options, typed warnings, labels and unique ids.

docutils drops a whole directive, content included, when an option is unknown or a flag
has a value. A writer's typo should cost a warning, never the entry, so options are read
by converters that cannot fail and are checked by the directive itself.
"""

from __future__ import annotations

import re
from typing import Any, ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

from sphinx_aiguide.lint import fence_problem
from sphinx_aiguide.nodes import aiguide_label
from sphinx_aiguide.text import did_you_mean, fold

logger = logging.getLogger(__name__)


class _LenientOptions(dict[str, Any]):
    """An option spec that accepts any option name; the directive reports unknown ones."""

    def __missing__(self, key: str) -> Any:
        return directives.unchanged


def lenient(*names: str) -> dict[str, Any]:
    """An option spec for *names*, each read as plain text (a flag's value is ignored)."""
    return _LenientOptions(dict.fromkeys(names, directives.unchanged))


class AIGuideDirective(SphinxDirective):
    """Base of the package's directives: typed warnings at the directive's location."""

    #: The warning subtype of this directive (``aiguide.<subtype>``).
    subtype: ClassVar[str] = ""

    def warn(self, message: str, *args: Any) -> None:
        """Log ``message % args`` as an ``aiguide`` warning at the directive's file and line."""
        logger.warning(message, *args, type="aiguide", subtype=self.subtype,
                       location=self.get_location())

    def text_option(self, name: str) -> str:
        """The option's value with runs of white space folded ("" when absent)."""
        return fold(str(self.options.get(name) or ""))

    def option_location(self, name: str) -> str:
        """``file:line`` of the option *name* (the directive's own line when not found).

        Options follow the directive's first line up to a blank line: ``:name: value`` in
        reST and MyST, or ``name: value`` in a MyST YAML block between ``---`` lines.
        """
        source, line = self.get_source_info()
        option = re.compile(rf"\s*:?{re.escape(name)}\s*:")
        lines = self.block_text.splitlines()
        yaml = len(lines) > 1 and lines[1].strip() == "---"
        for offset, text in enumerate(lines[1:], start=1):
            if (text.strip() == "---" and offset > 1) if yaml else not text.strip():
                break
            if option.match(text):
                return f"{source}:{line + offset}"
        return f"{source}:{line}"

    def report_unknown_options(self) -> None:
        """Warn about each option that the directive does not know, keeping the content."""
        assert self.option_spec is not None
        known = dict.keys(self.option_spec)
        for name in self.options:
            if name not in known:
                logger.warning("%s: unknown option %r ignored%s", self.name, name,
                               did_you_mean(name, known), type="aiguide",
                               subtype=self.subtype, location=self.option_location(name))

    def check_fences(self) -> None:
        """Warn when a fence inside a MyST block misplaces the block's end (see :mod:`.lint`)."""
        found = fence_problem(self.name, self.block_text)
        if found is not None:
            offset, message = found
            source, line = self.get_source_info()
            logger.warning("%s", message, type="aiguide", subtype=self.subtype,
                           location=f"{source}:{line + offset}")


def make_label(text: str) -> aiguide_label:
    """A visible section label such as "Concept", already in the build language.

    Marked untranslatable so gettext does not offer it to the project's translators: the
    package's own catalog translates it.
    """
    return aiguide_label(text, text, classes=["aiguide-label"], translatable=False)


def unique_id(document: nodes.document, wanted: str) -> str:
    """*wanted*, or *wanted* with ``-2``, ``-3``… when the page already uses it."""
    candidate, number = wanted, 1
    while candidate in document.ids:
        number += 1
        candidate = f"{wanted}-{number}"
    return candidate
