"""flask_ask_sdk must import on OpenSSL 3.0.10+ (oscrypto 1.3.0's version regex backport)."""

from __future__ import annotations

import ctypes
import ctypes.util
import difflib
import importlib.util
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from cookalong.compat.oscrypto_openssl3 import PATCHED_MODULES, backport_version_regexes

ROOT = Path(__file__).resolve().parents[2]


def installed_source(module: str) -> str:
    spec = importlib.util.find_spec(module)
    assert spec is not None and spec.origin is not None
    return Path(spec.origin).read_text(encoding="utf-8")


def libcrypto_version() -> str:
    """The version string of the libcrypto oscrypto loads (it uses find_library too)."""
    path = ctypes.util.find_library("crypto")
    assert path, "no libcrypto on this machine"
    library = ctypes.CDLL(path)
    library.OpenSSL_version.restype = ctypes.c_char_p
    library.OpenSSL_version.argtypes = [ctypes.c_int]
    return library.OpenSSL_version(0).decode()


TWO_DIGIT_LIBCRYPTO = re.search(r"\b\d+\.\d+\.\d{2,}\b", libcrypto_version()) is not None


def python(code: str, **env: str) -> subprocess.CompletedProcess[str]:
    """Run ``code`` in a fresh interpreter (nothing imported yet), warnings as errors."""
    environ = {**os.environ, "PYTHONPATH": f"{ROOT / 'lambda'}:{ROOT}", **env}
    return subprocess.run(
        [sys.executable, "-W", "error", "-c", code],
        capture_output=True,
        text=True,
        env=environ,
        timeout=120,
        check=False,
    )


@pytest.mark.parametrize("module", PATCHED_MODULES)
def test_the_backport_changes_exactly_the_three_version_regexes(module: str) -> None:
    # given the installed oscrypto 1.3.0 source of a version-parsing module
    source = installed_source(module)
    # when the backport is applied
    patched = backport_version_regexes(source)
    # then three lines changed, each only by widening \d to \d+ (upstream commit d5f3437)
    assert patched is not None
    changed = [
        line
        for line in difflib.unified_diff(source.splitlines(), patched.splitlines(), n=0)
        if line.startswith(("+", "-")) and not line.startswith(("+++", "---"))
    ]
    assert len(changed) == 6
    removed = [line[1:] for line in changed if line.startswith("-")]
    added = [line[1:] for line in changed if line.startswith("+")]
    assert [line.replace("\\\\d+", "\\\\d") for line in added] == removed


def test_the_backport_leaves_other_sources_alone() -> None:
    # given a source that is already fixed (a later release, a distro patch) or unrelated
    fixed = backport_version_regexes(installed_source(PATCHED_MODULES[0]))
    assert fixed is not None
    # then nothing is applied
    assert backport_version_regexes(fixed) is None
    assert backport_version_regexes("print('hello')\n") is None


def detect(source: str, version_string: str) -> object:
    """Run the module's own version-detection lines on ``version_string``."""
    start = source.index("is_libressl = ")
    end = source.index("\n", source.index("version_info = tuple("))
    namespace: dict[str, object] = {
        "re": re,
        "version_string": version_string,
        "LibraryNotFoundError": LookupError,
    }
    try:
        exec(source[start:end], namespace)
    except LookupError:
        return "not detected"
    return namespace["version_info"]


@pytest.mark.parametrize(
    "version_string",
    [
        "OpenSSL 3.0.9 30 May 2023",
        "OpenSSL 3.0.2 15 Mar 2022",
        "OpenSSL 1.1.1w  11 Sep 2023",
        "OpenSSL 1.1.1zb  1 Jan 2026",
        "OpenSSL 1.0.2k-fips  26 Jan 2017",
        "LibreSSL 3.3.6",
        "LibreSSL 2.8",
    ],
)
def test_single_digit_versions_are_read_as_before(version_string: str) -> None:
    # given a libcrypto version the shipped code handles
    source = installed_source(PATCHED_MODULES[0])
    patched = backport_version_regexes(source)
    assert patched is not None
    # then the backported code reads the same version from it
    assert detect(patched, version_string) == detect(source, version_string)
    assert detect(patched, version_string) != "not detected"


@pytest.mark.parametrize(
    ("version_string", "expected"),
    [
        ("OpenSSL 3.0.19 27 Jan 2026", (3, 0, 19)),
        ("OpenSSL 3.0.10 1 Aug 2023", (3, 0, 10)),
        ("OpenSSL 3.5.10 2 Dec 2026", (3, 5, 10)),
    ],
)
def test_two_digit_versions_are_read_after_the_backport(
    version_string: str, expected: tuple
) -> None:
    source = installed_source(PATCHED_MODULES[0])
    patched = backport_version_regexes(source)
    assert patched is not None
    assert detect(patched, version_string) == expected


@pytest.mark.skipif(
    not TWO_DIGIT_LIBCRYPTO, reason=f"{libcrypto_version()} is read by oscrypto 1.3.0 as it is"
)
def test_without_the_fix_flask_ask_sdk_does_not_import_here() -> None:
    # given this machine's libcrypto (e.g. OpenSSL 3.0.19)
    # when flask_ask_sdk is imported in a fresh interpreter without the fix
    result = python("import flask_ask_sdk.skill_adapter")
    # then it fails as reported upstream (wbond/oscrypto#75)
    assert result.returncode != 0
    assert "Error detecting the version of libcrypto" in result.stderr


def test_the_web_service_imports_flask_ask_sdk_in_a_fresh_interpreter() -> None:
    # given a fresh interpreter
    # when the web service is imported, and oscrypto's crypto is used for real
    result = python(
        "import cookalong.web, flask_ask_sdk.skill_adapter\n"
        "from oscrypto import asymmetric\n"
        "from oscrypto._openssl._libcrypto import libcrypto_version\n"
        "key, _ = asymmetric.generate_pair('rsa', bit_size=2048)\n"
        "print(libcrypto_version)\n"
    )
    # then everything loads and works, with no warning, reading libcrypto's full version
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() in libcrypto_version()


def test_the_fix_writes_nothing_to_site_packages() -> None:
    # given flask_ask_sdk imported once with the fix (bytecode writing allowed)
    first = python("import cookalong.web")
    assert first.returncode == 0, first.stderr
    # when a fresh interpreter imports oscrypto's libcrypto module without the fix
    second = python("import oscrypto._openssl._libcrypto")
    # then it behaves exactly as shipped: no patched bytecode was cached for it
    if TWO_DIGIT_LIBCRYPTO:
        assert "Error detecting the version of libcrypto" in second.stderr
    else:
        assert second.returncode == 0, second.stderr


def test_another_oscrypto_release_is_left_alone() -> None:
    # given an oscrypto that is not 1.3.0 (a future release with the fix)
    result = python(
        "import importlib.metadata as metadata\n"
        "metadata.version = lambda name: '1.4.0'\n"
        "from cookalong.compat import oscrypto_openssl3\n"
        "print(oscrypto_openssl3.install())\n"
    )
    # then install() does nothing
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "False"
