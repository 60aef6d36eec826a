"""The project's ``language`` as CLDR knows it: one answer for dates, lists and A–Z order.

Babel (a Sphinx dependency) carries CLDR's data. A language Babel does not know is
reported once, when the configuration is read, and English is used instead.
"""

from __future__ import annotations

from babel import Locale, UnknownLocaleError

#: English as the package has always written it: "21 April 2026", "A, B and C".
ENGLISH = Locale("en", "GB")

#: Sphinx's ``@`` spellings of scripts (``sr@latin``) and their CLDR script codes.
_SCRIPTS = {"latin": "Latn", "cyrillic": "Cyrl"}


def babel_locale(language: str | None) -> Locale | None:
    """The CLDR locale of Sphinx's *language* (``"de"``, ``"zh_CN"``, ``"pt-BR"``).

    ``None`` when Babel does not know it. Plain ``"en"`` (Sphinx's default) is British
    English, whose long dates and lists are the ones the package always wrote.
    """
    name, _at, script = (language or "en").strip().replace("-", "_").partition("@")
    if script.lower() in _SCRIPTS:
        name = f"{name}_{_SCRIPTS[script.lower()]}"
    if name.lower() == "en":
        return ENGLISH
    try:
        return Locale.parse(name)
    except (ValueError, TypeError, UnknownLocaleError):
        return None


def reader_locale(language: str | None) -> Locale:
    """The locale that dates, lists and A–Z order follow: *language*'s, else English."""
    return babel_locale(language) or ENGLISH


def language_problem(language: str | None) -> str:
    """Why *language* cannot be followed, or "" when it can."""
    if babel_locale(language) is not None:
        return ""
    return (f"language {language!r} is not a locale that Babel (CLDR) knows; review dates, "
            "reviewer lists and the A–Z order are written the English way")
