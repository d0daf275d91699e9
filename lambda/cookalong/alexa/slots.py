"""Reading slots the way Alexa fills them: raw words, a resolved id, or nothing at all."""

from __future__ import annotations

from ask_sdk_core.handler_input import HandlerInput
from ask_sdk_model.slu.entityresolution import StatusCode

from cookalong.alexa.text import MAX_SLOT_CHARS, clean_text
from cookalong.speech.heard import parse_number
from cookalong.speech.lang import pack


class Slots:
    """The slots of the current intent. Missing, empty and unknown values read as ``None``.

    What a cook said is cleaned (no characters XML cannot hold, one line) and bounded to
    :data:`~cookalong.alexa.text.MAX_SLOT_CHARS` before anything repeats it back.
    """

    def __init__(self, handler_input: HandlerInput) -> None:
        self._handler_input = handler_input

    @property
    def language(self) -> str:
        """The request's language ("en", "de"): whose words the slots are in."""
        from cookalong.speech.voice import supported_locale

        locale = getattr(self._handler_input.request_envelope.request, "locale", None)
        return supported_locale(locale).split("-")[0]

    def _slots(self) -> dict:
        # Not ask_sdk_core's get_slot: it refuses a CanFulfillIntentRequest, which has slots too.
        intent = getattr(self._handler_input.request_envelope.request, "intent", None)
        slots = getattr(intent, "slots", None)
        return slots if isinstance(slots, dict) else {}

    def _slot(self, name: str):
        return self._slots().get(name)

    def names(self) -> list[str]:
        """The names of the slots the request carries (filled or not)."""
        return [name for name in self._slots() if isinstance(name, str)]

    def words(self, name: str) -> str | None:
        """What the cook said for the slot ("five spice powder"), or ``None``."""
        slot = self._slot(name)
        value = getattr(slot, "value", None)
        if not isinstance(value, str):
            return None
        value = clean_text(value, MAX_SLOT_CHARS)
        return value if value and value != "?" else None

    def id(self, name: str) -> str | None:
        """The slot value's id when entity resolution matched one of our values."""
        slot = self._slot(name)
        resolutions = getattr(slot, "resolutions", None)
        for authority in getattr(resolutions, "resolutions_per_authority", None) or ():
            status = getattr(getattr(authority, "status", None), "code", None)
            if status == StatusCode.ER_SUCCESS_MATCH and authority.values:
                value = authority.values[0].value
                if value is not None and isinstance(value.id, str) and value.id:
                    return value.id[:MAX_SLOT_CHARS]
        return None

    def number(self, name: str) -> int | None:
        """An AMAZON.NUMBER or AMAZON.Ordinal slot as an int.

        Alexa sends digits ("8"); simulators and some test tools send words ("eight",
        "twenty one", "third"). ``None`` when no number was heard, or when Alexa heard one it
        could not read ("?": see :meth:`unreadable`).
        """
        words = self.words(name)
        if words is None:
            return None
        found = parse_number(words)
        if found is None and self.language != "en":  # "acht", "der dritte"
            found = pack(self.language).heard_number(words)
        return found

    def unreadable(self, name: str) -> bool:
        """Alexa heard a number here but could not read it (the slot value is "?")."""
        slot = self._slot(name)
        value = getattr(slot, "value", None)
        return isinstance(value, str) and value.strip() == "?"
