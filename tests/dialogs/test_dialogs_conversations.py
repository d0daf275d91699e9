"""Every conversation of ``tests/dialogs/*.dialog``, in every locale, through the real skill.

The path is the one ``make chat`` takes: the resolver reads the committed interaction model, a
real request envelope goes to ``lambda_handler`` of ``lambda/app.py``, and the reply's speech is
checked for its facts and against the rules every reply follows (see ``harness.py``).
"""

from __future__ import annotations

import pytest

from tests.dialogs.harness import Dialog, load_dialogs, run

DIALOGS = load_dialogs()


def _marks(dialog: Dialog, locale: str) -> list[pytest.MarkDecorator]:
    # under `pytest -n --dist loadgroup` (make test) the conversations that share a resolver
    # (one locale, one cookbook: about a second to build) run on one worker, which builds it once
    group = pytest.mark.xdist_group(f"dialogs-{locale}-{'+'.join(dialog.recipes or ('default',))}")
    known = [pytest.mark.xfail(reason=dialog.known, strict=True)] if dialog.known else []
    return [group, *known]


CASES = [
    pytest.param(dialog, locale, id=f"{dialog.id}[{locale}]", marks=_marks(dialog, locale))
    for dialog in DIALOGS
    for locale in dialog.locales
]


@pytest.mark.parametrize(("dialog", "locale"), CASES)
def test_conversation(talk, dialog: Dialog, locale: str) -> None:
    # given a new cook talking to the skill in this locale
    conversation = talk(locale, timers=dialog.timers, recipes=dialog.recipes)
    # when the conversation is played turn by turn
    failures = run(dialog, locale, conversation)
    # then every reply said what it should, and nothing it should not
    assert not failures, f"{dialog.path.name}:{dialog.line} {dialog.title}\n" + "\n".join(failures)


def test_the_dialogs_cover_every_capability() -> None:
    # every intent of the contract is exercised by some conversation
    from tools.models import BUILT_IN_INTENTS, CUSTOM_INTENTS

    said = {turn.intent for dialog in DIALOGS for turn in dialog.turns if turn.intent}
    missing = (set(BUILT_IN_INTENTS) | set(CUSTOM_INTENTS)) - said - {"AMAZON.NavigateHomeIntent"}
    assert not missing, f"no dialog checks {sorted(missing)}"
