"""The wheel carries everything a user needs, and works when installed on its own."""

from __future__ import annotations

import os
import site
import subprocess
import sys
import venv
import zipfile
from pathlib import Path

#: The installed wheel must be found on its own, never the source tree.
CLEAN_ENV = {key: value for key, value in os.environ.items() if key != "PYTHONPATH"}


def test_wheel_contents(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    for expected in ("sphinx_aiguide/py.typed", "sphinx_aiguide/static/aiguide.css",
                     "sphinx_aiguide/static/aiguide-questions.js",
                     "sphinx_aiguide/templates/aiguide-title.html",
                     "sphinx_aiguide/theme/aiguide/theme.toml",
                     "sphinx_aiguide/theme/aiguide/layout.html",
                     "sphinx_aiguide/theme/aiguide/static/aiguide-theme.css",
                     "sphinx_aiguide/schema/glossary.schema.json",
                     *(f"sphinx_aiguide/locale/{lang}/LC_MESSAGES/sphinx_aiguide.mo"
                       for lang in ("de", "es", "fr", "ja", "zh_CN"))):
        assert expected in names
    metadata = next(n for n in names if n.endswith("entry_points.txt"))
    entry_points = zipfile.ZipFile(wheel).read(metadata).decode()
    assert "sphinx-aiguide=sphinx_aiguide.cli:main" in entry_points
    assert "aiguide=sphinx_aiguide.theme" in entry_points


def venv_seeing_this_environment(folder: Path) -> Path:
    """A new virtual environment that also sees this environment's packages; its python.

    ``system_site_packages`` would show the base interpreter's packages, which inside a
    virtual environment are not this one's: a ``.pth`` file names this environment's
    site-packages instead, after the new environment's own.
    """
    venv.create(folder, with_pip=False)  # without pip of its own it starts at once
    python = folder / "bin" / "python"
    purelib = subprocess.run(
        [python, "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
        check=True, capture_output=True, text=True).stdout.strip()
    ours = [*site.getsitepackages(), site.getusersitepackages()]
    (Path(purelib) / "this-environment.pth").write_text(
        "".join(f"{path}\n" for path in ours if Path(path).is_dir()), encoding="utf-8")
    return python


def test_installed_wheel_builds_a_project(wheel: Path, tmp_path: Path) -> None:
    # Sphinx and MyST come from this environment; the package itself only from the wheel,
    # installed by this environment's pip.
    python = venv_seeing_this_environment(tmp_path / "venv")
    subprocess.run([sys.executable, "-m", "pip", "--python", str(python), "install",
                    "--no-deps", "-q", str(wheel)], check=True, capture_output=True,
                   env=CLEAN_ENV)
    where = subprocess.run([python, "-c", "import sphinx_aiguide; print(sphinx_aiguide.__file__)"],
                           check=True, capture_output=True, text=True, cwd=tmp_path,
                           env=CLEAN_ENV).stdout
    assert where.startswith(str(tmp_path / "venv"))
    project = tmp_path / "project"
    project.mkdir()
    (project / "conf.py").write_text('extensions = ["sphinx_aiguide"]\nlanguage = "fr"\n',
                                     encoding="utf-8")
    (project / "index.rst").write_text(
        ":reviewed-by: Ada\n:last-reviewed: 2026-04-21\n\nAttention\n=========\n\n"
        ".. concept::\n\n   Attention weighs the parts of an input.\n\n   More.\n",
        encoding="utf-8")
    build = subprocess.run([python, "-m", "sphinx", "-W", "-q", "-b", "html", str(project),
                            str(project / "_build")], capture_output=True, text=True,
                           cwd=tmp_path, env=CLEAN_ENV, check=False)
    assert build.returncode == 0, build.stderr
    html = (project / "_build" / "index.html").read_text(encoding="utf-8")
    assert "Relu par Ada · Dernière relecture le" in html  # catalogs came with the wheel
    assert (project / "_build" / "_static" / "aiguide.css").is_file()
