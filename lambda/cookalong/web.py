"""The skill as a self-hosted web service: Flask + flask-ask-sdk, with real request verification.

``make serve`` (``python -m cookalong.web``) runs it on ``HOST``:``PORT`` (default
127.0.0.1:5000) with Flask's development server; in production run it under gunicorn with the
settings in :mod:`cookalong.gunicorn_conf` (threaded workers, so a few slow clients cannot stall
it), behind a buffering reverse proxy that terminates TLS (see the README). The skill is the same
as the Lambda's (:func:`cookalong.alexa.skill.build_skill`: same handlers, same persistence
configuration from the environment) and answers through the same front door
(:mod:`cookalong.alexa.gate`).

Routes
------
``POST /``
    The skill endpoint (what the skill's HTTPS endpoint points at). The body is read within
    :data:`cookalong.web_body.BODY_SECONDS` and at most :data:`MAX_REQUEST_BYTES`, and must
    parse as a JSON object nested at most :data:`~cookalong.alexa.gate.MAX_DEPTH` deep before
    anything else runs (:mod:`cookalong.web_body`). A request that fails any check gets a 4xx
    (or a 503 while certificate fetches are saturated) with ``{"error": "<reason>"}``; never a
    500.
``GET /``
    Health check: ``{"status": "ok", "skill": ..., "recipes": [...], "verification": {...},
    "store": {...}}``; ``status`` is ``"degraded"`` while the store is failing (the skill still
    answers; see :meth:`cookalong.storage.MeteredAdapter.health`).

Environment
-----------
``SKILL_ID``
    When set, requests for any other application id are refused (403) before dispatch, and
    the skill itself checks it too.
``ASK_SDK_VERIFY_SIGNATURE``, ``ASK_SDK_VERIFY_TIMESTAMP``
    flask-ask-sdk's own switches, on by default; ``false``/``0``/``no``/``off`` turns one off
    for local experiments, with a loud warning in the log.
``HOST``, ``PORT``
    Where ``python -m cookalong.web`` listens.

Verification is done by :mod:`cookalong.verifier` (``cryptography`` only), handed to
flask-ask-sdk's :class:`~flask_ask_sdk.skill_adapter.SkillAdapter` as custom verifiers; the
SDK's own verifiers are switched off in the app config: its signature verifier needs
``certvalidator``/``oscrypto`` (which cannot load libcrypto 3.0.10 and later) and both report
failures without a reason.
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Callable, Mapping
from datetime import UTC, datetime
from typing import Any

from flask import Flask, Response, current_app, jsonify, request
from werkzeug.exceptions import HTTPException, RequestEntityTooLarge

from cookalong import web_body
from cookalong.compat import oscrypto_openssl3
from cookalong.verifier import (
    RequestRejected,
    SignatureVerifier,
    check_application_id,
    check_timestamp,
)

# flask_ask_sdk imports certvalidator -> oscrypto, whose import fails on OpenSSL 3.0.10+
# unless upstream's fix is backported first (see cookalong.compat.oscrypto_openssl3).
oscrypto_openssl3.install()

from ask_sdk_core.skill import CustomSkill  # noqa: E402
from ask_sdk_webservice_support.verifier import (  # noqa: E402
    AbstractVerifier,
    VerificationException,
)
from ask_sdk_webservice_support.webservice_handler import WebserviceSkillHandler  # noqa: E402
from flask_ask_sdk.skill_adapter import (  # noqa: E402
    VERIFY_SIGNATURE_APP_CONFIG,
    VERIFY_TIMESTAMP_APP_CONFIG,
    SkillAdapter,
)

from cookalong.alexa.gate import (  # noqa: E402
    Malformed,
    answer_envelope,
    clean_event,
    read_envelope,
    request_type_of,
)

__all__ = ["SKILL_NAME", "CookalongSkillAdapter", "create_app", "main", "parse_switch"]

log = logging.getLogger("cookalong.web")  # also when run as __main__

SKILL_NAME = "cookalong"
MAX_REQUEST_BYTES = 128 * 1024
"""Alexa's requests are a few kilobytes; a larger body is refused with 413 before parsing."""

_OFF = frozenset({"false", "0", "no", "off"})
_ON = frozenset({"true", "1", "yes", "on"})


def parse_switch(environ: Mapping[str, str], name: str, default: bool = True) -> bool:
    """Read an on/off setting from the environment.

    Parameters
    ----------
    environ
        The environment.
    name
        The variable, e.g. ``ASK_SDK_VERIFY_SIGNATURE``.
    default
        The value when the variable is unset or empty.

    Returns
    -------
    bool
        ``False`` for false/0/no/off, ``True`` for true/1/yes/on (any case).

    Raises
    ------
    ValueError
        For any other value, naming the variable: a typo must not switch verification off,
        nor silently leave it on when the developer meant off.
    """
    raw = environ.get(name, "").strip().lower()
    if not raw:
        return default
    if raw in _OFF:
        return False
    if raw in _ON:
        return True
    raise ValueError(f"{name} must be true or false (or 1/0, yes/no, on/off), not {raw!r}")


# --- flask-ask-sdk adapters around cookalong.verifier -------------------------------------


class Rejected(VerificationException):
    """The SDK's verification failure, carrying our reason and 4xx status."""

    def __init__(self, rejected: RequestRejected) -> None:
        super().__init__(rejected.reason)
        self.reason = rejected.reason
        self.status = rejected.status


class SignatureCheck(AbstractVerifier):
    """The Signature-256 header and its certificate chain (cookalong.verifier.SignatureVerifier)."""

    def __init__(self, verifier: SignatureVerifier) -> None:
        self._verifier = verifier

    def verify(self, headers, serialized_request_env, deserialized_request_env) -> None:
        try:
            # The body was decoded from UTF-8 without loss, so this is the signed byte string.
            self._verifier.verify(headers, serialized_request_env.encode("utf-8"))
        except RequestRejected as rejected:
            raise Rejected(rejected) from None


class TimestampCheck(AbstractVerifier):
    """The request is at most 150 seconds old (an hour for skill events)."""

    def __init__(self, clock: Callable[[], datetime]) -> None:
        self._clock = clock

    def verify(self, headers, serialized_request_env, deserialized_request_env) -> None:
        incoming = deserialized_request_env.request
        try:
            check_timestamp(
                incoming.timestamp if incoming is not None else None,
                request_type=incoming.object_type if incoming is not None else None,
                now=self._clock(),
            )
        except RequestRejected as rejected:
            raise Rejected(rejected) from None


class ApplicationIdCheck(AbstractVerifier):
    """The request is for this skill (context.System.application and session.application)."""

    def __init__(self, skill_id: str) -> None:
        self._skill_id = skill_id

    def verify(self, headers, serialized_request_env, deserialized_request_env) -> None:
        envelope = deserialized_request_env
        system = envelope.context.system if envelope.context is not None else None
        ids = (
            _application_id(system.application if system is not None else None),
            _application_id(envelope.session.application if envelope.session else None),
        )
        try:
            check_application_id(ids, self._skill_id)
        except RequestRejected as rejected:
            raise Rejected(rejected) from None


def _application_id(application: Any) -> str | None:
    return application.application_id if application is not None else None


class _CheckedHandler(WebserviceSkillHandler):
    """The SDK's handler, answering through :mod:`cookalong.alexa.gate`.

    The body is cleaned and read like the Lambda's; one that is not an Alexa request envelope
    (the SDK cannot read it, or it lacks ``context.System``) is a 400, where the SDK would let
    the exception through as a 500. Verification sees the raw body.
    """

    def verify_and_answer(self, headers: Any, body: str, parsed: dict[str, Any]) -> dict:
        try:
            envelope = read_envelope(self._skill, clean_event(parsed))
        except Malformed as error:
            raise Rejected(
                RequestRejected(f"the body is not an Alexa request envelope: {error}")
            ) from None
        for verifier in self._verifiers:
            verifier.verify(
                headers=headers, serialized_request_env=body, deserialized_request_env=envelope
            )
        request_body = parsed.get("request")
        locale = request_body.get("locale") if isinstance(request_body, dict) else None
        return answer_envelope(self._skill, envelope, None, request_type_of(parsed), locale)

    def verify_request_and_dispatch(self, http_request_headers, http_request_body):
        """The SDK's entry point, kept for callers that hold only the body text."""
        try:
            parsed = web_body.parse_body(http_request_body)
        except Malformed as error:
            raise Rejected(RequestRejected(str(error))) from None
        return self.verify_and_answer(http_request_headers, http_request_body, parsed)


class CookalongSkillAdapter(SkillAdapter):
    """flask-ask-sdk's ``SkillAdapter`` that answers every refusal with a 4xx and its reason."""

    def _create_webservice_handler(self, skill, verifiers) -> None:
        self._webservice_handler = _CheckedHandler(
            skill=skill,
            verify_signature=current_app.config.get(VERIFY_SIGNATURE_APP_CONFIG, True),
            verify_timestamp=current_app.config.get(VERIFY_TIMESTAMP_APP_CONFIG, True),
            verifiers=verifiers or [],
        )
        self._webservice_handler._add_custom_user_agent("flask-ask-sdk")

    def dispatch_request(self) -> Response | tuple[Response, int]:
        """Read and parse the POSTed body, verify it, run the skill, return its response."""
        declared = request.content_length
        if declared is not None and declared > MAX_REQUEST_BYTES:
            raise RequestEntityTooLarge()
        try:
            raw = web_body.read_body(MAX_REQUEST_BYTES)
        except web_body.SlowBody:
            seconds = web_body.BODY_SECONDS
            refused, status = _refuse(408, f"the body did not arrive within {seconds:g} s")
            refused.headers["Connection"] = "close"
            return refused, status
        try:
            body = raw.decode("utf-8")
        except UnicodeDecodeError:
            return _refuse(400, "the body is not UTF-8 text")
        try:
            parsed = web_body.parse_body(body)
        except Malformed as error:
            return _refuse(400, str(error))
        try:
            response = self._webservice_handler.verify_and_answer(request.headers, body, parsed)
        except Rejected as rejected:
            return _refuse(rejected.status, rejected.reason)
        except VerificationException as error:  # another verifier, e.g. the SDK's own
            return _refuse(400, str(error) or "the request failed verification")
        return jsonify(response)


def _refuse(status: int, reason: str) -> tuple[Response, int]:
    if status != 500:
        log.warning("refused a request (%d): %s", status, reason)
    return jsonify(error=reason), status


# --- the app ------------------------------------------------------------------------------


def create_app(
    skill: CustomSkill | None = None,
    *,
    environ: Mapping[str, str] = os.environ,
    signature_verifier: SignatureVerifier | None = None,
    clock: Callable[[], datetime] | None = None,
    recipes: Mapping[str, Any] | None = None,
) -> Flask:
    """Build the web service.

    Everything costly happens here, once: the skill, the trust store, the recipes.

    Parameters
    ----------
    skill
        The skill to serve; default :func:`cookalong.alexa.skill.build_skill` with the
        persistence configured by ``environ`` and ``SKILL_ID``.
    environ
        Where ``SKILL_ID``, ``ASK_SDK_VERIFY_SIGNATURE`` and ``ASK_SDK_VERIFY_TIMESTAMP`` (and,
        for the default skill, the storage settings) are read.
    signature_verifier
        Default: a :class:`~cookalong.verifier.SignatureVerifier` trusting ``certifi``'s roots
        and fetching chains from Amazon. Tests pass one with their own roots and fetcher.
    clock
        Returns now (timezone-aware) for the timestamp check; default ``datetime.now(UTC)``.
    recipes
        What the health check lists (id -> recipe); default the skill's recipes.

    Returns
    -------
    flask.Flask
        With ``POST /`` (the skill) and ``GET /`` (health).

    Raises
    ------
    ValueError
        When a verification switch has a value that is neither true nor false.
    """
    verify_signature = parse_switch(environ, VERIFY_SIGNATURE_APP_CONFIG)
    verify_timestamp = parse_switch(environ, VERIFY_TIMESTAMP_APP_CONFIG)
    skill_id = environ.get("SKILL_ID", "").strip() or None

    if skill is None:
        from cookalong.alexa.skill import build_skill
        from cookalong.storage import adapter_from_env

        skill = build_skill(persistence_adapter=adapter_from_env(environ), skill_id=skill_id)
    if recipes is None:
        from cookalong.recipe.loader import default_recipes

        recipes = default_recipes()

    verifiers: list[AbstractVerifier] = []
    if verify_signature:
        verifiers.append(SignatureCheck(signature_verifier or SignatureVerifier()))
    else:
        log.warning(
            "!!! REQUEST SIGNATURE VERIFICATION IS OFF (%s=%s): anyone who can reach this "
            "endpoint can drive the skill. Use this only on a developer machine. !!!",
            VERIFY_SIGNATURE_APP_CONFIG,
            environ.get(VERIFY_SIGNATURE_APP_CONFIG),
        )
    if verify_timestamp:
        verifiers.append(TimestampCheck(clock or (lambda: datetime.now(UTC))))
    else:
        log.warning(
            "!!! REQUEST TIMESTAMP VERIFICATION IS OFF (%s=%s): replayed requests are "
            "accepted. Use this only on a developer machine. !!!",
            VERIFY_TIMESTAMP_APP_CONFIG,
            environ.get(VERIFY_TIMESTAMP_APP_CONFIG),
        )
    if skill_id is not None:
        verifiers.append(ApplicationIdCheck(skill_id))
    elif verify_signature:
        log.warning(
            "SKILL_ID is not set: genuine Alexa requests for *any* skill will be served. "
            "Set SKILL_ID to this skill's id before exposing the endpoint."
        )

    app = Flask(__name__)
    app.config["MAX_CONTENT_LENGTH"] = MAX_REQUEST_BYTES
    # The SDK's verifiers stay off: ours above replace them (see the module docstring).
    app.config[VERIFY_SIGNATURE_APP_CONFIG] = False
    app.config[VERIFY_TIMESTAMP_APP_CONFIG] = False
    adapter = CookalongSkillAdapter(
        skill=skill, skill_id=skill_id or SKILL_NAME, verifiers=verifiers, app=app
    )
    adapter.register(app=app, route="/", endpoint="skill")

    health = {
        "status": "ok",
        "skill": SKILL_NAME,
        "recipes": [
            {"id": recipe_id, "title": getattr(recipe, "title", recipe_id)}
            for recipe_id, recipe in recipes.items()
        ],
        "recipes_loaded": len(recipes),
        "verification": {
            "signature": verify_signature,
            "timestamp": verify_timestamp,
            "application_id": skill_id is not None,
        },
    }

    @app.errorhandler(HTTPException)
    def http_error(error: HTTPException) -> tuple[Response, int]:
        # 404, 405, 413 ...: JSON like every other refusal, not Flask's HTML page.
        return _refuse(error.code or 400, error.description or error.name)

    store = getattr(skill, "persistence_adapter", None)
    store_health = getattr(store, "health", None)

    @app.get("/", endpoint="health")
    def health_check() -> Response:
        if not callable(store_health):
            return jsonify(health)
        try:
            report = store_health()
        except Exception as error:  # a health check must answer, whatever the store does
            report = {"ok": False, "error": str(error)[:300]}
        status = "ok" if report.get("ok") else "degraded"
        return jsonify({**health, "status": status, "store": report})

    return app


def main(environ: Mapping[str, str] = os.environ) -> int:
    """Run the web service with Flask's development server (``make serve``).

    Parameters
    ----------
    environ
        ``HOST`` (default 127.0.0.1), ``PORT`` (default 5000) and everything
        :func:`create_app` reads.

    Returns
    -------
    int
        The exit status: 2 when the configuration is unusable.
    """
    logging.basicConfig(
        level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s"
    )
    host = environ.get("HOST", "").strip() or "127.0.0.1"
    port_text = environ.get("PORT", "").strip() or "5000"
    try:
        port = int(port_text)
        if not 0 < port < 65536:
            raise ValueError
    except ValueError:
        print(f"PORT must be a port number (1-65535), not {port_text!r}", file=sys.stderr)
        return 2
    try:
        app = create_app(environ=environ)
    except ValueError as error:
        print(f"cookalong.web: {error}", file=sys.stderr)
        return 2
    log.info(
        "serving %s on http://%s:%d/ (POST / is the skill, GET / the health check)",
        SKILL_NAME,
        host,
        port,
    )
    app.run(host=host, port=port, threaded=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
