"""Everything the skill says lives in the language packs, in every locale, and a locale falls
back to its own language only."""

from __future__ import annotations

import re
import string
from pathlib import Path

import pytest

from cookalong.speech.lang import PACKS_DIR, language_of, locale_files
from cookalong.speech.voice import known_locales, voice_for

PACKAGE = Path(PACKS_DIR).parent.parent
LOCALES = ["en-US", "en-GB", "en-CA", "en-AU", "en-IN", "de-DE", "de-AT"]


def referenced_keys() -> set[str]:
    """Message keys named in the code that speaks (session, voice, Alexa adapter)."""
    keys: set[str] = set()
    for path in [
        *PACKAGE.glob("cooking/*.py"),
        *PACKAGE.glob("speech/*.py"),
        *PACKAGE.glob("alexa/*.py"),
    ]:
        text = path.read_text(encoding="utf-8")
        keys |= set(re.findall(r'Msg\.of\(\s*"(\w+)"', text))
        keys |= set(re.findall(r'"(reprompt_\w+)"', text))
        keys |= set(re.findall(r'(?:voice|self)\.t\(\s*"(\w+)"', text))
        keys |= set(re.findall(r'speak_key\(\s*\w+,\s*"(\w+)"', text))
    return keys


def test_every_locale_of_the_product_has_resources():
    assert set(LOCALES) <= set(known_locales())


@pytest.mark.parametrize("locale", LOCALES)
def test_every_key_the_code_says_exists(locale):
    messages = voice_for(locale).messages
    missing = sorted(k for k in referenced_keys() if k not in messages)
    assert missing == []


@pytest.mark.parametrize("locale", LOCALES)
def test_every_locale_has_every_key_any_language_uses(locale):
    # The keys built at run time ("running_" + phase, "detail_asked_" + detail) are in every
    # language's messages; a locale speaks only its own language's files, so a key missing
    # there would be an error, never English in a German reply.
    every = set().union(*(voice_for(other).messages for other in LOCALES))
    missing = sorted(every - set(voice_for(locale).messages))
    assert missing == []


@pytest.mark.parametrize("locale", LOCALES)
def test_a_locale_reads_only_its_own_language(locale):
    base, overlay = locale_files()[locale]
    assert base.parent.name == language_of(locale)
    assert overlay is None or overlay.parent.parent.name == language_of(locale)


@pytest.mark.parametrize("locale", LOCALES)
def test_templates_are_well_formed_and_speakable(locale):
    voice = voice_for(locale)
    for key, value in voice.messages.items():
        for template in value if isinstance(value, list) else [value]:
            fields = [f for _, f, _, _ in string.Formatter().parse(template) if f is not None]
            assert all(f.isidentifier() for f in fields), (key, template)
            assert not re.search(r"\b(tbsp|tsp|lb|lbs|oz)\b|°|[½¼¾⅓⅔⅛]", template), (key, template)


@pytest.mark.parametrize(
    ("locale", "units", "scale", "grill"),
    [
        ("en-US", "us", "F", False),
        ("en-CA", "us", "F", False),
        ("en-GB", "metric", "C", True),
        ("en-AU", "metric", "C", True),
        ("en-IN", "metric", "C", True),
        ("de-DE", "metric", "C", False),
        ("de-AT", "metric", "C", False),
    ],
)
def test_locale_defaults(locale, units, scale, grill):
    voice = voice_for(locale)
    assert voice.prefs(None).units == units
    assert voice.prefs(None).scale == scale
    assert (voice.words("Broil it for 10 minutes") == "Grill it for 10 minutes") is grill
