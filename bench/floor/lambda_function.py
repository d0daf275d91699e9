"""The floor: the smallest persisted ask-sdk-core skill, as the ASK samples write it.

A hello-world skill whose launch reads the user's persistent attributes from DynamoDB through
the SDK's own ``ask-sdk-dynamodb-persistence-adapter`` (the cost every persisted skill pays:
boto3, the DynamoDB service model, one GetItem), and whose intents answer with one fixed
sentence. ``make bench`` runs it beside the cookalong artifact, with the same interpreter, the
same installed libraries, the same environment and the same local DynamoDB, so the difference
between the two is what cookalong itself costs.

It takes its table from ``TABLE_NAME``; boto3 reads the region, the keys and
``AWS_ENDPOINT_URL_DYNAMODB`` from the environment by itself. The adapter's default resource
(built by the SDK when ``ask_sdk_dynamodb.adapter`` is imported) is the one used, so the floor
builds no second boto3 client.
"""

import os

from ask_sdk_core.dispatch_components import AbstractExceptionHandler, AbstractRequestHandler
from ask_sdk_core.skill_builder import CustomSkillBuilder
from ask_sdk_core.utils import is_request_type
from ask_sdk_dynamodb.adapter import DynamoDbAdapter


class LaunchRequestHandler(AbstractRequestHandler):
    """Welcome the user, reading what was saved for them (one GetItem)."""

    def can_handle(self, handler_input):
        return is_request_type("LaunchRequest")(handler_input)

    def handle(self, handler_input):
        saved = handler_input.attributes_manager.persistent_attributes
        visits = saved.get("visits", 0) if isinstance(saved, dict) else 0
        speech = f"Welcome back to hello world. You have been here {visits} times."
        return handler_input.response_builder.speak(speech).ask("Say hello.").response


class IntentRequestHandler(AbstractRequestHandler):
    """Any intent: one fixed sentence, the session stays open."""

    def can_handle(self, handler_input):
        return is_request_type("IntentRequest")(handler_input)

    def handle(self, handler_input):
        name = handler_input.request_envelope.request.intent.name
        speech = f"Hello world. You asked for {name}."
        return handler_input.response_builder.speak(speech).ask("Say hello.").response


class SessionEndedRequestHandler(AbstractRequestHandler):
    def can_handle(self, handler_input):
        return is_request_type("SessionEndedRequest")(handler_input)

    def handle(self, handler_input):
        return handler_input.response_builder.response


class CatchAllExceptionHandler(AbstractExceptionHandler):
    def can_handle(self, handler_input, exception):
        return True

    def handle(self, handler_input, exception):
        speech = "Sorry, I had trouble doing what you asked. Please try again."
        return handler_input.response_builder.speak(speech).ask(speech).response


sb = CustomSkillBuilder(
    persistence_adapter=DynamoDbAdapter(table_name=os.environ["TABLE_NAME"], create_table=False)
)
sb.skill_id = os.environ.get("SKILL_ID") or None
sb.add_request_handler(LaunchRequestHandler())
sb.add_request_handler(IntentRequestHandler())
sb.add_request_handler(SessionEndedRequestHandler())
sb.add_exception_handler(CatchAllExceptionHandler())

lambda_handler = sb.lambda_handler()
