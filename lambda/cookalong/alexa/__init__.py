"""The Alexa adapter: handlers, interceptors and the skill builder (the only ask_sdk users)."""

from cookalong.compat.lazy_models import install as _defer_models
from cookalong.compat.lazy_services import install as _defer_service_clients

# Before ask_sdk_core is imported: the SDK's model classes load when first used, and the Alexa
# service clients when a request needs one.
_defer_models()
_defer_service_clients()
