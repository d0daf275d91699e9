"""Import ask-sdk-model's model classes when they are first used, not all at start-up.

The problem
-----------
ask-sdk-model is generated code: each package's ``__init__`` is a list of
``from .module import Class`` lines, one per model in it. ``import ask_sdk_model`` therefore
imports every top-level model, and ``ask_sdk_core`` imports packages such as
``ask_sdk_model.interfaces.display`` or ``ask_sdk_model.ui`` for one or two classes each, which
imports all of theirs: about 130 modules at a cold start, of which a launch uses about 60 (4 %
of the skill's cold start instructions for the rest).

The fix
-------
:func:`install`, called before anything imports ``ask_sdk_model`` (:mod:`cookalong.alexa`),
puts a finder first on ``sys.meta_path`` for ``ask_sdk_model`` and its subpackages. For a
package whose ``__init__`` consists of nothing but such import lines (and the
``from __future__`` line, comments and blank lines), it makes the package a module whose names
are imported when first read: ``ask_sdk_model.RequestEnvelope`` imports
``ask_sdk_model.request_envelope`` and takes ``RequestEnvelope`` from it, as the ``__init__``
would have; ``from ask_sdk_model.ui import SimpleCard`` works the same way, and submodules
import as usual. Each name resolves to the very object the published ``__init__`` would bind.
A package whose ``__init__`` has anything else in it is imported as published. Nothing is
written to disk.

One difference: ``from ask_sdk_model import *`` takes only the names already imported (the
generated ``__init__`` files have no ``__all__``); nothing in the skill or the SDK does that.
"""

from __future__ import annotations
import __future__

import importlib
import re
import sys
import types
from importlib.machinery import ModuleSpec, PathFinder
from typing import Any

ROOT = "ask_sdk_model"
_IMPORT = re.compile(r"^from \.(\w+) import (\w+)$")
_IGNORED = ("from __future__ import absolute_import",)


def exports(source: str) -> dict[str, str] | None:
    """Name -> submodule for a generated package ``__init__``; ``None`` when it is not one."""
    found: dict[str, str] = {}
    for line in source.splitlines():
        line = line.strip()
        if not line or line.startswith("#") or line in _IGNORED:
            continue
        match = _IMPORT.match(line)
        if match is None:
            return None
        found[match.group(2)] = match.group(1)
    return found


class LazyPackage(types.ModuleType):
    """A generated ask-sdk-model package whose exports are imported when first read."""

    _lazy_exports: dict[str, str]

    def __getattr__(self, name: str) -> Any:
        lazy = self.__dict__.get("_lazy_exports", {})
        if name in lazy:
            module = importlib.import_module(f"{self.__name__}.{lazy[name]}")
            value = getattr(module, name)
        elif not name.startswith("__"):
            try:  # a submodule read as an attribute, as after an eager ``__init__``
                value = importlib.import_module(f"{self.__name__}.{name}")
            except ModuleNotFoundError:
                raise AttributeError(
                    f"module {self.__name__!r} has no attribute {name!r}"
                ) from None
        else:
            raise AttributeError(name)
        setattr(self, name, value)
        return value

    def __dir__(self) -> list[str]:
        return sorted({*self.__dict__, *self.__dict__.get("_lazy_exports", {})})


class _Loader:
    def __init__(self, names: dict[str, str], future: bool) -> None:
        self.names = names
        self.future = future

    def create_module(self, spec: ModuleSpec) -> types.ModuleType:
        return LazyPackage(spec.name)

    def exec_module(self, module: types.ModuleType) -> None:
        module._lazy_exports = self.names  # type: ignore[attr-defined]
        if self.future:  # the name a ``from __future__`` line binds, as in the published one
            module.absolute_import = __future__.absolute_import  # type: ignore[attr-defined]


class _Finder:
    """Finds ask-sdk-model's generated packages, lazily; anything else as usual."""

    def find_spec(self, fullname: str, path: Any = None, target: Any = None) -> ModuleSpec | None:
        if fullname != ROOT and not fullname.startswith(ROOT + "."):
            return None
        spec = PathFinder.find_spec(fullname, path)
        if spec is None or spec.submodule_search_locations is None or not spec.origin:
            return spec  # a plain module, or not found: as usual
        try:
            with open(spec.origin, encoding="utf-8") as init:
                source = init.read()
        except (OSError, UnicodeDecodeError):
            return spec
        names = exports(source)
        if names is None:
            return spec
        loader = _Loader(names, future=_IGNORED[0] in source)
        lazy = ModuleSpec(fullname, loader, origin=spec.origin, is_package=True)
        lazy.submodule_search_locations = list(spec.submodule_search_locations)
        lazy.has_location = True
        return lazy


def install() -> bool:
    """Put the finder first on ``sys.meta_path``; False when ask_sdk_model is already in."""
    if ROOT in sys.modules:
        return False
    if not any(isinstance(finder, _Finder) for finder in sys.meta_path):
        sys.meta_path.insert(0, _Finder())
    return True
