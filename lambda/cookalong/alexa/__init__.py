"""The Alexa adapter: handlers, interceptors and the skill builder (the only ask_sdk users)."""
