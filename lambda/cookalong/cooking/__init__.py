"""The cooking session: a pure state machine over a recipe (no SDK imports).

It answers what a cook asks with :class:`~cookalong.cooking.messages.Reply` objects — message keys
and domain values — that a locale renders into words.
"""

from cookalong.cooking.messages import Msg, Reply
from cookalong.cooking.session import Cookbook, CookingSession
from cookalong.cooking.state import STATE_VERSION, CookingState

__all__ = ["STATE_VERSION", "Cookbook", "CookingSession", "CookingState", "Msg", "Reply"]
