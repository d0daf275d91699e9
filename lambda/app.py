"""AWS Lambda entry point: the skill is built once per container, at import (cold start)."""

from __future__ import annotations

import logging
from typing import Any

from cookalong.alexa.gate import answer
from cookalong.alexa.skill import build_skill

logging.getLogger().setLevel(logging.INFO)
log = logging.getLogger(__name__)

_skill = build_skill()


def lambda_handler(event: dict[str, Any], context: Any) -> dict[str, Any]:
    """Answer one Alexa request envelope.

    Whatever arrives, the answer is one Alexa accepts (:mod:`cookalong.alexa.gate`): a request
    the SDK cannot even read (not JSON-shaped, no ``request``) still gets a spoken answer where
    its type allows speech, rather than a Lambda error, which Alexa would turn into "there was
    a problem"; every response is valid JSON and SSML within Alexa's size limits.
    """
    return answer(_skill, event, context)
