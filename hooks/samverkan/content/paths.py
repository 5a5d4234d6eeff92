"""Names and folders that become paths, judged before anything is created.

A municipality's slug, a plan version's tag, ``--to``, ``--out`` and ``--site-dir`` come from people and
files. A name becomes one part of a path only when it is a plain name (no '..', no '/', nothing
invisible); a folder is written only when no file stands in its way and its nearest existing folder may
be written. Whatever the file system still refuses is one line (``os_problem``), never a traceback.
Archived trees are copied without their symbolic links, so a link never publishes what it points to.
"""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

NAME = re.compile(r"[a-z0-9]+(?:[.-][a-z0-9]+)*")  # stockholm, upplands-vasby, v2.0, 2.0


def name_problem(
    name: str,
    what: str,
    pattern: re.Pattern = NAME,
    allowed: str = "lower-case letters a–z, digits and hyphens",
) -> str | None:
    """Why ``name`` may not become a part of a path, as 'what — fix'; None when it may."""
    if isinstance(name, str) and pattern.fullmatch(name):
        return None
    return f"{what} {str(name)[:40]!r} is not a plain name — use {allowed} only, no '/' or '..'"


def folder_problem(path: str | os.PathLike) -> str | None:
    """Why a folder cannot be written at ``path`` ('a file is in the way', 'may not be written'), as
    'what — fix'; None when it can. Nothing is created."""
    path = Path(os.path.abspath(path))
    if path.exists() and not path.is_dir():
        return f"{path} is a file, not a folder — give a folder"
    for parent in path.parents:
        if parent.exists():
            if not parent.is_dir():
                return f"{parent} is a file, so no folder can be made in it — give a path whose parts are folders"
            if not os.access(parent, os.W_OK | os.X_OK):
                return f"{parent} may not be written — give a folder you may write to"
            return None
    return None


def os_problem(error: OSError) -> str:
    """What the file system refused, as one line: the path, the reason, what to do."""
    reason = error.strerror or str(error) or type(error).__name__
    return f"{error.filename or 'a file'}: {reason.splitlines()[0]} — check that the folder exists, is a folder and may be written, then run the command again"


def copy_without_links(source: Path, target: Path) -> None:
    """``source``'s files and folders into ``target``, leaving out every symbolic link (and what it points to)."""
    shutil.copytree(
        source,
        target,
        symlinks=True,
        ignore=lambda folder, names: [name for name in names if (Path(folder) / name).is_symlink()],
    )
