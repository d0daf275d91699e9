"""AWS Lambda entry point: the skill is built once per container, at import (cold start).

The garbage collector is kept out of the initialisation: it is disabled while the modules
import and the skill is built (nothing then is garbage worth a collection; every collection
would walk every object made so far), and what the initialisation made is then moved to the
permanent generation (:func:`gc.freeze`), so later collections never walk the recipes, the
locale words and the imported modules again. Collection is enabled again for the requests.
"""

from __future__ import annotations

import gc

gc.disable()

import logging  # noqa: E402
from typing import Any  # noqa: E402

from cookalong.alexa.gate import answer  # noqa: E402
from cookalong.alexa.skill import build_skill  # noqa: E402

logging.getLogger().setLevel(logging.INFO)
log = logging.getLogger(__name__)

_skill = build_skill()

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
