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
    ~ 90 minutes                       the clock moves on before the next turn
    locales: en-US en-GB               (before the first turn) only in these locales
    known: <reason>                    (before the first turn) a known fault of the skill: the
                                       test is expected to fail until it is fixed (strict xfail)

``#`` starts a comment. Each conversation runs once per locale, as a new user with an empty store.
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

HERE = Path(__file__).parent
GROUPS: dict[str, tuple[str, ...]] = {
    "us": ("en-US", "en-CA"),
    "metric": ("en-GB", "en-AU", "en-IN"),
    **{locale: (locale,) for locale in LOCALES},
}
# Never in anything spoken: abbreviations, symbols, unicode fractions.
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


@dataclass
class Dialog:
    title: str
    path: Path
    line: int
    locales: tuple[str, ...] = LOCALES
    known: str | None = None
    turns: list[Turn] = field(default_factory=list)

    @property
    def id(self) -> str:
        return f"{self.path.stem}:{re.sub(r'[^a-z0-9]+', '-', self.title.lower()).strip('-')}"


def load_dialogs(folder: Path = HERE) -> list[Dialog]:
    """Every conversation of every ``*.dialog`` file in ``folder``, in file order."""
    dialogs: list[Dialog] = []
    for path in sorted(folder.glob("*.dialog")):
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
        elif head == ">":
            dialog.turns.append(Turn(rest, number, wait=pending_wait))
            pending_wait = timedelta()
        elif head == "~":
            pending_wait += _duration(rest, where)
        elif not dialog.turns:
            raise ValueError(f"{where}: an expectation before the first '>' turn")
        elif head == "@":
            dialog.turns[-1].intent = rest
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
    if request_type in ("LaunchRequest", "IntentRequest") and not reply.speech.strip():
        problems.append("nothing was said")
    if not reply.ends_session and not (reply.reprompt or "").strip():
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
        if problems:
            failures.append(context + "".join(f"\n    - {p}" for p in problems))
    return failures
