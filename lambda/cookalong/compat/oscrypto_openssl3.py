"""Let oscrypto 1.3.0 import on OpenSSL 3 releases whose version has a two-digit part.

The problem
-----------
``flask_ask_sdk.skill_adapter`` imports ``ask_sdk_webservice_support.verifier``, which imports
``certvalidator``, which imports ``oscrypto``. oscrypto 1.3.0 (the latest release on PyPI)
finds the libcrypto version with the regular expression ``\\b(\\d\\.\\d\\.\\d[a-z]*)\\b``. For
"OpenSSL 3.0.19 27 Jan 2026" (or 3.0.10 and later, 3.5.10, ...) nothing matches, and
``oscrypto/_openssl/_libcrypto_cffi.py`` raises ``LibraryNotFoundError('Error detecting the
version of libcrypto')`` *at import time*, so the whole web service fails to start.

Upstream fixed it in August 2023 (wbond/oscrypto#75, pull request #76 and commit d5f3437,
"Make OpenSSL version regexes more robust": every ``\\d`` in the three version regexes
becomes ``\\d+``), but no release has carried the fix since.

The fix
-------
:func:`install` puts a meta-path finder in front of the normal import machinery for the two
modules that parse the version (``oscrypto._openssl._libcrypto_cffi`` and its ctypes twin).
When they are imported, it reads the installed source and, only if it contains the exact
three 1.3.0 regex literals, substitutes upstream's literals before compiling. Nothing else in
the module changes; nothing is written to disk (the patched code is compiled in memory and
never cached as bytecode, so an import without the finder still behaves as shipped).

It is guarded three times: the installed distribution must be oscrypto 1.3.0, the module
source must contain the old literals exactly once each, and the modules must not be imported
yet. A future oscrypto release, or a distribution that already patched the file (Debian,
NixOS), is left alone. On libcrypto versions with single-digit parts (3.0.9, 1.1.1w) the new
regexes find the same version as the old ones, so the backport changes nothing there.

The web service does not *use* oscrypto for request verification (see
:mod:`cookalong.verifier`, built on ``cryptography`` alone); it only needs the import to work.
"""

from __future__ import annotations

import importlib.abc
import importlib.machinery
import importlib.metadata
import importlib.util
import logging
import sys
from collections.abc import Sequence
from types import ModuleType

__all__ = ["BROKEN_RELEASE", "PATCHED_MODULES", "backport_version_regexes", "install"]

log = logging.getLogger(__name__)

BROKEN_RELEASE = "1.3.0"
"""The oscrypto release whose libcrypto version detection this module backports a fix to."""

PATCHED_MODULES = (
    "oscrypto._openssl._libcrypto_cffi",
    "oscrypto._openssl._libcrypto_ctypes",
)
"""The two modules (cffi and ctypes flavours) that parse the libcrypto version string."""

# (as shipped in 1.3.0, as in upstream commit d5f3437): the Python string literals, verbatim.
_REGEX_FIXES = (
    (r"'\\b(\\d\\.\\d\\.\\d[a-z]*)\\b'", r"'\\b(\\d+\\.\\d+\\.\\d+[a-z]*)\\b'"),
    (r"'(?<=LibreSSL )(\\d\\.\\d(\\.\\d)?)\\b'", r"'(?<=LibreSSL )(\\d+\\.\\d+(\\.\\d+)?)\\b'"),
    (r"'(\\d)([a-z]+)'", r"'(\\d+)([a-z]+)'"),
)


def backport_version_regexes(source: str) -> str | None:
    """Apply upstream's version-regex fix to the source of an oscrypto 1.3.0 libcrypto module.

    Parameters
    ----------
    source
        The text of ``oscrypto/_openssl/_libcrypto_cffi.py`` or ``_libcrypto_ctypes.py``.

    Returns
    -------
    str or None
        The source with the three version regexes widened from ``\\d`` to ``\\d+``, or
        ``None`` when the source is not the 1.3.0 text (each old literal must occur exactly
        once), in which case it must be used unchanged.
    """
    if any(source.count(old) != 1 for old, _ in _REGEX_FIXES):
        return None
    for old, new in _REGEX_FIXES:
        source = source.replace(old, new)
    return source


class _BackportingLoader(importlib.machinery.SourceFileLoader):
    """Compile the module from its patched source; never read or write cached bytecode."""

    def get_code(self, fullname: str):  # type: ignore[override]
        source = importlib.util.decode_source(self.get_data(self.path))
        patched = backport_version_regexes(source)
        if patched is None:
            log.debug(
                "%s is not the oscrypto %s text; importing it unchanged", fullname, BROKEN_RELEASE
            )
            return super().get_code(fullname)
        log.debug("backported oscrypto's libcrypto version regexes into %s", fullname)
        return compile(patched, self.path, "exec", dont_inherit=True)


class _BackportingFinder(importlib.abc.MetaPathFinder):
    """Hand the two version-parsing modules to :class:`_BackportingLoader`."""

    def find_spec(
        self,
        fullname: str,
        path: Sequence[str] | None,
        target: ModuleType | None = None,
    ) -> importlib.machinery.ModuleSpec | None:
        if fullname not in PATCHED_MODULES:
            return None
        spec = importlib.machinery.PathFinder.find_spec(fullname, path)
        if spec is None or not isinstance(spec.loader, importlib.machinery.SourceFileLoader):
            return None  # not a plain .py file (zip, frozen, ...): leave it to the normal path
        assert spec.origin is not None
        spec.loader = _BackportingLoader(fullname, spec.origin)
        spec.cached = None
        return spec


_FINDER = _BackportingFinder()


def install() -> bool:
    """Backport oscrypto's libcrypto version fix for the imports that follow, when needed.

    Call it before anything imports ``flask_ask_sdk``, ``ask_sdk_webservice_support`` or
    ``certvalidator``. It is idempotent and cheap.

    Returns
    -------
    bool
        ``True`` when the fix is in place (now or from an earlier call), ``False`` when it is
        not needed: oscrypto is not installed, is not release 1.3.0, or its libcrypto modules
        were already imported.
    """
    if _FINDER in sys.meta_path:
        return True
    try:
        release = importlib.metadata.version("oscrypto")
    except importlib.metadata.PackageNotFoundError:
        return False
    if release != BROKEN_RELEASE:
        return False
    if any(name in sys.modules for name in PATCHED_MODULES):
        return False
    sys.meta_path.insert(0, _FINDER)
    return True
