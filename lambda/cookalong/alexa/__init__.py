"""The Alexa adapter: handlers, interceptors and the skill builder (the only ask_sdk users)."""

from cookalong.compat.lazy_services import install as _defer_service_clients

# Before ask_sdk_core is imported: the Alexa service clients load when a request needs one.
_defer_service_clients()
