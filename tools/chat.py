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
"""

from __future__ import annotations

import argparse
import contextlib
import html
import os
import re
import sys
import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from tools.models import LOCALES, ROOT
from tools.resolver import DEFAULT_SKILL_ID, Resolution, Resolver, resolver_for

Handler = Callable[[dict[str, Any], Any], dict[str, Any]]

API_ENDPOINT = "https://api.amazonalexa.com"
SESSION_ENDED_LINE = "[session ended]"
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
        closes the session after speaking when the skill does not ask to keep it open).
    """

    said: str | None
    resolution: Resolution | None
    request: dict[str, Any]
    response: dict[str, Any]
    speech: str
    reprompt: str | None
    ends_session: bool

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
    ) -> None:
        if locale not in LOCALES:
            raise ValueError(f"unknown locale {locale!r}; choose one of {', '.join(LOCALES)}")
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

    @property
    def in_session(self) -> bool:
        """A session is open (the last reply did not close it)."""
        return self._session is not None

    @property
    def session_attributes(self) -> dict[str, Any]:
        """The attributes the next request of this session carries ({} without a session)."""
        return dict(self._session.attributes) if self._session else {}

    def advance(self, delta: timedelta) -> None:
        """Let time pass: later requests are stamped ``delta`` later (the 2-hour bake)."""
        self._offset += delta

    def launch(self) -> Reply:
        """ "Alexa, open cook along": a LaunchRequest in a new session."""
        self._session = None
        return self._send({"type": "LaunchRequest"}, said=None, resolution=None)

    def say(self, utterance: str) -> Reply:
        """The cook says ``utterance``: resolve it and send what Alexa would send."""
        resolution = self.resolver.resolve(utterance)
        return self.send(resolution, said=utterance)

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
        )
        self.last = reply
        return reply

    def envelope(self, request: dict[str, Any], session: _Session) -> dict[str, Any]:
        """A request envelope as Alexa sends it (``ask_sdk_model.RequestEnvelope`` JSON)."""
        stamp = (self.clock() + self._offset).astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
        application = {"applicationId": self.skill_id}
        user = {"userId": self.user_id}
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
                    "apiEndpoint": API_ENDPOINT,
                    "apiAccessToken": "local-chat-token",
                }
            },
            "request": {
                **request,
                "requestId": f"amzn1.echo-api.request.{uuid.uuid4()}",
                "timestamp": stamp,
                "locale": self.locale,
            },
        }


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
    """``python -m tools.chat [--locale en-GB] [--show-intent]``."""
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
    args = parser.parse_args(argv)

    try:
        handler = load_lambda_handler()
        conversation = Conversation(args.locale, handler=handler, user_id=local_user_id())
    except Exception as error:  # the skill could not start: say why, no traceback
        print(f"chat: the skill could not start: {type(error).__name__}: {error}", file=sys.stderr)
        return 1

    interactive = sys.stdin.isatty()
    if interactive:
        _enable_line_editing()
        print(f"cook along ({args.locale}): type what you would say to Alexa.")
        print("Try: " + ", ".join(f'"{example}"' for example in EXAMPLES) + ".")
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
            print(reply.speech if reply and reply.speech else "", flush=True)
            continue
        reply = conversation.say(text)
        if args.show_intent and reply.resolution is not None:
            print(reply.resolution.describe(), file=sys.stderr, flush=True)
        if reply.resolution is not None and reply.resolution.kind == "end":
            print(SESSION_ENDED_LINE, flush=True)
            break
        _show(reply, interactive)
    return 0


def _show(reply: Reply, interactive: bool) -> None:
    if not interactive:
        print(reply.speech, flush=True)
        return
    print(f"alexa> {reply.speech}")
    if reply.ends_session:
        print("       (the session closed: your next line starts a new one, like a one-shot)")


def _enable_line_editing() -> None:
    with contextlib.suppress(ImportError):  # not on every platform
        import readline  # noqa: F401  (arrow keys and history for input())


if __name__ == "__main__":
    sys.exit(main())
