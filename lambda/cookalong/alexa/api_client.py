"""The HTTP client behind ask-sdk's service clients: ask-sdk-core's own, with timeouts.

ask-sdk-core's :class:`~ask_sdk_core.api_client.DefaultApiClient` calls ``requests`` without a
timeout, so an Alexa API that stops answering would hold the request past the 8 seconds Alexa
waits for the skill. :class:`TimedApiClient` is the same client with a connect and a read
timeout. It also imports ``requests`` (through ask-sdk-core's module) only when a request first
needs an Alexa API, so importing the skill stays light.
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING, Any

from ask_sdk_model.services import ApiClient, ApiClientRequest, ApiClientResponse

if TYPE_CHECKING:
    from ask_sdk_core.api_client import DefaultApiClient

#: Seconds to wait for the connection, and for the answer. A turn makes at most one slow call
#: (see :mod:`cookalong.alexa.effects`), which leaves room for the store within Alexa's 8 s.
CONNECT_TIMEOUT = 1.0
READ_TIMEOUT = 2.5


class TimedApiClient(ApiClient):
    """ask-sdk-core's DefaultApiClient with timeouts, built on first use.

    Parameters
    ----------
    connect_timeout, read_timeout
        Seconds, as ``requests`` takes them.
    """

    def __init__(
        self, connect_timeout: float = CONNECT_TIMEOUT, read_timeout: float = READ_TIMEOUT
    ) -> None:
        self.timeout = (connect_timeout, read_timeout)
        self._client: DefaultApiClient | None = None

    def invoke(self, request: ApiClientRequest) -> ApiClientResponse:
        """Send ``request`` (an HTTPS URL only, as the DefaultApiClient insists)."""
        if self._client is None:
            self._client = _timed_default_client(self.timeout)
        return self._client.invoke(request)


def _timed_default_client(timeout: tuple[float, float]) -> DefaultApiClient:
    from ask_sdk_core.api_client import DefaultApiClient

    class _Timed(DefaultApiClient):
        # DefaultApiClient.invoke calls the callable this returns as
        # method(url=..., headers=..., data=...); the timeout rides along.
        def _resolve_method(self, request: ApiClientRequest) -> Any:
            return partial(super()._resolve_method(request), timeout=timeout)

    return _Timed()


__all__ = ["CONNECT_TIMEOUT", "READ_TIMEOUT", "TimedApiClient"]
