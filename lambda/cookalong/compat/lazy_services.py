"""Load ask-sdk-model's Alexa service clients when a request first needs one, not at import.

The problem
-----------
``ask_sdk_core.skill`` does ``from ask_sdk_model.services import ServiceClientFactory,
ApiConfiguration`` at import. The package ``ask_sdk_model.services`` imports, in its
``__init__``, the ``ServiceClientFactory``, and that imports every Alexa service client with
all its models (timers, reminders, lists, monetization, the device address, the datastore,
LWA...): about 10 % of the skill's cold start, for clients most requests never use. The
SDK's ``CustomSkill.invoke`` builds one factory per request, and only a handler that asks it
for a client (``get_timer_management_service()``) needs any of them.

The fix
-------
:func:`install`, called before anything imports ``ask_sdk_core`` (by
:mod:`cookalong.alexa`), registers ``ask_sdk_model.services`` as the real package (same
``__path__``, spec and file) whose ``__init__`` has not run. Its names resolve when first
used, each from the submodule the package's ``__init__`` takes it from (``ApiConfiguration``
from ``api_configuration``, a few small modules), except ``ServiceClientFactory``, which is
:class:`DeferredServiceClientFactory`: it takes the same ``api_configuration`` and builds the
SDK's real factory, importing the service clients, on its first ``get_..._service()`` call.
Submodules (``ask_sdk_model.services.timer_management``) import as usual.

It is guarded: the package's ``__init__`` must consist of exactly the imports in
:data:`EXPORTS` (ask-sdk-model 1.82.0's), and ``ask_sdk_model.services`` must not be imported
yet; otherwise nothing is changed. Nothing is written to disk.
"""

from __future__ import annotations

import importlib
import importlib.util
import sys
import types
from typing import Any

from cookalong.compat.lazy_models import exports  # the same generated-__init__ reader

PACKAGE = "ask_sdk_model.services"

#: What ``ask_sdk_model/services/__init__.py`` exports, and the submodule each comes from.
EXPORTS = {
    "BaseServiceClient": "base_service_client",
    "ApiConfiguration": "api_configuration",
    "ApiResponse": "api_response",
    "ServiceClientResponse": "service_client_response",
    "ApiClient": "api_client",
    "ServiceClientFactory": "service_client_factory",
    "ApiClientResponse": "api_client_response",
    "ServiceException": "service_exception",
    "Serializer": "serializer",
    "ApiClientMessage": "api_client_message",
    "AuthenticationConfiguration": "authentication_configuration",
    "ApiClientRequest": "api_client_request",
}


class DeferredServiceClientFactory:
    """The SDK's ``ServiceClientFactory``, built on the first ``get_..._service()`` call.

    Parameters
    ----------
    api_configuration
        What ``CustomSkill.invoke`` passes the real factory (serializer, API client,
        endpoint and token of the request).
    """

    def __init__(self, api_configuration: Any) -> None:
        self.api_configuration = api_configuration
        self._factory: Any = None

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__"):
            raise AttributeError(name)
        if self._factory is None:
            from ask_sdk_model.services.service_client_factory import ServiceClientFactory

            self._factory = ServiceClientFactory(api_configuration=self.api_configuration)
        return getattr(self._factory, name)


class _DeferredPackage(types.ModuleType):
    """``ask_sdk_model.services`` whose exports are imported one by one, when first used."""

    def __getattr__(self, name: str) -> Any:
        if name == "ServiceClientFactory":
            value: Any = DeferredServiceClientFactory
        elif name in EXPORTS:
            value = getattr(importlib.import_module(f"{PACKAGE}.{EXPORTS[name]}"), name)
        else:
            raise AttributeError(f"module {PACKAGE!r} has no attribute {name!r}")
        setattr(self, name, value)
        return value


def install() -> bool:
    """Register the deferred ``ask_sdk_model.services``; True when it was installed."""
    if PACKAGE in sys.modules:
        return False
    spec = importlib.util.find_spec(PACKAGE)  # imports ask_sdk_model itself, not the package
    if spec is None or spec.origin is None or spec.submodule_search_locations is None:
        return False
    try:
        with open(spec.origin, encoding="utf-8") as init:
            if exports(init.read()) != EXPORTS:
                return False
    except OSError:
        return False
    module = _DeferredPackage(PACKAGE)
    module.__spec__ = spec
    module.__loader__ = spec.loader
    module.__file__ = spec.origin
    module.__path__ = list(spec.submodule_search_locations)
    module.__package__ = PACKAGE
    sys.modules[PACKAGE] = module
    sys.modules["ask_sdk_model"].services = module
    return True
