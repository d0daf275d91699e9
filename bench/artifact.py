"""What the deployable artifact weighs: on disk, zipped (what is uploaded), and by part."""

from __future__ import annotations

import os
import re
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path

#: What the Lambda python3.13 runtime already provides (the Makefile's ``RUNTIME_PROVIDED``).
RUNTIME_PROVIDED = ("boto3", "botocore", "s3transfer", "jmespath")


@dataclass
class Size:
    """Sizes of a directory tree: apparent bytes, disk usage (``du``), files."""

    bytes: int = 0
    du_bytes: int = 0
    files: int = 0

    def add(self, path: Path) -> None:
        info = path.lstat()
        self.bytes += info.st_size
        self.du_bytes += info.st_blocks * 512
        self.files += 1


def tree_size(root: Path) -> Size:
    """The sizes of every file under ``root`` (symbolic links not followed)."""
    size = Size()
    for folder, _, names in os.walk(root):
        for name in names:
            size.add(Path(folder, name))
    return size


def zipped_bytes(root: Path) -> int:
    """The size of ``root`` as a deflated zip, as SAM uploads it."""
    with tempfile.TemporaryFile() as scratch:
        with zipfile.ZipFile(scratch, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as archive:
            for folder, dirs, names in os.walk(root):
                dirs.sort()
                for name in sorted(names):
                    path = Path(folder, name)
                    archive.write(path, path.relative_to(root))
        scratch.seek(0, os.SEEK_END)
        return scratch.tell()


def _distribution(entry: str) -> str:
    """The top-level name an artifact entry belongs to: ``botocore-1.2.dist-info`` and
    ``botocore`` are botocore, ``six.py`` is six."""
    match = re.fullmatch(r"([A-Za-z0-9_.]+?)(-[0-9][^/]*\.dist-info|\.py)?", entry)
    return match.group(1).lower() if match else entry


@dataclass
class ArtifactSize:
    total: Size
    zip_bytes: int
    runtime_provided: Size
    parts: dict[str, int]


def artifact_size(root: Path) -> ArtifactSize:
    """Sizes of a built artifact.

    Parameters
    ----------
    root
        The function's directory (``<build dir>/SkillFunction``).

    Returns
    -------
    ArtifactSize
        The whole tree, its deflated zip, the runtime-provided SDK (:data:`RUNTIME_PROVIDED`)
        within it, and each top-level entry (a package with its ``.dist-info``), largest first.

    Raises
    ------
    FileNotFoundError
        When ``root`` is not a directory.
    """
    if not root.is_dir():
        raise FileNotFoundError(f"{root}: no built artifact here (run `make build`)")
    parts: dict[str, int] = {}
    provided = Size()
    for entry in sorted(root.iterdir()):
        size = tree_size(entry) if entry.is_dir() else Size()
        if not entry.is_dir():
            size.add(entry)
        name = _distribution(entry.name)
        parts[name] = parts.get(name, 0) + size.du_bytes
        if name in RUNTIME_PROVIDED:
            provided.bytes += size.bytes
            provided.du_bytes += size.du_bytes
            provided.files += size.files
    ordered = dict(sorted(parts.items(), key=lambda item: -item[1]))
    return ArtifactSize(tree_size(root), zipped_bytes(root), provided, ordered)
