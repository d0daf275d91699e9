"""Turning replies into words: locale resources, speakable values, SSML."""

from cookalong.speech.voice import Prefs, Voice, voice_for

__all__ = ["Prefs", "Voice", "voice_for"]
