"""Who reviewed or owns an entry: the project's reviewer registry, or a plain name."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from sphinx.util import logging

from sphinx_aiguide.config import Reviewer
from sphinx_aiguide.text import did_you_mean

if TYPE_CHECKING:
    from sphinx_aiguide.config import Settings

logger = logging.getLogger(__name__)


def lookup(settings: Settings, who: str) -> Reviewer:
    """The registry entry for *who* (exact key, then case-insensitive), else a plain name."""
    entries = settings.reviewers
    if who in entries:
        return entries[who]
    folded = {key.casefold(): entry for key, entry in entries.items()}
    return folded.get(who.casefold(), Reviewer(who))


def check_reviewers(settings: Settings, keys: list[str], location: Any,
                    role: str = "reviewer") -> None:
    """Warn about people missing from the registry when ``aiguide_reviewers_strict``.

    *role* names what they are to the entry in the warning: ``reviewer`` or ``owner``.
    """
    if not settings.reviewers_strict:
        return
    for who in keys:
        if not lookup(settings, who).known:
            logger.warning("unknown %s %r: not a key of aiguide_reviewers%s", role, who,
                           did_you_mean(who, settings.reviewers), type="aiguide",
                           subtype="reviewer", location=location)
