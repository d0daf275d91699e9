"""ask-sdk-model's packages imported lazily (:mod:`cookalong.compat.lazy_models`).

Each side runs in a new interpreter (the finder acts at import): one with the lazy packages,
one with ask-sdk-model imported as published; both read every package of the pinned release.
"""

from __future__ import annotations

import json

from cookalong.compat.lazy_models import exports
from tests.probe import run_probe

_WALK = r"""
import importlib, json, pkgutil, sys
lazy = sys.argv[1] == "lazy"
if lazy:
    from cookalong.compat.lazy_models import LazyPackage, install
    install()
import ask_sdk_model

seen, kinds = {}, 0
packages = ["ask_sdk_model"] + [
    info.name for info in pkgutil.walk_packages(ask_sdk_model.__path__, "ask_sdk_model.")
    if info.ispkg
]
for name in packages:
    package = importlib.import_module(name)
    if lazy and isinstance(package, LazyPackage):
        kinds += 1
    public = sorted(n for n in dir(package) if not n.startswith("_"))
    seen[name] = {n: repr(getattr(package, n)) for n in public
                  if not repr(getattr(package, n)).startswith("<module")}
print(json.dumps({"packages": seen, "lazy_packages": kinds}))
"""


def _walk(mode: str) -> dict:
    return json.loads(run_probe(_WALK, [mode]))


def test_every_package_offers_the_same_classes_lazily_as_published():
    # given every package of ask-sdk-model, read lazily and as published
    lazy, published = _walk("lazy"), _walk("published")
    # then most packages were lazy, and each one names the same classes, bound the same
    assert lazy["lazy_packages"] > 50
    assert lazy["packages"] == published["packages"]


def test_only_a_generated_init_is_made_lazy():
    # given a generated __init__, and ones with anything else in them
    generated = "from __future__ import absolute_import\n\nfrom .slot import Slot\n"
    # then only the generated one is read as exports
    assert exports(generated) == {"Slot": "slot"}
    assert exports(generated + "import typing\n") is None
    assert exports(generated + "VERSION = '1'\n") is None
    assert exports("from .slot import Slot as S\n") is None
