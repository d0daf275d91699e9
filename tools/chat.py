"""Talk to the skill in a terminal: ``make chat`` (``python -m tools.chat --locale en-US``).

Each line you type goes the way a spoken request goes: the local resolver
(:mod:`tools.resolver`, compiled from ``interaction_model/<locale>.json``) turns it into an intent
and slots, that becomes a real Alexa request envelope, and the real ``lambda_handler`` of
``lambda/app.py`` answers it. The reply's speech is printed without its SSML.

Like Alexa, the chat carries the session attributes from one turn to the next; when a reply ends
the session ("stop"), your next line opens a new one, as "Alexa, ask cook along ..." would. The
same local user is kept between runs (its id is stored in
``$XDG_STATE_HOME/cookalong/chat-user``, else ``~/.local/state/cookalong/chat-user``), so the cook's
place, kept by the skill's local sqlite store, survives from one run to the next.

Scripting: when standard input is not a terminal there is no banner and no prompt. The launch
greeting is printed first, on its own line; then exactly one line per input line: the reply, the
reprompt for an empty line (Alexa repeats its question when the cook says nothing), and
``[session ended]`` for "exit" or "quit", which also end the program::

    printf 'next\\nhow much maple syrup\\n' | make chat

``--show-intent`` writes what the resolver understood to standard error.

Timers: the chat starts a local Timer API (:mod:`tools.timer_api`, real HTTPS on loopback) and
points each envelope's ``context.System.apiEndpoint`` and ``apiAccessToken`` at it, with the
timers permission granted (``--no-timer-permission``: not granted, so the skill asks for it and
Alexa's own permission question is printed; answer "yes" or "no"). The chat's clock is the real
clock: a timer that goes off while the chat runs prints ``[timer] <what Alexa announces>``.
"""

from __future__ import annotations

import argparse
import contextlib
import html
import os
import re
import sys
import threading
import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from tools.models import LOCALES, ROOT
from tools.resolver import DEFAULT_SKILL_ID, Resolution, Resolver, resolver_for
from tools.timer_api import SCOPE as TIMERS_SCOPE
from tools.timer_api import Announcement, TimerApi

Handler = Callable[[dict[str, Any], Any], dict[str, Any]]

API_ENDPOINT = "https://api.amazonalexa.com"
SESSION_ENDED_LINE = "[session ended]"
#: What Alexa herself asks after a skill's voice permission request (the skill cannot word it).
ALEXA_ASKS_TIMERS = (
    "Alexa: Do you give Cook Along permission to update your timers? You can say I approve or no."
)
#: Alexa's question in another language.
ALEXA_ASKS = {
    "en": ALEXA_ASKS_TIMERS,
    "de": "Alexa: Erlaubst du Kochbegleiter, deine Timer zu verwalten? Sag ja oder nein.",
}
#: The timers permission as the envelope states it: granted, never given, or refused.
TIMER_PERMISSIONS = ("granted", "missing", "denied")
_APPROVE = re.compile(
    r"^\s*(i approve|approve|allow( it)?|i allow( it)?|ich erlaube( es)?|erlauben)\s*[.!]?\s*$",
    re.I,
)
EXAMPLES = (
    "next",
    "how much maple syrup",
    "what temperature in celsius",
    "go to the broil step",
    "I'm cooking for eight",
    "use metric",
    "any tips",
    "where am I",
    "stop",
)
#: The same, for a German locale.
EXAMPLES_DE = (
    "weiter",
    "wie viel Ahornsirup",
    "wie heiß in Fahrenheit",
    "geh zum Grillen",
    "ich koche für acht",
    "metrisch bitte",
    "hast du Tipps",
    "wo bin ich",
    "stopp",
)


# --------------------------------------------------------------------------------------------
# Replies


def ssml_to_text(ssml: str) -> str:
    """What a listener hears, as plain text: tags removed, ``<sub alias>`` read, entities decoded.

    Examples
    --------
    >>> ssml_to_text("<speak>Salt &amp; pepper.<break time='1s'/>Done.</speak>")
    'Salt & pepper. Done.'
    """
    text = re.sub(r"<sub\b[^>]*?\balias=([\"'])(.*?)\1[^>]*>.*?</sub>", r"\2", ssml, flags=re.S)
    text = re.sub(r"<break\b[^>]*>", " ", text)
    text = re.sub(r"<[^>]+>", "", text)
    return " ".join(html.unescape(text).split())


def _speech(output: Mapping[str, Any] | None) -> str | None:
    if not output:
        return None
    if output.get("type") == "SSML" or "ssml" in output:
        return ssml_to_text(output.get("ssml", ""))
    return " ".join(str(output.get("text", "")).split())


@dataclass(frozen=True)
class Reply:
    """One turn of the conversation, as the cook would hear it.

    Attributes
    ----------
    said
        What the cook typed (``None`` for a launch or a request built directly).
    resolution
        What the resolver made of it (``None`` for a launch built directly).
    request
        The request envelope sent to the skill.
    response
        The skill's response envelope, untouched.
    speech
        The spoken reply as plain text ("" when the skill said nothing).
    reprompt
        What Alexa says if the cook stays silent (``None`` without one).
    ends_session
        The reply closes the session (``shouldEndSession`` true, or absent: a voice-only device
        closes the session after speaking when the skill does not ask to keep it open; but not
        when the reply hands over to Alexa's permission question, see ``alexa``).
    alexa
        What Alexa herself says after the skill (her timers permission question, when the
        response carries the AskFor directive), or ``None``.
    """

    said: str | None
    resolution: Resolution | None
    request: dict[str, Any]
    response: dict[str, Any]
    speech: str
    reprompt: str | None
    ends_session: bool
    alexa: str | None = None

    @property
    def asks_permission(self) -> bool:
        """The response carries Alexa's voice permission request (Connections.SendRequest)."""
        return _permission_request(self.response) is not None

    @property
    def intent(self) -> str | None:
        """The intent sent (``None`` for launch and session-end requests)."""
        return self.request["request"].get("intent", {}).get("name")


# --------------------------------------------------------------------------------------------
# The conversation


@dataclass
class _Session:
    id: str
    attributes: dict[str, Any]
    new: bool = True


class Conversation:
    """A conversation with the skill, in process, the way Alexa holds one.

    Parameters
    ----------
    locale
        One of the model locales (``en-US``, ``en-GB``, ``en-CA``, ``en-AU``, ``en-IN``).
    handler
        The Lambda entry point; by default ``lambda_handler`` of ``lambda/app.py``.
    user_id
        The Alexa user id (the skill keeps a cook's place per user); by default a fresh one.
    skill_id
        The application id in the envelopes; by default ``SKILL_ID`` or a fixed local id.
    resolver
        The utterance resolver; by default the locale's, built from its committed model.
    clock
        The time stamped on each request (UTC); by default the real clock.
    timers
        A local Timer API the envelopes point at (``apiEndpoint``); its clock should be this
        conversation's (both the real clock by default). ``None``: the real endpoint, no
        permission (the skill then asks for it and never calls).
    timer_permission
        How the envelopes state the timers permission: ``granted``, ``missing`` (never given)
        or ``denied``; the Timer API is told the same of this conversation's token. A "yes" to
        Alexa's permission question grants it.
    """

    def __init__(
        self,
        locale: str = "en-US",
        *,
        handler: Handler | None = None,
        user_id: str | None = None,
        skill_id: str | None = None,
        resolver: Resolver | None = None,
        clock: Callable[[], datetime] | None = None,
        timers: TimerApi | None = None,
        timer_permission: str = "granted",
    ) -> None:
        if locale not in LOCALES:
            raise ValueError(f"unknown locale {locale!r}; choose one of {', '.join(LOCALES)}")
        if timer_permission not in TIMER_PERMISSIONS:
            raise ValueError(f"timer_permission is one of {', '.join(TIMER_PERMISSIONS)}")
        self.locale = locale
        self.handler = handler or load_lambda_handler()
        self.user_id = user_id or new_user_id()
        self.skill_id = skill_id or os.environ.get("SKILL_ID") or DEFAULT_SKILL_ID
        self.resolver = resolver or resolver_for(locale, self.skill_id)
        self.clock = clock or (lambda: datetime.now(UTC))
        self._offset = timedelta()
        self.device_id = f"amzn1.ask.device.LOCAL{uuid.uuid5(uuid.NAMESPACE_URL, self.user_id).hex}"
        self._session: _Session | None = None
        self.last: Reply | None = None
        self.timers = timers
        self.api_token = f"local-token-{uuid.uuid5(uuid.NAMESPACE_URL, self.user_id).hex}"
        self._asking: str | None = None  # the token of a permission request Alexa is asking
        self.timer_permission = "missing" if timers is None else timer_permission
        if timers is not None:
            (timers.grant if timer_permission == "granted" else timers.revoke)(self.api_token)

    @property
    def in_session(self) -> bool:
        """A session is open (the last reply did not close it)."""
        return self._session is not None

    @property
    def session_attributes(self) -> dict[str, Any]:
        """The attributes the next request of this session carries ({} without a session)."""
        return dict(self._session.attributes) if self._session else {}

    def advance(self, delta: timedelta) -> None:
        """Let time pass: later requests are stamped ``delta`` later (the 2-hour bake), and the
        Timer API's clock moves on as much (its timers go off)."""
        self._offset += delta
        if self.timers is not None:
            self.timers.advance(delta)

    @property
    def asking_permission(self) -> bool:
        """Alexa is asking the cook for the timers permission: the next line answers her."""
        return self._asking is not None

    def launch(self) -> Reply:
        """ "Alexa, open cook along": a LaunchRequest in a new session."""
        self._session = None
        return self._send({"type": "LaunchRequest"}, said=None, resolution=None)

    def say(self, utterance: str) -> Reply:
        """The cook says ``utterance``: resolve it and send what Alexa would send.

        While Alexa asks for the timers permission, the words answer her instead: yes (or "I
        approve") accepts, no denies, anything else leaves it unanswered; the skill then gets
        Alexa's Connections.Response in the same session.
        """
        resolution = self.resolver.resolve(utterance)
        if self._asking is not None and resolution.kind != "end":
            return self.answer_permission(_permission_status(utterance, resolution), utterance)
        return self.send(resolution, said=utterance)

    def answer_permission(self, status: str, said: str | None = None) -> Reply:
        """Alexa's Connections.Response to the skill's permission request: ``ACCEPTED``,
        ``DENIED`` or ``NOT_ANSWERED`` (accepted: the permission is granted from now on)."""
        token, self._asking = self._asking or "", None
        if status == "ACCEPTED":
            self.timer_permission = "granted"
            if self.timers is not None:
                self.timers.grant(self.api_token)
        request = {
            "type": "Connections.Response",
            "name": "AskFor",
            "status": {"code": "200", "message": "OK"},
            "token": token,
            "payload": {
                "permissionScope": TIMERS_SCOPE,
                "status": status,
                "isCardThrown": "false",
            },
        }
        return self._send(request, said=said, resolution=None)

    def intent(self, name: str, **slots: str | None) -> Reply:
        """Send intent ``name`` with slots heard as the given words (``None``: not said)."""
        return self.send(self.resolver.intent(name, **slots))

    def send(self, resolution: Resolution, *, said: str | None = None) -> Reply:
        """Send the request a resolution stands for, in this conversation's session."""
        if resolution.kind == "end":
            return self.end_session("USER_INITIATED", said=said, resolution=resolution)
        if resolution.new_session:
            self._session = None
        if resolution.kind == "launch":
            return self._send({"type": "LaunchRequest"}, said=said, resolution=resolution)
        intent: dict[str, Any] = {"name": resolution.intent, "confirmationStatus": "NONE"}
        if resolution.slots:
            intent["slots"] = resolution.slots
        request = {"type": "IntentRequest", "dialogState": "COMPLETED", "intent": intent}
        return self._send(request, said=said, resolution=resolution)

    def end_session(
        self,
        reason: str = "USER_INITIATED",
        *,
        said: str | None = None,
        resolution: Resolution | None = None,
    ) -> Reply:
        """The session closes without the skill asking ("exit", silence): SessionEndedRequest."""
        if self._session is None:
            empty: dict[str, Any] = {}
            return Reply(said, resolution, empty, empty, "", None, True)
        return self._send({"type": "SessionEndedRequest", "reason": reason}, said, resolution)

    def silence(self) -> Reply | None:
        """The cook says nothing: Alexa speaks the reprompt once, then closes the session.

        Returns the reprompt as a reply without calling the skill, the session-ended reply the
        second time, or ``None`` when no session is open.
        """
        if self._session is None or self.last is None:
            return None
        if self._asking is not None:  # Alexa asks again herself, then gives up
            return self.answer_permission("NOT_ANSWERED", said="")
        if self.last.said == "" or self.last.reprompt is None:
            return self.end_session("EXCEEDED_MAX_REPROMPTS", said="")
        reprompt = self.last.reprompt
        self.last = Reply("", None, {}, {}, reprompt, reprompt, False)
        return self.last

    def _send(
        self, request: dict[str, Any], said: str | None, resolution: Resolution | None
    ) -> Reply:
        if self._session is None:
            self._session = _Session(f"amzn1.echo-api.session.{uuid.uuid4()}", {})
        session = self._session
        envelope = self.envelope(request, session)
        response = self.handler(envelope, None)
        if not isinstance(response, dict):
            raise TypeError(f"lambda_handler returned {type(response).__name__}, not a dict")
        body = response.get("response") or {}
        reprompt = _speech((body.get("reprompt") or {}).get("outputSpeech"))
        ends = request["type"] == "SessionEndedRequest" or body.get("shouldEndSession") is not False
        asked = _permission_request(response)
        alexa = None
        if asked is not None and request["type"] != "SessionEndedRequest":
            # Alexa asks the cook herself and answers in this session (Connections.Response).
            ends, alexa = False, ALEXA_ASKS.get(self.locale.split("-")[0], ALEXA_ASKS_TIMERS)
            self._asking = str(asked.get("token") or "")
        if ends:
            self._session = None
        else:
            session.attributes = dict(response.get("sessionAttributes") or {})
            session.new = False
        reply = Reply(
            said,
            resolution,
            envelope,
            response,
            _speech(body.get("outputSpeech")) or "",
            reprompt,
            ends,
            alexa,
        )
        self.last = reply
        return reply

    def envelope(self, request: dict[str, Any], session: _Session) -> dict[str, Any]:
        """A request envelope as Alexa sends it (``ask_sdk_model.RequestEnvelope`` JSON)."""
        stamp = (self.clock() + self._offset).astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
        application = {"applicationId": self.skill_id}
        user: dict[str, Any] = {"userId": self.user_id}
        if self.timer_permission != "missing":
            status = "GRANTED" if self.timer_permission == "granted" else "DENIED"
            user["permissions"] = {"scopes": {TIMERS_SCOPE: {"status": status}}}
        session_json: dict[str, Any] = {
            "new": session.new,
            "sessionId": session.id,
            "application": application,
            "user": user,
        }
        if not session.new:
            session_json["attributes"] = session.attributes
        return {
            "version": "1.0",
            "session": session_json,
            "context": {
                "System": {
                    "application": application,
                    "user": user,
                    "device": {"deviceId": self.device_id, "supportedInterfaces": {}},
                    "apiEndpoint": self.timers.url if self.timers else API_ENDPOINT,
                    "apiAccessToken": self.api_token,
                }
            },
            "request": {
                **request,
                "requestId": f"amzn1.echo-api.request.{uuid.uuid4()}",
                "timestamp": stamp,
                "locale": self.locale,
            },
        }


def _permission_request(response: Mapping[str, Any]) -> Mapping[str, Any] | None:
    """The AskFor ``Connections.SendRequest`` directive of a response, if it has one."""
    for directive in (response.get("response") or {}).get("directives") or ():
        if directive.get("type") == "Connections.SendRequest" and directive.get("name") == "AskFor":
            return directive
    return None


def _permission_status(utterance: str, resolution: Resolution) -> str:
    """How Alexa takes the cook's answer to her permission question."""
    if resolution.intent == "AMAZON.YesIntent" or _APPROVE.match(utterance):
        return "ACCEPTED"
    if resolution.intent == "AMAZON.NoIntent":
        return "DENIED"
    return "NOT_ANSWERED"


# --------------------------------------------------------------------------------------------
# The real skill and the local user


def load_lambda_handler(*, fresh: bool = False) -> Handler:
    """``lambda_handler`` from ``lambda/app.py``.

    Parameters
    ----------
    fresh
        Run ``app.py`` anew (the skill is built again, reading the environment again: tests use
        this with their own ``COOKALONG_STATE_DB``) instead of importing the module once.
    """
    lambda_dir = str(ROOT / "lambda")
    if lambda_dir not in sys.path:
        sys.path.insert(0, lambda_dir)
    if fresh:
        import runpy

        return runpy.run_path(str(ROOT / "lambda" / "app.py"))["lambda_handler"]
    import app

    return app.lambda_handler


def new_user_id() -> str:
    """A new Alexa-style user id."""
    return f"amzn1.ask.account.LOCAL{uuid.uuid4().hex.upper()}"


def state_dir(environ: Mapping[str, str] = os.environ) -> Path:
    """``$XDG_STATE_HOME/cookalong`` (an absolute one, as XDG says), else ``~/.local/state/...``."""
    xdg = environ.get("XDG_STATE_HOME")
    if xdg and Path(xdg).is_absolute():
        return Path(xdg) / "cookalong"
    home = environ.get("HOME")
    return (Path(home) if home else Path.home()) / ".local" / "state" / "cookalong"


def local_user_id(environ: Mapping[str, str] = os.environ) -> str:
    """The chat's user id, kept in ``<state dir>/chat-user`` so later runs resume."""
    path = state_dir(environ) / "chat-user"
    try:
        stored = path.read_text(encoding="utf-8").strip()
    except FileNotFoundError:
        stored = ""
    if stored:
        return stored
    user_id = new_user_id()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(user_id + "\n", encoding="utf-8")
    return user_id


# --------------------------------------------------------------------------------------------
# The command


def main(argv: list[str] | None = None) -> int:
    """``python -m tools.chat [--locale en-GB] [--show-intent] [--no-timer-permission]``."""
    parser = argparse.ArgumentParser(
        prog="make chat",
        description="Talk to the cook along skill in this terminal (or pipe lines into it).",
    )
    parser.add_argument("--locale", default="en-US", choices=LOCALES, help="default: en-US")
    parser.add_argument(
        "--show-intent",
        action="store_true",
        help="write the resolved intent and slots of each line to standard error",
    )
    parser.add_argument(
        "--no-timer-permission",
        action="store_true",
        help="start without the timers permission (the skill asks for it by voice)",
    )
    args = parser.parse_args(argv)

    interactive = sys.stdin.isatty()
    timers = TimerApi(on_expiry=lambda announcement: _announce(announcement, interactive))
    try:
        timers.start()
        # The skill's HTTP client (requests) trusts the local Timer API's certificate.
        os.environ["REQUESTS_CA_BUNDLE"] = timers.ca_file
        handler = load_lambda_handler()
        conversation = Conversation(
            args.locale,
            handler=handler,
            user_id=local_user_id(),
            timers=timers,
            timer_permission="missing" if args.no_timer_permission else "granted",
        )
    except Exception as error:  # the skill could not start: say why, no traceback
        timers.close()
        print(f"chat: the skill could not start: {type(error).__name__}: {error}", file=sys.stderr)
        return 1
    ticking = _tick(timers)
    try:
        return _talk(conversation, args.show_intent, interactive)
    finally:
        ticking.set()
        timers.close()


def _talk(conversation: Conversation, show_intent: bool, interactive: bool) -> int:
    if interactive:
        _enable_line_editing()
        print(f"cook along ({conversation.locale}): type what you would say to Alexa.")
        examples = EXAMPLES_DE if conversation.locale.startswith("de-") else EXAMPLES
        print("Try: " + ", ".join(f'"{example}"' for example in examples) + ".")
        print('"exit" or Ctrl-D leaves; your place is kept for next time.\n')
    _show(conversation.launch(), interactive)

    while True:
        try:
            line = input("you> ") if interactive else sys.stdin.readline()
        except (EOFError, KeyboardInterrupt):
            if interactive:
                print()
            break
        if not interactive and line == "":
            break  # end of input
        text = line.strip()
        if not text:
            if interactive:
                continue
            reply = conversation.silence()
            print(_heard(reply) if reply else "", flush=True)
            continue
        reply = conversation.say(text)
        if show_intent and reply.resolution is not None:
            print(reply.resolution.describe(), file=sys.stderr, flush=True)
        if reply.resolution is not None and reply.resolution.kind == "end":
            print(SESSION_ENDED_LINE, flush=True)
            break
        _show(reply, interactive)
    return 0


def _heard(reply: Reply) -> str:
    """The skill's words, then Alexa's own (her permission question), on one line."""
    return " ".join(part for part in (reply.speech, reply.alexa) if part)


def _show(reply: Reply, interactive: bool) -> None:
    if not interactive:
        print(_heard(reply), flush=True)
        return
    print(f"alexa> {reply.speech}")
    if reply.alexa:
        print(f"alexa> ({reply.alexa})")
    if reply.ends_session:
        print("       (the session closed: your next line starts a new one, like a one-shot)")


def _announce(announcement: Announcement, interactive: bool) -> None:
    """A timer went off while the chat runs: what Alexa announces on the device."""
    text = f"[timer] {announcement.text}"
    print(f"\n{text}" if interactive else text, flush=True)


def _tick(timers: TimerApi) -> threading.Event:
    """Let the Timer API's timers go off in real time (checked every second) until set."""
    stop = threading.Event()

    def run() -> None:
        while not stop.wait(1.0):
            timers.expire_due()

    threading.Thread(target=run, name="timer-api-clock", daemon=True).start()
    return stop


def _enable_line_editing() -> None:
    with contextlib.suppress(ImportError):  # not on every platform
        import readline  # noqa: F401  (arrow keys and history for input())


if __name__ == "__main__":
    sys.exit(main())
