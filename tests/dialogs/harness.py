"""Conversations as data: the ``*.dialog`` files of this folder, and the checks every reply gets.

A dialog file holds conversations, each a ``## title`` followed by turns::

    ## maple syrup is in both components
    > open cook along                  the cook says this (resolver → envelope → lambda_handler)
    > how much maple syrup
    @ HowMuchIntent                    the resolver understood this intent
    + aioli                            the reply says this (case, punctuation, hyphens ignored)
    +us two tablespoons | 2 tablespoons   ... in en-US and en-CA; "|" separates alternatives
    +metric 30 millilitres             ... in en-GB, en-AU and en-IN (metric, Celsius, "grill")
                                       (facts are whole words: "oil" is not found in "boil";
                                       "a ... b" means a, and b later in the reply)
    +en-CA two tablespoons             ... in that locale only
    - saffron                          the reply does not say this (same locale prefixes)
    ! open                             the session stays open (``! ends``: it closes)
    ~ 90 minutes                       the clock moves on before the next turn (the local
                                       Timer API's clock too: its timers go off)
    = 1 timer                          after this turn the Timer API holds one timer ("= 0
                                       timers"; "= 1 paused", "= 1 running": of that status)
    locales: en-US en-GB               (before the first turn) only in these locales
    known: <reason>                    (before the first turn) a known fault of the skill: the
                                       test is expected to fail until it is fixed (strict xfail)
    recipes: a b                       (before the first turn) cook with these fixture recipes
                                       (tests/fixtures/recipes/a.json ...) instead of the default
    timers: granted                    (before the first turn) the timers permission and the
                                       Timer API: granted (the default), missing (never
                                       given), denied (refused in the app), down (granted, but
                                       the Timer API answers 503 to everything)

German conversations are in ``de/*.dialog`` (``locales: de-DE de-AT``, the group ``de``; Alexa's
permission question is answered "ja" or "nein"). A conversation without ``locales:`` runs in the
English locales.

``#`` starts a comment. Each conversation runs once per locale, as a new user with an empty store,
with its own local Timer API (:mod:`tools.timer_api`, reached through the envelopes'
``apiEndpoint``). When a reply hands over to Alexa's permission question, the next turn answers
her: "yes" (or "I approve") accepts, "no" denies, anything else leaves it unanswered.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path

from tools.chat import Conversation, Reply
from tools.models import LOCALES
from tools.timer_api import SCOPE as TIMERS_SCOPE

HERE = Path(__file__).parent
#: The locales a conversation runs in when it names none: the English ones.
ENGLISH: tuple[str, ...] = tuple(locale for locale in LOCALES if locale.startswith("en-"))
GROUPS: dict[str, tuple[str, ...]] = {
    "us": ("en-US", "en-CA"),
    "metric": ("en-GB", "en-AU", "en-IN"),
    "de": ("de-DE", "de-AT"),
    **{locale: (locale,) for locale in LOCALES},
}
# Never in anything spoken: abbreviations, symbols, unicode fractions.
#: The ``timers:`` settings a dialog may ask for.
TIMER_SETTINGS = ("granted", "missing", "denied", "down")
_COUNT = re.compile(r"^(\d+)\s+(?:(running|paused)|timers?)$")
UNSPEAKABLE = re.compile(
    r"\btbsps?\b|\btsps?\b|\blbs?\b|\boz\b|\bml\b|°|[½⅓⅔¼¾⅛⅜⅝⅞⅕⅖⅗⅘⅙⅚⅐⅑⅒]|\{|\}", re.IGNORECASE
)


def plain(text: str) -> str:
    """Text reduced for comparing facts: lower case, hyphens as spaces, no punctuation."""
    text = text.lower().replace("’", "'").replace("-", " ").replace("–", " ")
    text = re.sub(r"[.,;:!?\"()]", " ", text)
    return " ".join(text.split())


@dataclass
class Expectation:
    sign: str  # "+" must say one of the alternatives, "-" must say none of them
    alternatives: tuple[str, ...]
    locales: tuple[str, ...]
    line: int

    def check(self, reply: Reply, locale: str) -> str | None:
        if locale not in self.locales:
            return None
        said = f" {plain(reply.speech)} "
        found = [alt for alt in self.alternatives if _says(said, alt)]
        if self.sign == "+" and not found:
            return f"line {self.line}: expected {' | '.join(self.alternatives)!r}"
        if self.sign == "-" and found:
            return f"line {self.line}: should not say {found[0]!r}"
        return None


def _says(said: str, fact: str) -> bool:
    """``fact``'s words are in ``said``; "a ... b" means a, then later b."""
    position = 0
    for piece in fact.split("..."):
        found = said.find(f" {plain(piece)} ", position)
        if found < 0:
            return False
        position = found + len(plain(piece)) + 1
    return True


@dataclass
class Turn:
    said: str
    line: int
    intent: str | None = None
    session: str | None = None  # "open" or "ends"
    wait: timedelta = timedelta()
    expectations: list[Expectation] = field(default_factory=list)
    timers: tuple[int, str | None] | None = None  # how many timers (of which status) remain


@dataclass
class Dialog:
    title: str
    path: Path
    line: int
    locales: tuple[str, ...] = ENGLISH
    known: str | None = None
    timers: str = "granted"
    recipes: tuple[str, ...] | None = None  # fixture recipes (tests/fixtures/recipes) to cook
    turns: list[Turn] = field(default_factory=list)

    @property
    def id(self) -> str:
        folder = "" if self.path.parent == HERE else f"{self.path.parent.name}/"
        title = re.sub(r"[^a-z0-9]+", "-", self.title.lower()).strip("-")
        return f"{folder}{self.path.stem}:{title}"


def load_dialogs(folder: Path = HERE) -> list[Dialog]:
    """Every conversation of every ``*.dialog`` file in ``folder`` (and its language folders,
    ``de/``), in file order."""
    dialogs: list[Dialog] = []
    for path in [*sorted(folder.glob("*.dialog")), *sorted(folder.glob("*/*.dialog"))]:
        dialogs.extend(parse(path))
    return dialogs


def parse(path: Path) -> Iterator[Dialog]:
    """Read one dialog file; a malformed line raises ValueError naming the file and line."""
    dialog: Dialog | None = None
    pending_wait = timedelta()
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line = raw.split(" #", 1)[0].strip() if not raw.lstrip().startswith("#") else ""
        if raw.startswith("## "):
            if dialog is not None:
                yield dialog
            dialog = Dialog(raw[3:].strip(), path, number)
            pending_wait = timedelta()
            continue
        if not line:
            continue
        where = f"{path.name}:{number}"
        if dialog is None:
            raise ValueError(f"{where}: a turn before the first '## title'")
        head, _, rest = line.partition(" ")
        rest = rest.strip()
        if head == "locales:":
            dialog.locales = tuple(_locales(rest.split(), where))
        elif head == "known:":
            dialog.known = rest
        elif head == "recipes:":
            if dialog.turns or not rest:
                raise ValueError(f"{where}: 'recipes:' names fixture recipes before the first turn")
            dialog.recipes = tuple(rest.split())
        elif head == "timers:":
            if rest not in TIMER_SETTINGS or dialog.turns:
                raise ValueError(
                    f"{where}: 'timers:' before the first turn takes one of "
                    f"{', '.join(TIMER_SETTINGS)}, not {rest!r}"
                )
            dialog.timers = rest
        elif head == ">":
            dialog.turns.append(Turn(rest, number, wait=pending_wait))
            pending_wait = timedelta()
        elif head == "~":
            pending_wait += _duration(rest, where)
        elif not dialog.turns:
            raise ValueError(f"{where}: an expectation before the first '>' turn")
        elif head == "@":
            dialog.turns[-1].intent = rest
        elif head == "=":
            count = _COUNT.match(rest)
            if count is None:
                raise ValueError(f"{where}: '=' takes '1 timer', '0 timers' or '1 paused'")
            status = {"running": "ON", "paused": "PAUSED"}.get(count.group(2) or "")
            dialog.turns[-1].timers = (int(count.group(1)), status)
        elif head == "!":
            if rest not in ("open", "ends"):
                raise ValueError(f"{where}: '!' takes open or ends, not {rest!r}")
            dialog.turns[-1].session = rest
        elif head[0] in "+-":
            group = head[1:] or None
            alternatives = tuple(alt.strip() for alt in rest.split("|") if alt.strip())
            if not alternatives:
                raise ValueError(f"{where}: nothing to look for")
            locales = tuple(_locales([group], where)) if group else LOCALES
            dialog.turns[-1].expectations.append(
                Expectation(head[0], alternatives, locales, number)
            )
        else:
            raise ValueError(f"{where}: cannot read {raw!r}")
    if dialog is not None:
        yield dialog


def _locales(names: list[str], where: str) -> Iterator[str]:
    for name in names:
        if name not in GROUPS:
            raise ValueError(f"{where}: unknown locale or group {name!r}")
        yield from GROUPS[name]


def _duration(text: str, where: str) -> timedelta:
    match = re.fullmatch(r"(\d+)\s*(minutes?|hours?)", text)
    if not match:
        raise ValueError(f"{where}: '~' takes a duration like '90 minutes', not {text!r}")
    amount = int(match.group(1))
    return (
        timedelta(hours=amount) if match.group(2).startswith("hour") else timedelta(minutes=amount)
    )


# --------------------------------------------------------------------------------------------
# Checks every reply gets


def reply_problems(reply: Reply) -> list[str]:
    """What is wrong with any reply, whatever was asked.

    Speech and reprompt are valid SSML and say nothing unspeakable ("tbsp", "lb", "°", "½");
    a request that opens or continues a session gets something said; a reply that keeps the
    session open has a reprompt.
    """
    problems = []
    request_type = reply.request.get("request", {}).get("type")
    body = reply.response.get("response") or {}
    if reply.asks_permission:
        # Alexa's permission question follows: the response keeps neither a reprompt nor a
        # shouldEndSession of its own
        if "reprompt" in body or "shouldEndSession" in body:
            problems.append("the AskFor request has a reprompt or a shouldEndSession")
        for directive in body.get("directives", ()):
            if directive.get("type") == "Connections.SendRequest":
                payload = directive.get("payload") or {}
                scopes = [s.get("permissionScope") for s in payload.get("permissionScopes", ())]
                if payload.get("@type") != "AskForPermissionsConsentRequest" or scopes != [
                    TIMERS_SCOPE
                ]:
                    problems.append(f"the AskFor request asks for {payload!r}")
    for key in ("outputSpeech", "reprompt"):
        output = body.get(key) or {}
        output = output.get("outputSpeech", output) if key == "reprompt" else output
        ssml = output.get("ssml")
        if ssml is not None:
            try:
                ET.fromstring(ssml)
            except ET.ParseError as error:
                problems.append(f"{key} is not valid SSML ({error}): {ssml!r}")
    for text, what in ((reply.speech, "speech"), (reply.reprompt or "", "reprompt")):
        bad = UNSPEAKABLE.search(text)
        if bad:
            problems.append(f"{what} says {bad.group()!r}: {text!r}")
    if request_type in ("LaunchRequest", "IntentRequest", "Connections.Response") and not (
        reply.speech.strip()
    ):
        problems.append("nothing was said")
    if not reply.ends_session and not reply.asks_permission and not (reply.reprompt or "").strip():
        problems.append("the session stays open without a reprompt")
    return problems


def run(dialog: Dialog, locale: str, conversation: Conversation) -> list[str]:
    """Play ``dialog`` in ``locale``; returns every failed expectation (empty: it passed)."""
    failures: list[str] = []
    for turn in dialog.turns:
        if turn.wait:
            conversation.advance(turn.wait)
        reply = conversation.say(turn.said)
        heard = reply.resolution.describe() if reply.resolution else ""
        context = f"> {turn.said}  {heard}\n    reply: {reply.speech!r}"
        problems = reply_problems(reply)
        if turn.intent and reply.intent != turn.intent:
            problems.append(f"line {turn.line}: understood as {reply.intent}, not {turn.intent}")
        if turn.session == "open" and reply.ends_session:
            problems.append(f"line {turn.line}: the session closed")
        if turn.session == "ends" and not reply.ends_session:
            problems.append(f"line {turn.line}: the session stayed open")
        for expectation in turn.expectations:
            problem = expectation.check(reply, locale)
            if problem:
                problems.append(problem)
        if turn.timers is not None:
            problems.extend(_timer_problems(turn, conversation))
        if problems:
            failures.append(context + "".join(f"\n    - {p}" for p in problems))
    return failures


def _timer_problems(turn: Turn, conversation: Conversation) -> list[str]:
    assert turn.timers is not None
    expected, status = turn.timers
    if conversation.timers is None:
        return [f"line {turn.line}: this conversation has no Timer API to count timers on"]
    held = [t for t in conversation.timers.timers if status is None or t["status"] == status]
    if len(held) != expected:
        what = {"ON": "running", "PAUSED": "paused"}.get(status or "", "")
        return [
            f"line {turn.line}: the Timer API holds {len(held)} {what} timers, not {expected}: "
            f"{conversation.timers.timers}"
        ]
    return []
