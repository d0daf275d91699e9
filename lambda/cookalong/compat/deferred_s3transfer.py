"""Keep ``import boto3`` from importing s3transfer, the S3 transfer manager, at start-up.

The problem
-----------
``boto3/__init__.py`` imports ``boto3.compat``, and boto3 1.44.8's ``compat`` does
``from s3transfer.manager import TransferConfig`` only to compute one flag,
``TRANSFER_CONFIG_SUPPORTS_CRT``, which ``boto3.s3.transfer`` and ``boto3.crt`` read when an S3
client's upload/download methods are used. Importing ``s3transfer.manager`` imports the whole
S3 transfer machinery (thread pools, ``multiprocessing.managers``, ``pickle``, ``subprocess``,
the upload/download/copy tasks): about 6 % of the skill's cold start, and the skill never makes
an S3 client.

The fix
-------
:func:`install`, called before boto3 is imported (:mod:`cookalong.storage.dynamodb`), puts a
one-shot finder first on ``sys.meta_path`` for exactly ``boto3.compat``. Its loader runs the
module's real source from the installed boto3, with those two statements replaced by a module
``__getattr__`` that imports ``s3transfer.manager`` and computes ``TransferConfig`` and
``TRANSFER_CONFIG_SUPPORTS_CRT`` the first time either name is read (``from boto3.compat
import TRANSFER_CONFIG_SUPPORTS_CRT`` included). Everything else in the module is unchanged.

Guarded: the source must be byte for byte boto3 1.44.8's (:data:`SOURCE_SHA256`) and boto3 must
not be imported yet; otherwise the finder steps aside and ``boto3.compat`` imports as
published. Nothing is written to disk.
"""

from __future__ import annotations

import hashlib
import sys
from importlib.machinery import ModuleSpec, PathFinder
from types import ModuleType
from typing import Any

MODULE = "boto3.compat"
#: sha256 of boto3 1.44.8's ``boto3/compat.py``, the source the replacement was written for.
SOURCE_SHA256 = "6254155cebdd24ddfd9b5de04bc59f549a876f30b0ddf1259db62bb756de3588"
#: The two statements that import s3transfer at import time, exactly as boto3 1.44.8 has them.
EAGER = (
    "from s3transfer.manager import TransferConfig\n",
    "TRANSFER_CONFIG_SUPPORTS_CRT = hasattr(TransferConfig, 'UNSET_DEFAULT')\n",
)
#: What replaces them: the same two names, computed when first read.
DEFERRED = """

def __getattr__(name):
    if name in ("TransferConfig", "TRANSFER_CONFIG_SUPPORTS_CRT"):
        from s3transfer.manager import TransferConfig

        globals()["TransferConfig"] = TransferConfig
        globals()["TRANSFER_CONFIG_SUPPORTS_CRT"] = hasattr(TransferConfig, "UNSET_DEFAULT")
        return globals()[name]
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
"""


def deferred_source(source: str) -> str | None:
    """``boto3/compat.py``'s ``source`` with s3transfer imported on first use; ``None`` when
    it is not the source this module was written for."""
    if hashlib.sha256(source.encode("utf-8")).hexdigest() != SOURCE_SHA256:
        return None
    if any(source.count(statement) != 1 for statement in EAGER):
        return None
    for statement in EAGER:
        source = source.replace(statement, "")
    return source + DEFERRED


class _Loader:
    def __init__(self, origin: str, source: str) -> None:
        self.origin = origin
        self.source = source

    def create_module(self, spec: ModuleSpec) -> None:
        return None  # the default module

    def exec_module(self, module: ModuleType) -> None:
        module.__file__ = self.origin
        exec(compile(self.source, self.origin, "exec"), module.__dict__)


class _Finder:
    """Finds ``boto3.compat`` once, with the deferred source when it is the pinned one."""

    def find_spec(self, fullname: str, path: Any = None, target: Any = None) -> ModuleSpec | None:
        if fullname != MODULE:
            return None
        sys.meta_path.remove(self)
        real = PathFinder.find_spec(fullname, path)
        if real is None or not real.origin or not real.origin.endswith(".py"):
            return real
        try:
            with open(real.origin, encoding="utf-8", newline="") as stream:
                source = deferred_source(stream.read())
        except (OSError, UnicodeDecodeError):
            source = None
        if source is None:
            return real
        spec = ModuleSpec(fullname, _Loader(real.origin, source), origin=real.origin)
        spec.has_location = True
        return spec


def install() -> bool:
    """Put the one-shot finder first on ``sys.meta_path``; False when boto3 is already in."""
    if "boto3" in sys.modules or MODULE in sys.modules:
        return False
    if not any(isinstance(finder, _Finder) for finder in sys.meta_path):
        sys.meta_path.insert(0, _Finder())
    return True
