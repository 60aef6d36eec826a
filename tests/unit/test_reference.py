"""The reference page lists exactly what the code offers, so it cannot drift."""

from __future__ import annotations

import json
import re
import tomllib
from typing import Any

import pytest

import sphinx_aiguide
from sphinx_aiguide.cli import parser
from sphinx_aiguide.directives.concept import ConceptDirective
from sphinx_aiguide.directives.concept_index import ConceptIndexDirective
from sphinx_aiguide.directives.faq import FaqDirective
from sphinx_aiguide.domain import AIGuideDomain

from ..helpers import PACKAGE, TOP

REFERENCE = (TOP / "docs" / "reference.md").read_text(encoding="utf-8")


class Recorder:
    """Stands in for the Sphinx application and notes what ``setup`` registers."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, tuple[Any, ...]]] = []

    def __getattr__(self, name: str) -> Any:
        return lambda *args, **kwargs: self.calls.append((name, args))

    def names(self, method: str) -> set[str]:
        return {args[0] for called, args in self.calls if called == method}


@pytest.fixture(scope="module")
def registered() -> Recorder:
    recorder = Recorder()
    sphinx_aiguide.setup(recorder)  # type: ignore[arg-type]
    return recorder


def section(title: str) -> str:
    """The text of a section of the reference page, its subsections included."""
    heading = re.search(rf"^(#+) {re.escape(title)}\n", REFERENCE, re.M)
    assert heading, title
    level = len(heading.group(1))
    match = re.search(rf"^#{{{level}}} {re.escape(title)}\n(.*?)(?=^#{{1,{level}}} |\Z)",
                      REFERENCE, re.M | re.S)
    assert match, title
    return match.group(1)


def first_column(title: str) -> set[str]:
    """The code names in the first column of a section's table."""
    return set(re.findall(r"^\| `([^`]+)` \|", section(title), re.M))


def test_directives(registered: Recorder) -> None:
    documented = set(re.findall(r"^### `([^`]+)`$", section("Directives"), re.M))
    assert documented == registered.names("add_directive")


@pytest.mark.parametrize("name, directive", [("`concept`", ConceptDirective),
                                             ("`faq`", FaqDirective),
                                             ("`concept-index`", ConceptIndexDirective)])
def test_options(name: str, directive: Any) -> None:
    options = {option.strip(":") for option in first_column(name)}
    assert options == set(dict.keys(directive.option_spec))


def test_roles(registered: Recorder) -> None:
    in_code = registered.names("add_role") | {f"{AIGuideDomain.name}:{role}"
                                              for role in AIGuideDomain.roles}
    assert first_column("Roles") == in_code


def test_configuration_values(registered: Recorder) -> None:
    assert first_column("Configuration values") == registered.names("add_config_value")


def test_theme_options() -> None:
    theme = tomllib.loads((PACKAGE / "theme" / "aiguide" / "theme.toml").read_text())
    assert first_column("Theme options") == set(theme["options"])


def test_warning_types() -> None:
    source = "\n".join(path.read_text(encoding="utf-8") for path in PACKAGE.rglob("*.py"))
    subtypes = set(re.findall(r'subtype(?:=| = |: ClassVar\[str\] = )"(\w+)"', source))
    # configuration problems are (subtype, message) pairs, warned about in one place
    subtypes |= set(re.findall(r'found\.append\(\("(\w+)"', source))
    assert first_column("Warning types") == {f"aiguide.{name}" for name in subtypes}


def test_export_fields() -> None:
    schema = json.loads((PACKAGE / "schema" / "glossary.schema.json").read_text())
    fields = set(schema["properties"])
    for definition in schema["$defs"].values():
        fields |= set(definition.get("properties", {}))
    assert first_column("`glossary.json` fields") == fields


def test_commands() -> None:
    documented = set(re.findall(r"^\| `sphinx-aiguide (\w+)", section("Command line"), re.M))
    subcommands = parser()._subparsers._group_actions[0].choices  # type: ignore[union-attr]
    assert documented == set(subcommands)
