"""cookalong: a hands-free cooking assistant for Alexa.

``kitchen``, ``recipe`` and ``cooking`` are the pure domain core (no ``ask_sdk`` imports);
``alexa``, ``storage`` and ``web`` are thin adapters around it.
"""
