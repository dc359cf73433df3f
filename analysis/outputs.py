"""Atomic, deterministic output files.

Every file the project writes goes through :func:`write_bytes`: the new content is written
to a temporary file beside the target and moved over it in one step, so an interrupted
build leaves the previous file whole. A file whose content would not change is not
touched at all, which keeps a repeated build from disturbing anything.
"""
from __future__ import annotations

import os
import tempfile
from pathlib import Path

from . import paths


class ProtectedPathError(PermissionError):
    """Raised on any attempt to write inside a corpus folder: raw articles are immutable."""


def _refuse_corpus(target: Path) -> None:
    for protected in {paths.SEED_CORPUS.resolve(), paths.corpus_dir()}:
        if target == protected or protected in target.parents:
            raise ProtectedPathError(
                f"refusing to write {target.name} inside the corpus folder {protected.name}/: "
                "raw articles and their manifest are never modified by the build; "
                "choose an output folder outside the corpus (make OUT=...)."
            )


def write_bytes(path: Path | str, data: bytes) -> bool:
    """Write ``data`` to ``path`` atomically. Returns False when the file already held it."""
    target = Path(path).resolve()
    _refuse_corpus(target)
    if target.is_file() and target.read_bytes() == data:
        return False
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, 0o644)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return True


def write_text(path: Path | str, text: str) -> bool:
    """Write UTF-8 text with LF line endings atomically (see :func:`write_bytes`)."""
    return write_bytes(path, text.encode("utf-8"))


def remove_stale_temporaries(folder: Path | str) -> int:
    """Delete temporary files a killed run left beside its outputs (``.<name>.<random>.tmp``,
    as written by :func:`write_bytes`); the outputs themselves are whole either way. Returns
    how many were removed."""
    folder = Path(folder)
    if not folder.is_dir():
        return 0
    stale = sorted(folder.glob(".*.tmp"))
    for path in stale:
        path.unlink(missing_ok=True)
    return len(stale)
