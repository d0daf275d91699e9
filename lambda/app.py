"""AWS Lambda entry point: the skill is built once per container, at import."""

from cookalong.alexa.skill import build_skill

_skill = build_skill()
lambda_handler = _skill.lambda_handler()
