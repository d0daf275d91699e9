"""Building the skill once: recipes, indexes and locale resources load here, not per request."""

from __future__ import annotations

import os

from ask_sdk_core.attributes_manager import AbstractPersistenceAdapter
from ask_sdk_core.skill import CustomSkill
from ask_sdk_core.skill_builder import CustomSkillBuilder

from cookalong.alexa.actions import ACTIONS
from cookalong.alexa.api_client import TimedApiClient
from cookalong.alexa.handlers import CatchAllExceptionHandler, request_handlers
from cookalong.alexa.persistence import persistence_interceptors
from cookalong.alexa.serializer import FastSerializer
from cookalong.alexa.state import LoadCookingSession, StoreCookingSession
from cookalong.cooking.session import Cookbook, default_cookbook


def handled_intents() -> frozenset[str]:
    """Every intent name that has a handler (the interaction models must declare exactly these)."""
    return frozenset(ACTIONS)


def build_skill(
    persistence_adapter: AbstractPersistenceAdapter | None = None,
    skill_id: str | None = None,
    cookbook: Cookbook | None = None,
) -> CustomSkill:
    """The whole skill, ready to invoke.

    Parameters
    ----------
    persistence_adapter
        Where the cook's place is kept; by default from the environment
        (:func:`cookalong.storage.adapter_from_env`: DynamoDB when ``TABLE_NAME`` is set, else
        a local sqlite file).
    skill_id
        Requests for another skill are refused; by default ``SKILL_ID`` from the environment
        (unset: no check, for local use).
    cookbook
        The recipes; by default the ones shipped with the skill, loaded and validated once.
    """
    if persistence_adapter is None:
        from cookalong.storage import adapter_from_env

        persistence_adapter = adapter_from_env(os.environ)
    if skill_id is None:
        skill_id = os.environ.get("SKILL_ID") or None
    cookbook = cookbook or default_cookbook()
    # Each locale's words (and its language's pack) load when a request first speaks it, once
    # per process: an English cold start never reads German.

    # The API client serves the service clients (the Timer API); it imports requests lazily.
    builder = CustomSkillBuilder(
        persistence_adapter=persistence_adapter, api_client=TimedApiClient()
    )
    builder.skill_id = skill_id
    for handler in request_handlers(cookbook):
        builder.add_request_handler(handler)
    builder.add_exception_handler(CatchAllExceptionHandler())
    # They share unsaved states; with the adapter, those are written back once the store answers.
    load_state, save_state = persistence_interceptors(adapter=persistence_adapter)
    builder.add_global_request_interceptor(load_state)
    builder.add_global_request_interceptor(LoadCookingSession(cookbook))
    builder.add_global_response_interceptor(StoreCookingSession())
    builder.add_global_response_interceptor(save_state)
    skill = builder.create()
    # The SDK's serializer, read and written once per type (the service clients use it too).
    skill.serializer = FastSerializer()
    return skill
