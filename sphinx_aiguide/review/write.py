"""Writing a source file safely: all of it at once, or nothing.

``sphinx-aiguide reviewed`` writes the new text to a temporary file beside the old one and
renames it over the old one, so that an interrupted run never leaves a file half-written.
"""

from __future__ import annotations

import os
import stat
import tempfile
from contextlib import suppress
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pathlib import Path


def is_read_only(path: Path) -> bool:
    """Whether *path* is marked read-only (for its owner, even when run as root)."""
    mode = path.stat().st_mode
    return not mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH) \
        or not os.access(path, os.W_OK)


def write_file(path: Path, data: bytes) -> None:
    """Write *data* to *path* all at once: a temporary file beside it, then a rename.

    The file keeps its permissions; a failure leaves the old file and no temporary one.
    """
    target = path.resolve()
    handle, name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.",
                                    suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(name, stat.S_IMODE(target.stat().st_mode))  # noqa: PTH101
        os.replace(name, target)  # noqa: PTH105
    except BaseException:
        with suppress(FileNotFoundError):
            os.unlink(name)  # noqa: PTH108
        raise
