"""AWS Lambda entry point: the skill is built once per container, at import (cold start).

The garbage collector is kept out of the initialisation: it is disabled while the modules
import and the skill is built (nothing then is garbage worth a collection; every collection
would walk every object made so far), and what the initialisation made is then moved to the
permanent generation (:func:`gc.freeze`), so later collections never walk the recipes, the
locale words and the imported modules again. Collection is enabled again for the requests.

With Lambda SnapStart (the template's ``SnapStart`` parameter, off by default) the initialised
process is snapshotted once and restored for each new execution environment. Before the
snapshot :func:`_before_snapshot` loads every locale's words (a plain cold start loads a
locale's with its first request, so that an English container never reads German). After a restore
:func:`_after_restore` re-creates what must not be shared: the store's boto3 client (pooled
connections and resolved credentials of the snapshotted environment) and the random seed
(the phrasing variations would otherwise repeat identically in every restored environment).
"""

from __future__ import annotations

import gc

gc.disable()

from cookalong.compat import regex_cache  # noqa: E402

regex_cache.install()  # before any module compiles a pattern: see that module

import logging  # noqa: E402
import os  # noqa: E402
import random  # noqa: E402
from typing import Any  # noqa: E402

from cookalong.alexa.gate import answer  # noqa: E402
from cookalong.alexa.skill import build_skill  # noqa: E402
from cookalong.storage import adapter_from_env  # noqa: E402

logging.getLogger().setLevel(logging.INFO)
log = logging.getLogger(__name__)

_store = adapter_from_env(os.environ)
_skill = build_skill(persistence_adapter=_store)


def _after_restore() -> None:
    """After a SnapStart restore: new store connections and credentials, a new random seed."""
    random.seed()
    _store.renew(os.environ)


def _before_snapshot() -> None:
    """Before SnapStart takes the snapshot: load what a cold start loads only when a request
    first needs it (each locale's words and its language pack), so restores start with it."""
    from cookalong.speech.voice import known_locales, voice_for

    for locale in known_locales():
        voice_for(locale)


try:  # the Lambda runtime provides this module when SnapStart is on
    from snapshot_restore_py import register_after_restore, register_before_snapshot
except ImportError:
    pass
else:
    register_before_snapshot(_before_snapshot)
    register_after_restore(_after_restore)

gc.freeze()
gc.enable()


def lambda_handler(event: dict[str, Any], context: Any) -> dict[str, Any]:
    """Answer one Alexa request envelope.

    Whatever arrives, the answer is one Alexa accepts (:mod:`cookalong.alexa.gate`): a request
    the SDK cannot even read (not JSON-shaped, no ``request``) still gets a spoken answer where
    its type allows speech, rather than a Lambda error, which Alexa would turn into "there was
    a problem"; every response is valid JSON and SSML within Alexa's size limits.
    """
    return answer(_skill, event, context)
