"""Keep urllib3's optional HTTP/2 support from importing ``importlib.metadata`` at start-up.

The problem
-----------
botocore imports urllib3, whose ``connection`` module imports ``urllib3.http2.probe``; Python
then runs the package ``urllib3/http2/__init__.py`` first, and its only import is
``from importlib.metadata import version`` (to check the ``h2`` version when someone calls
``urllib3.http2.inject_into_urllib3()``, which nothing in the skill does). ``importlib.metadata``
pulls in ``zipfile``, ``shutil``, ``tempfile``, ``importlib.resources``...: about a tenth of a
cold start's instructions, for a function that is never called.

The fix
-------
:func:`install`, called before botocore is imported (:mod:`cookalong.storage.dynamodb`),
registers ``urllib3.http2`` as the real package (its spec, ``__path__`` and file) whose
``__init__`` has not run yet: submodules (``urllib3.http2.probe``) import as usual, and the
first access to any other name runs the real ``__init__`` in place, as a normal import would
have. Guarded: urllib3 must be 2.8.0, the package's ``__init__`` must import exactly what 2.8.0's
does, and ``urllib3`` must not be imported yet; otherwise nothing changes. :func:`attach`, once
urllib3 is imported, sets ``urllib3.http2`` as an import would.
"""

from __future__ import annotations

import importlib
import importlib.util
import os
import re
import sys
import types
from typing import Any

PACKAGE = "urllib3.http2"
URLLIB3_VERSION = "2.8.0"
#: The top-level import statements of urllib3 2.8.0's ``urllib3/http2/__init__.py``.
IMPORTS = (
    "from __future__ import annotations",
    "from importlib.metadata import version",
    "import typing",
)
_IMPORT_LINE = re.compile(r"^(from\s+\S+\s+import\b.*|import\s+\S+.*)$", re.MULTILINE)
_VERSION = re.compile(r"""^__version__\s*=\s*(?:\w+\s*=\s*)?["']([^"']+)["']""", re.MULTILINE)


class _DeferredInit(types.ModuleType):
    """A package whose ``__init__`` runs on the first access to a name it defines."""

    _submodules: frozenset[str] = frozenset()

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__"):
            raise AttributeError(name)
        if name in self._submodules:  # ``from urllib3.http2 import probe``
            return importlib.import_module(f"{self.__name__}.{name}")
        self.__class__ = types.ModuleType  # from now on, an ordinary module
        self.__spec__.loader.exec_module(self)
        return getattr(self, name)


def _read(path: str | None) -> str | None:
    if path is None:
        return None
    try:
        with open(path, encoding="utf-8") as source:
            return source.read()
    except OSError:
        return None


def install() -> bool:
    """Register the deferred ``urllib3.http2``; True when it was installed."""
    if "urllib3" in sys.modules or PACKAGE in sys.modules:
        return False
    top = importlib.util.find_spec("urllib3")
    if top is None or top.submodule_search_locations is None:
        return False
    folder = next(iter(top.submodule_search_locations))
    version = _VERSION.search(_read(f"{folder}/_version.py") or "")
    init = _read(f"{folder}/http2/__init__.py")
    if version is None or version.group(1) != URLLIB3_VERSION or init is None:
        return False
    if tuple(line.strip() for line in _IMPORT_LINE.findall(init)) != IMPORTS:
        return False
    spec = importlib.util.spec_from_file_location(
        PACKAGE, f"{folder}/http2/__init__.py", submodule_search_locations=[f"{folder}/http2"]
    )
    if spec is None or spec.loader is None:
        return False
    module = _DeferredInit(PACKAGE)
    module.__spec__ = spec
    module.__loader__ = spec.loader
    module.__file__ = spec.origin
    module.__path__ = list(spec.submodule_search_locations or ())
    module.__package__ = PACKAGE
    module._submodules = frozenset(
        name.removesuffix(".py")
        for name in os.listdir(f"{folder}/http2")
        if name.endswith(".py") and name != "__init__.py"
    )
    sys.modules[PACKAGE] = module
    return True


def attach() -> None:
    """Once urllib3 is imported, make the deferred package its ``http2`` attribute, as an
    ordinary import would have (``import urllib3.http2; urllib3.http2.inject_into_urllib3()``)."""
    urllib3 = sys.modules.get("urllib3")
    module = sys.modules.get(PACKAGE)
    if urllib3 is not None and module is not None and not hasattr(urllib3, "http2"):
        urllib3.http2 = module
