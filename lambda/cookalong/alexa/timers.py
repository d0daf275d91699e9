"""The cook's Alexa timers, through ask-sdk's timer management service client.

:class:`TimerService` wraps the ``TimerManagementServiceClient`` the service client factory
gives a request (its endpoint and token are the request envelope's ``apiEndpoint`` and
``apiAccessToken``); it speaks in the cooking core's terms (durations, :class:`TimerReading`)
and turns every failure into one of :data:`~cookalong.cooking.effects.FAILURE_REASONS`:

* 401 or 403: ``no_permission`` (the cook has not granted the timers permission);
* 404: ``not_found`` (reading a timer that is gone is not a failure: it reads as ``gone``);
* anything else (5xx, 504 device offline, a timeout, no connection, a body we cannot read):
  ``unavailable``. After one such failure the service is taken as down for the rest of the
  request, so a turn never waits on more than one slow call.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime, timedelta
from typing import Any

from ask_sdk_model.services.service_exception import ServiceException
from ask_sdk_model.services.timer_management import (
    AnnounceOperation,
    CreationBehavior,
    DisplayExperience,
    NotificationConfig,
    TextToAnnounce,
    TimerRequest,
    TriggeringBehavior,
    Visibility,
)

from cookalong.cooking.effects import TimerReading
from cookalong.kitchen.durations import parse_duration

log = logging.getLogger(__name__)


class TimerApiError(Exception):
    """A Timer API call failed; ``reason`` is one of ``FAILURE_REASONS``."""

    def __init__(self, reason: str, detail: str = "") -> None:
        super().__init__(f"{reason}: {detail}" if detail else reason)
        self.reason = reason


def iso_duration(value: timedelta) -> str:
    """The ISO 8601 duration the API takes: ``timedelta(hours=2)`` → ``"PT2H"``.

    Whole seconds; at least one second.
    """
    seconds = max(int(value.total_seconds()), 1)
    hours, rest = divmod(seconds, 3600)
    minutes, seconds = divmod(rest, 60)
    return "PT" + "".join(f"{n}{u}" for n, u in ((hours, "H"), (minutes, "M"), (seconds, "S")) if n)


def timer_request(duration: timedelta, label: str, announce: str, locale: str) -> TimerRequest:
    """A create request: shown on screens, and on expiry Alexa announces ``announce``.

    Parameters
    ----------
    duration
        How long the timer runs.
    label
        What it times ("pork belly bake"): the name Alexa gives it.
    announce
        What Alexa says when it goes off (the next action), in ``locale``.
    locale
        The request's locale.
    """
    return TimerRequest(
        duration=iso_duration(duration),
        timer_label=label,
        creation_behavior=CreationBehavior(DisplayExperience(Visibility.VISIBLE)),
        triggering_behavior=TriggeringBehavior(
            operation=AnnounceOperation(text_to_announce=[TextToAnnounce(locale, announce)]),
            notification_config=NotificationConfig(play_audible=True),
        ),
    )


class TimerService:
    """The Timer API for one request.

    Parameters
    ----------
    client
        ``handler_input.service_client_factory.get_timer_management_service()``, or ``None``
        when the skill has no API client (every call then fails as ``unavailable``).
    locale
        The request's locale (for the announcement).
    now
        The request's time: a running timer's remaining time is its trigger time minus this.
    """

    def __init__(self, client: Any, locale: str, now: datetime) -> None:
        self.client = client
        self.locale = locale
        self.now = now
        self.down = client is None

    def create(self, duration: timedelta, label: str, announce: str) -> str:
        """Start a timer; returns its id."""
        response = self._call("create_timer", timer_request(duration, label, announce, self.locale))
        timer_id = getattr(response, "id", None)
        if not timer_id:
            self.down = True
            raise TimerApiError("unavailable", "the create answer has no timer id")
        return str(timer_id)

    def read(self, timer_id: str) -> TimerReading:
        """What the API says of a timer; one it no longer knows reads as ``gone``."""
        try:
            response = self._call("get_timer", timer_id)
        except TimerApiError as error:
            if error.reason == "not_found":
                return TimerReading(timer_id, status="OFF", gone=True)
            raise
        status = getattr(getattr(response, "status", None), "value", None) or "ON"
        if status == "PAUSED":
            remaining = _duration(getattr(response, "remaining_time_when_paused", None))
        elif status == "ON":
            remaining = _until(getattr(response, "trigger_time", None), self.now)
        else:
            remaining = timedelta()
        if remaining is None:
            self.down = True
            raise TimerApiError("unavailable", f"cannot read the time left on {timer_id}")
        return TimerReading(timer_id, status=status, remaining=remaining)

    def pause(self, timer_id: str) -> None:
        self._call("pause_timer", timer_id)

    def resume(self, timer_id: str) -> None:
        self._call("resume_timer", timer_id)

    def cancel(self, timer_id: str) -> None:
        self._call("delete_timer", timer_id)

    def _call(self, operation: str, argument: Any) -> Any:
        if self.down:
            raise TimerApiError("unavailable", "the Timer API already failed on this request")
        try:
            return getattr(self.client, operation)(argument)
        except ServiceException as error:
            reason = _reason(error.status_code)
            if reason == "unavailable":
                self.down = True
                log.warning("Timer API %s failed (%s): %s", operation, error.status_code, error)
            raise TimerApiError(reason, str(error)) from error
        except Exception as error:  # a body the SDK cannot read, or anything else
            self.down = True
            log.warning("Timer API %s failed: %s", operation, error)
            raise TimerApiError("unavailable", str(error)) from error


def _reason(status: int | None) -> str:
    if status in (401, 403):
        return "no_permission"
    if status == 404:
        return "not_found"
    return "unavailable"


def _duration(text: str | None) -> timedelta | None:
    if not text:
        return None
    try:
        return parse_duration(text)
    except ValueError:
        return None


def _until(moment: datetime | None, now: datetime) -> timedelta | None:
    if not isinstance(moment, datetime):
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return max(moment - now, timedelta())


__all__ = ["TimerApiError", "TimerService", "iso_duration", "timer_request"]
