"""Saying a reply through Alexa: render it in the request's locale, escape it, add the card."""

from __future__ import annotations

from html import escape

from ask_sdk_core.handler_input import HandlerInput
from ask_sdk_model import Response
from ask_sdk_model.ui import SimpleCard

from cookalong.alexa.state import cooking_session, locale_of
from cookalong.cooking.messages import Reply
from cookalong.speech import voice_for


def ssml(text: str) -> str:
    """Plain text as SSML: escaped, so "salt & pepper" or "<3" can never break the speech."""
    return f"<speak>{escape(text, quote=False)}</speak>"


def speak(handler_input: HandlerInput, reply: Reply) -> Response:
    """Render ``reply`` for this cook and build the Alexa response.

    Open sessions always get a reprompt; what was said is remembered for "repeat".
    """
    session = cooking_session(handler_input)
    reply = session.conclude(reply)
    voice = voice_for(locale_of(handler_input))
    spoken = voice.render_reply(reply, voice.prefs(session.state.units))
    builder = handler_input.response_builder.speak(ssml(spoken.speech))
    if reply.end_session:
        builder.set_should_end_session(True)
    else:
        reprompt = spoken.reprompt or voice.t("reprompt_help")
        builder.ask(ssml(reprompt))
        session.remember(spoken.speech, reprompt)
    if spoken.card_title and spoken.card_text:
        builder.set_card(SimpleCard(title=spoken.card_title, content=spoken.card_text))
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
