"""Alexa's dynamic entities: the chosen recipe's ingredient and part names, for this session.

Sent as a ``Dialog.UpdateDynamicEntities`` directive when a recipe is chosen (and when a
session resumes one), so that Alexa resolves "the salt" or "the sauce" to this recipe's own
values first; cleared when the recipe is finished. The values come from the same derivation as
the interaction models' (:func:`cookalong.recipe.slots.recipe_slot_values`).
"""

from __future__ import annotations

from ask_sdk_model.dialog import DynamicEntitiesDirective
from ask_sdk_model.er.dynamic import Entity, EntityListItem, EntityValueAndSynonyms, UpdateBehavior

from cookalong.recipe.model import Recipe

#: The slot types a recipe replaces with its own values.
ENTITY_TYPES = ("INGREDIENT", "COMPONENT")
#: Alexa accepts at most this many entities per directive, all types together.
MAX_ENTITIES = 100
#: ... and this many synonyms per entity.
MAX_SYNONYMS = 100


def recipe_entities(recipe: Recipe) -> DynamicEntitiesDirective:
    """The directive that makes ``recipe``'s names the session's dynamic entities."""
    from cookalong.recipe.slots import recipe_slot_values  # when a recipe is first chosen

    values = recipe_slot_values(recipe)
    types = []
    budget = MAX_ENTITIES
    for type_name in ENTITY_TYPES:
        entities = [
            Entity(
                id=value.id,
                name=EntityValueAndSynonyms(
                    value=value.name, synonyms=value.synonyms[:MAX_SYNONYMS]
                ),
            )
            for value in values[type_name][:budget]
        ]
        budget -= len(entities)
        if entities:
            types.append(EntityListItem(name=type_name, values=entities))
    return DynamicEntitiesDirective(update_behavior=UpdateBehavior.REPLACE, types=types)


def clear_entities() -> DynamicEntitiesDirective:
    """The directive that forgets the dynamic entities."""
    return DynamicEntitiesDirective(update_behavior=UpdateBehavior.CLEAR)
