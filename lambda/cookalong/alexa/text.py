"""Text that reaches Alexa: cleaned of what XML cannot hold, bounded, and escaped as SSML.

Alexa speaks at most 8,000 characters of ``outputSpeech`` and refuses SSML that no XML parser
accepts, so every string the skill says passes through :func:`ssml`, and every string a cook
said (slot values echoed back: "this recipe doesn't use ...") through :func:`clean_text` first.
"""

from __future__ import annotations

import re
from html import escape

__all__ = ["MAX_SLOT_CHARS", "MAX_SPEECH_CHARS", "clean_text", "ssml", "ssml_of_clean", "xml_safe"]

#: Alexa's limit for the speech of one ``outputSpeech`` (and of a reprompt), SSML included.
MAX_SPEECH_CHARS = 8000
#: What is kept of a slot value: what a cook can say in one breath, with room to spare.
MAX_SLOT_CHARS = 120

#: Code points XML 1.0 cannot hold (C0 controls but tab, newline and carriage return; lone
#: surrogates; U+FFFE and U+FFFF), and the C1 controls, which no voice should read.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
_SPACE = re.compile(r"\s+")


def xml_safe(text: str) -> str:
    """``text`` without the characters XML cannot hold; layout (spaces, newlines) kept."""
    return _NOT_XML.sub("", text) if _NOT_XML.search(text) else text


def clean_text(text: str, limit: int | None = None) -> str:
    """``text`` without characters XML cannot hold, on one line, at most ``limit`` characters.

    Parameters
    ----------
    text
        Any string: a slot value, a locale line with values filled in.
    limit
        Longest result; a longer text is cut at the last word boundary before it.

    Returns
    -------
    str
        The cleaned text (possibly empty).
    """
    if text.isprintable():  # nearly always: no control, format or odd space character at all
        if "  " in text:
            text = _SPACE.sub(" ", text)
    else:
        text = _SPACE.sub(" ", _NOT_XML.sub("", text))
    text = text.strip()
    if limit is not None and len(text) > limit:
        cut = text[:limit]
        space = cut.rfind(" ")
        text = (cut[:space] if space > limit // 2 else cut).rstrip()
    return text


def ssml(text: str) -> str:
    """Plain text as SSML: cleaned, bounded to Alexa's limit and escaped.

    "salt & pepper" or "<3" can never break the speech, and no input can make it too long.
    """
    return ssml_of_clean(clean_text(text))


def ssml_of_clean(text: str) -> str:
    """:func:`ssml` for text that :func:`clean_text` has already cleaned (no second pass)."""
    body = escape(text, quote=False)
    room = MAX_SPEECH_CHARS - len("<speak></speak>")
    if len(body) > room:
        body = body[:room]
        amp = body.rfind("&")
        if amp != -1 and ";" not in body[amp:]:  # never cut an entity in half
            body = body[:amp]
        space = body.rfind(" ")
        body = body[:space] if space > room // 2 else body
    return f"<speak>{body}</speak>"
