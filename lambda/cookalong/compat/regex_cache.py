"""Regular expressions compiled at build time, so a cold start does not compile them again.

The problem
-----------
A cold start compiles about two hundred regular expressions before it answers: urllib3's URL
grammar, botocore's, the e-mail and HTTP modules', and the skill's own. CPython compiles each
in pure Python (``re._parser`` parses it, ``re._compiler`` turns it into a list of integer
opcodes that ``_sre.compile`` makes into a pattern object): about a sixth of a cold start's
instructions, the same work in every new container.

The fix
-------
The build (``tools/regex_cache.py``) runs one cold start of the artifact, records every pattern
compiled up to the first answers, and writes each pattern's compiled form (the opcode list,
groups and group names) into ``regex-cache.marshal`` beside ``app.py``. :func:`install`, the
first thing ``app`` does, reads that file and puts a pattern object made by ``_sre.compile``
from the stored opcodes into ``re``'s own cache for each one; ``re.compile``, ``re.match`` and the
rest then find them there as if they had compiled them earlier in the process. A pattern made
this way is equal to one compiled afresh (``Pattern.__eq__`` compares the opcodes; tested on
every entry), ``_sre.compile`` validates the opcodes it is given, and a pattern not in the file
compiles as usual.

Guarded: the file names the interpreter and the ``_sre`` opcode format it was written for
(``sys.implementation.cache_tag``, ``_sre.MAGIC``, ``_sre.CODESIZE``); on any other Python, with
no file, or with a file that cannot be read, :func:`install` does nothing.
"""

from __future__ import annotations

import _sre
import marshal
import os
import re
import sys

#: Where the build writes the cache: the artifact's root, beside ``app.py``.
CACHE_FILE = os.path.join(
    os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))),
    "regex-cache.marshal",
)
#: The file layout's own version (the first element of the header).
FORMAT = 1


def header() -> tuple[object, ...]:
    """What a cache must have been written by to be used in this interpreter."""
    return (FORMAT, sys.implementation.cache_tag, _sre.MAGIC, _sre.CODESIZE)


def install(path: str = CACHE_FILE) -> int:
    """Put the build's compiled patterns into ``re``'s cache; return how many (0: none used).

    Returns 0, and changes nothing, when ``path`` is missing or unreadable, was written by
    another interpreter or opcode format, or ``re`` has no cache this module knows.
    """
    cache = getattr(re, "_cache", None)
    if not isinstance(cache, dict):
        return 0
    try:
        with open(path, "rb") as stream:
            written, entries = marshal.loads(stream.read())
    except (OSError, EOFError, ValueError, TypeError):
        return 0
    if written != header():
        return 0
    room = getattr(re, "_MAXCACHE", 512) - len(cache)
    made = 0
    for pattern, flags, compiled_flags, code, groups, groupindex in entries[: max(room, 0)]:
        indexgroup = [None] * (groups + 1)
        for name, index in groupindex.items():
            indexgroup[index] = name
        try:
            compiled = _sre.compile(
                pattern, compiled_flags, code, groups, groupindex, tuple(indexgroup)
            )
        except (RuntimeError, TypeError, ValueError):  # opcodes _sre does not accept
            continue
        cache[type(pattern), pattern, flags] = compiled
        made += 1
    return made
