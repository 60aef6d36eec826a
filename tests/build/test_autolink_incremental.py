"""Auto-links after any sequence of edits: incremental builds equal clean ones, ``-j 2``
output equals ``-j 1`` output.

Hypothesis draws a small project of concept pages and prose pages whose words mention
the concepts (plurals, other cases, longer and shorter names, aliases), then a sequence
of edits: concepts added, renamed, removed, given other aliases or summaries that mention
others; prose edited, added, removed, opted out and back in. After each edit the same
sources are built incrementally with one process and with two, and once from scratch.

Terms stay distinct: a term defined twice is an error (``aiguide.duplicate``) whose
``std:term`` inventory entry goes to whichever definition was read first, as with Sphinx's
own glossaries; aliases may clash freely.
"""

from __future__ import annotations

import shutil
import tempfile
from dataclasses import dataclass, field, replace
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ..helpers import contents, current_pages, run_build

TERMS = ["Alpha Drift", "Beta Signal", "Gamma", "Gamma Ray", "LLM", "Delta Policy"]
ALIASES = ["drift", "signal", "ray", "GR", "policy", "gamma rays"]
WORDS = ["alpha drift", "alpha drifts", "Beta signals", "gamma", "gamma rays", "Gamma Ray",
         "LLMs", "llm", "delta policies", "drift", "signal", "rays", "GR", "the", "and",
         "text", "of"]
SENTENCE = st.lists(st.sampled_from(WORDS), min_size=1, max_size=6).map(
    lambda words: " ".join(words) + ".")


@dataclass(frozen=True)
class Concept:
    term: str
    aliases: tuple[str, ...] = ()
    summary: str = "A summary."


@dataclass(frozen=True)
class Prose:
    sentences: tuple[str, ...]
    quiet: bool = False


@dataclass
class Project:
    concepts: dict[str, Concept] = field(default_factory=dict)
    prose: dict[str, Prose] = field(default_factory=dict)
    created: int = 0

    def name(self, prefix: str) -> str:
        self.created += 1
        return f"{prefix}-{self.created}"

    def files(self) -> dict[str, str]:
        found = {}
        for name, concept in self.concepts.items():
            aliases = f"   :aliases: {', '.join(concept.aliases)}\n" if concept.aliases else ""
            found[f"{name}.rst"] = (f"{concept.term}\n{'=' * len(concept.term)}\n\n"
                                    f".. concept::\n{aliases}\n   {concept.summary}\n")
        for name, prose in self.prose.items():
            quiet = ":aiguide-autolink: off\n\n" if prose.quiet else ""
            found[f"{name}.rst"] = (f"{quiet}Page {name}\n{'=' * (len(name) + 5)}\n\n"
                                    + "\n\n".join(prose.sentences) + "\n")
        return found


def pick(keys: dict[str, object], index: int) -> str | None:
    return sorted(keys)[index % len(keys)] if keys else None


def apply(project: Project, edit: tuple[object, ...]) -> None:
    """Change *project* as *edit* says (an edit of something missing changes nothing)."""
    kind, index, term, aliases, sentence = edit
    assert isinstance(index, int) and isinstance(sentence, str)
    concept, page = pick(project.concepts, index), pick(project.prose, index)
    if kind in {"add", "rename"} and term in {c.term for c in project.concepts.values()}:
        return
    if kind == "add":
        project.concepts[project.name("c")] = Concept(str(term), tuple(aliases))  # type: ignore[arg-type]
    elif kind == "rename" and concept:
        project.concepts[concept] = replace(project.concepts[concept], term=str(term))
    elif kind == "remove" and concept:
        del project.concepts[concept]
    elif kind == "aliases" and concept:
        project.concepts[concept] = replace(project.concepts[concept],
                                            aliases=tuple(aliases))  # type: ignore[arg-type]
    elif kind == "summary" and concept:
        project.concepts[concept] = replace(project.concepts[concept], summary=sentence)
    elif kind == "write" and page:
        prose = project.prose[page]
        project.prose[page] = replace(prose, sentences=(*prose.sentences, sentence))
    elif kind == "new-page":
        project.prose[project.name("p")] = Prose((sentence,))
    elif kind == "remove-page" and page:
        del project.prose[page]
    elif kind == "opt-out" and page:
        project.prose[page] = replace(project.prose[page], quiet=not project.prose[page].quiet)


EDITS = st.tuples(
    st.sampled_from(["add", "rename", "remove", "aliases", "summary", "write", "new-page",
                     "remove-page", "opt-out"]),
    st.integers(0, 5), st.sampled_from(TERMS),
    st.lists(st.sampled_from(ALIASES), max_size=2, unique=True), SENTENCE)


@st.composite
def projects(draw: st.DrawFn) -> Project:
    project = Project()
    for term in draw(st.lists(st.sampled_from(TERMS), min_size=1, max_size=4, unique=True)):
        project.concepts[project.name("c")] = Concept(term)
    for sentences in draw(st.lists(st.lists(SENTENCE, min_size=1, max_size=3),
                                   min_size=1, max_size=3)):
        project.prose[project.name("p")] = Prose(tuple(sentences))
    return project


def sync(project: Project, src: Path, mode: str) -> None:
    """Write the project into *src*: changed files only, so the others are not read again."""
    if not (src / "conf.py").exists():
        src.mkdir(parents=True)
        (src / "conf.py").write_text(
            'extensions = ["sphinx_aiguide"]\n'
            f"aiguide_autolink = {mode!r}\n"
            'suppress_warnings = ["aiguide.duplicate"]\n', encoding="utf-8")
        (src / "index.rst").write_text(
            "Home\n====\n\n.. toctree::\n   :glob:\n\n   c-*\n   p-*\n\n.. concept-index::\n",
            encoding="utf-8")
    wanted = project.files()
    for path in [*src.glob("c-*.rst"), *src.glob("p-*.rst")]:
        if path.name not in wanted:
            path.unlink()
    for name, text in wanted.items():
        path = src / name
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")


def files(outdir: Path) -> dict[str, bytes]:
    return {str(path.relative_to(outdir)): path.read_bytes()
            for path in sorted(outdir.rglob("*")) if path.is_file()}


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(projects(), st.lists(EDITS, min_size=1, max_size=3), st.sampled_from(["first", "all"]))
def test_any_edit_sequence_keeps_builds_equal(project: Project, edits: list[tuple[object, ...]],
                                              mode: str) -> None:
    with tempfile.TemporaryDirectory(prefix="aiguide-autolink-") as name:
        top = Path(name)
        serial, parallel = top / "serial", top / "parallel"
        for src, jobs in ((serial, 0), (parallel, 2)):
            sync(project, src, mode)
            run_build(src, parallel=jobs)
        for step, edit in enumerate(edits):
            apply(project, edit)
            sync(project, serial, mode)
            sync(project, parallel, mode)
            one, two = run_build(serial), run_build(parallel, parallel=2)
            clean = top / f"clean-{step}"
            shutil.copytree(serial, clean, ignore=shutil.ignore_patterns("_build"))
            expected = contents(run_build(clean).outdir)
            assert current_pages(one.outdir, expected) == expected, (step, edit)
            assert files(one.outdir) == files(two.outdir), (step, edit)
