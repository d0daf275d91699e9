"""Reading slots the way Alexa fills them: raw words, a resolved id, or nothing at all."""

from __future__ import annotations

from ask_sdk_core.handler_input import HandlerInput
from ask_sdk_core.utils import get_slot
from ask_sdk_model.slu.entityresolution import StatusCode

from cookalong.speech.heard import parse_number


class Slots:
    """The slots of the current intent. Missing, empty and unknown values read as ``None``."""

    def __init__(self, handler_input: HandlerInput) -> None:
        self._handler_input = handler_input

    def _slot(self, name: str):
        try:
            return get_slot(self._handler_input, name)
        except (AttributeError, TypeError, ValueError):
            return None

    def words(self, name: str) -> str | None:
        """What the cook said for the slot ("five spice powder"), or ``None``."""
        slot = self._slot(name)
        value = getattr(slot, "value", None)
        if not isinstance(value, str):
            return None
        value = value.strip()
        return value if value and value != "?" else None

    def id(self, name: str) -> str | None:
        """The slot value's id when entity resolution matched one of our values."""
        slot = self._slot(name)
        resolutions = getattr(slot, "resolutions", None)
        for authority in getattr(resolutions, "resolutions_per_authority", None) or ():
            status = getattr(getattr(authority, "status", None), "code", None)
            if status == StatusCode.ER_SUCCESS_MATCH and authority.values:
                value = authority.values[0].value
                if value is not None and value.id:
                    return str(value.id)
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
        return parse_number(words)

    def unreadable(self, name: str) -> bool:
        """Alexa heard a number here but could not read it (the slot value is "?")."""
        slot = self._slot(name)
        value = getattr(slot, "value", None)
        return isinstance(value, str) and value.strip() == "?"
