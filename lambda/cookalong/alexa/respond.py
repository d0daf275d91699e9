"""Saying a reply through Alexa: carry out its effects, render it in the request's locale,
escape it, add the card and any directive."""

from __future__ import annotations

from ask_sdk_core.handler_input import HandlerInput
from ask_sdk_model import Response
from ask_sdk_model.interfaces.connections import SendRequestDirective
from ask_sdk_model.ui import AskForPermissionsConsentCard, SimpleCard

from cookalong.alexa.effects import TIMERS_SCOPE, carry_out
from cookalong.alexa.entities import clear_entities, recipe_entities
from cookalong.alexa.persistence import place_unreachable
from cookalong.alexa.state import cooking_session, locale_of
from cookalong.alexa.text import MAX_SPEECH_CHARS, clean_text, ssml, ssml_of_clean
from cookalong.cooking.effects import (
    AskTimerPermission,
    ClearEntities,
    ShowPermissionCard,
    UseRecipeEntities,
)
from cookalong.cooking.messages import Reply
from cookalong.speech import voice_for

__all__ = ["speak", "speak_key", "ssml"]

_ENTITY_EFFECTS = (UseRecipeEntities, ClearEntities)
#: The token of the permission request; Alexa hands it back in the Connections.Response.
PERMISSION_TOKEN = "cookalong-timers"

#: A card's title and text are bounded like speech (Alexa allows 8,000 characters for both).
MAX_CARD_TITLE_CHARS = 200


def permission_request() -> SendRequestDirective:
    """Alexa's voice permission request for timers (``Connections.SendRequest``, AskFor)."""
    return SendRequestDirective(
        name="AskFor",
        payload={
            "@type": "AskForPermissionsConsentRequest",
            "@version": "2",
            "permissionScopes": [{"permissionScope": TIMERS_SCOPE, "consentLevel": "ACCOUNT"}],
        },
        token=PERMISSION_TOKEN,
    )


def speak(handler_input: HandlerInput, reply: Reply) -> Response:
    """Carry out ``reply``'s effects, render what it then says, and build the Alexa response.

    Open sessions always get a reprompt, except the one that hands the turn to Alexa's
    permission question: that response carries the AskFor directive and neither a reprompt nor
    ``shouldEndSession`` (Alexa asks, then sends the answer back as a Connections.Response in
    the same session). What was said is remembered for "repeat".
    """
    outcome = carry_out(handler_input, reply)
    session = cooking_session(handler_input)
    reply = session.conclude(outcome.reply)
    effects = reply.effects
    voice = voice_for(locale_of(handler_input))
    spoken = voice.render_reply(reply, voice.prefs(session.state.units))
    speech = spoken.speech
    if place_unreachable(handler_input):
        speech = f"{voice.t('store_unreadable')} {speech}"
    speech = clean_text(speech, MAX_SPEECH_CHARS // 2)  # room for escaping
    builder = handler_input.response_builder.speak(ssml_of_clean(speech))
    entities = [e for e in (*outcome.replaced, *effects) if isinstance(e, _ENTITY_EFFECTS)]
    if entities:  # the last word on them wins
        last = entities[-1]
        if isinstance(last, UseRecipeEntities):
            builder.add_directive(recipe_entities(session.cookbook.recipe(last.recipe)))
        else:
            builder.add_directive(clear_entities())
    reprompt = clean_text(spoken.reprompt or voice.t("reprompt_help"), MAX_SPEECH_CHARS // 2)
    if any(isinstance(e, AskTimerPermission) for e in effects):
        builder.add_directive(permission_request())
        session.remember(speech, reprompt)
    elif reply.end_session:
        builder.set_should_end_session(True)
    else:
        builder.ask(ssml_of_clean(reprompt))
        session.remember(speech, reprompt)
    if any(isinstance(e, ShowPermissionCard) for e in effects):
        builder.set_card(AskForPermissionsConsentCard(permissions=[TIMERS_SCOPE]))
    elif spoken.card_title and spoken.card_text:
        title = clean_text(spoken.card_title, MAX_CARD_TITLE_CHARS)
        content = clean_text(spoken.card_text, MAX_SPEECH_CHARS // 2)
        builder.set_card(SimpleCard(title=title, content=content))
    return builder.response


def speak_key(handler_input: HandlerInput, key: str) -> Response:
    """A fixed line from the locale (errors), keeping the session open."""
    voice = voice_for(locale_of(handler_input))
    text = voice.t(key)
    return (
        handler_input.response_builder.speak(ssml(text))
        .ask(ssml(voice.t("reprompt_help")))
        .response
    )
