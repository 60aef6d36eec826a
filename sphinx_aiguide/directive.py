"""What the ``concept`` and ``faq`` directives share: forgiving options and warnings.

docutils drops a whole directive, content included, when an option is unknown or a flag
has a value. A writer's typo should cost a warning, never the entry, so options are read
by converters that cannot fail and are checked by the directive itself.
"""

from __future__ import annotations

from typing import Any, ClassVar

from docutils.parsers.rst import directives
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

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

    def warn(self, message: str, *args: Any, subtype: str = "", line: int | None = None) -> None:
        """Log ``message % args`` as an ``aiguide`` warning with file and line."""
        location = self.get_location() if line is None else (self.env.docname, line)
        logger.warning(message, *args, type="aiguide", subtype=subtype or self.subtype,
                       location=location)

    def text_option(self, name: str) -> str:
        """The option's value with runs of white space folded ("" when absent)."""
        return " ".join(str(self.options.get(name) or "").split())

    def report_unknown_options(self) -> None:
        """Warn about each option that the directive does not know, keeping the content."""
        assert self.option_spec is not None
        known = dict.keys(self.option_spec)
        for name in self.options:
            if name not in known:
                self.warn("%s: unknown option %r ignored", self.name, name)
