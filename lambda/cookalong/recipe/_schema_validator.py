# Generated from schema.json by `python tools/check_recipes.py --write-validator`: do not edit.
# ruff: noqa
# fmt: off
SCHEMA_SHA256 = "ff539fc9ef2da621b58fd3ebb7cb5dc6f02959531ec72bcbf9ac15b67e216512"


class JsonSchemaValueException(ValueError):
    """fastjsonschema's error, without importing fastjsonschema at start-up."""

    def __init__(self, message, value=None, name=None, definition=None, rule=None):
        super().__init__(message)
        self.message = message
        self.value = value
        self.name = name
        self.definition = definition
        self.rule = rule


class JsonSchemaValuesException(ValueError):
    def __init__(self, errors):
        self.message = "; ".join(error.message for error in errors)
        super().__init__(self.message)
        self.errors = errors


VERSION = "2.22.3"
from decimal import Decimal
import re


REGEX_PATTERNS = {
    '^https?://\\S+$': re.compile('^https?://\\S+\\Z'),
    '^[a-z]{2,3}$': re.compile('^[a-z]{2,3}\\Z'),
    '^[A-Za-z][A-Za-z0-9]*$': re.compile('^[A-Za-z][A-Za-z0-9]*\\Z'),
    '^[^\\s,;.!?]([^,;.!?]*[^\\s,;.!?])?$': re.compile('^[^\\s,;.!?]([^,;.!?]*[^\\s,;.!?])?\\Z'),
    '^([0-9]+|[0-9]+\\.[0-9]+|[0-9]+/[1-9][0-9]*|[1-9][0-9]* [1-9][0-9]*/[1-9][0-9]*)$': re.compile('^([0-9]+|[0-9]+\\.[0-9]+|[0-9]+/[1-9][0-9]*|[1-9][0-9]* [1-9][0-9]*/[1-9][0-9]*)\\Z'),
    '^P(?=\\d|T\\d)(\\d+D)?(T(?=\\d)(\\d+H)?(\\d+M)?(\\d+S)?)?$': re.compile('^P(?=\\d|T\\d)(\\d+D)?(T(?=\\d)(\\d+H)?(\\d+M)?(\\d+S)?)?\\Z'),
    '\\S': re.compile('\\S'),
    '^[a-z0-9]+(-[a-z0-9]+)*$': re.compile('^[a-z0-9]+(-[a-z0-9]+)*\\Z')
}

NoneType = type(None)

def validate(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, (dict)):
        raise JsonSchemaValueException("" + (name_prefix or "data") + " must be object", value=data, name="" + (name_prefix or "data") + "", definition=None, rule='type')
    data_is_dict = isinstance(data, dict)
    if data_is_dict:
        data__missing_keys = set(['id', 'title', 'source', 'servings', 'components']) - data.keys()
        if data__missing_keys:
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must contain " + (str(sorted(data__missing_keys)) + " properties"), value=data, name="" + (name_prefix or "data") + "", definition=None, rule='required')
        data_keys = set(data.keys())
        if "$schema" in data_keys:
            data_keys.remove("$schema")
            data__schema = data["$schema"]
            if not isinstance(data__schema, (str)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".$schema must be string", value=data__schema, name="" + (name_prefix or "data") + ".$schema", definition=None, rule='type')
        if "id" in data_keys:
            data_keys.remove("id")
            data__id = data["id"]
            validate___definitions_slug(data__id, custom_formats, (name_prefix or "data") + ".id")
        if "title" in data_keys:
            data_keys.remove("title")
            data__title = data["title"]
            validate___definitions_text(data__title, custom_formats, (name_prefix or "data") + ".title")
        if "short_title" in data_keys:
            data_keys.remove("short_title")
            data__shorttitle = data["short_title"]
            validate___definitions_text(data__shorttitle, custom_formats, (name_prefix or "data") + ".short_title")
        if "aliases" in data_keys:
            data_keys.remove("aliases")
            data__aliases = data["aliases"]
            validate___definitions_phrases(data__aliases, custom_formats, (name_prefix or "data") + ".aliases")
        if "author" in data_keys:
            data_keys.remove("author")
            data__author = data["author"]
            validate___definitions_text(data__author, custom_formats, (name_prefix or "data") + ".author")
        if "source" in data_keys:
            data_keys.remove("source")
            data__source = data["source"]
            validate___definitions_text(data__source, custom_formats, (name_prefix or "data") + ".source")
        if "url" in data_keys:
            data_keys.remove("url")
            data__url = data["url"]
            if not isinstance(data__url, (str)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".url must be string", value=data__url, name="" + (name_prefix or "data") + ".url", definition=None, rule='type')
            if isinstance(data__url, str):
                if not REGEX_PATTERNS['^https?://\\S+$'].search(data__url):
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".url must match pattern ^https?://\\S+$", value=data__url, name="" + (name_prefix or "data") + ".url", definition=None, rule='pattern')
        if "language" in data_keys:
            data_keys.remove("language")
            data__language = data["language"]
            if not isinstance(data__language, (str)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".language must be string", value=data__language, name="" + (name_prefix or "data") + ".language", definition=None, rule='type')
            if isinstance(data__language, str):
                if not REGEX_PATTERNS['^[a-z]{2,3}$'].search(data__language):
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".language must match pattern ^[a-z]{2,3}$", value=data__language, name="" + (name_prefix or "data") + ".language", definition=None, rule='pattern')
        if "translation_of" in data_keys:
            data_keys.remove("translation_of")
            data__translationof = data["translation_of"]
            validate___definitions_slug(data__translationof, custom_formats, (name_prefix or "data") + ".translation_of")
        if "nutrition" in data_keys:
            data_keys.remove("nutrition")
            data__nutrition = data["nutrition"]
            if not isinstance(data__nutrition, (dict)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".nutrition must be object", value=data__nutrition, name="" + (name_prefix or "data") + ".nutrition", definition=None, rule='type')
            data__nutrition_is_dict = isinstance(data__nutrition, dict)
            if data__nutrition_is_dict:
                data__nutrition_keys = set(data__nutrition.keys())
                for data__nutrition_key in data__nutrition_keys:
                    if data__nutrition_key not in []:
                        data__nutrition_value = data__nutrition.get(data__nutrition_key)
                        if not isinstance(data__nutrition_value, (str)):
                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".nutrition.{data__nutrition_key}".format(**locals()) + " must be string", value=data__nutrition_value, name="" + (name_prefix or "data") + ".nutrition.{data__nutrition_key}".format(**locals()) + "", definition=None, rule='type')
                        if isinstance(data__nutrition_value, str):
                            data__nutrition_value_len = len(data__nutrition_value)
                            if data__nutrition_value_len < 1:
                                raise JsonSchemaValueException("" + (name_prefix or "data") + ".nutrition.{data__nutrition_key}".format(**locals()) + " must be longer than or equal to 1 characters", value=data__nutrition_value, name="" + (name_prefix or "data") + ".nutrition.{data__nutrition_key}".format(**locals()) + "", definition=None, rule='minLength')
                data__nutrition_len = len(data__nutrition)
                if data__nutrition_len != 0:
                    data__nutrition_property_names = True
                    for data__nutrition_key in data__nutrition:
                        try:
                            if isinstance(data__nutrition_key, str):
                                if not REGEX_PATTERNS['^[A-Za-z][A-Za-z0-9]*$'].search(data__nutrition_key):
                                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".nutrition must match pattern ^[A-Za-z][A-Za-z0-9]*$", value=data__nutrition_key, name="" + (name_prefix or "data") + ".nutrition", definition=None, rule='pattern')
                        except (JsonSchemaValueException, JsonSchemaValuesException):
                            data__nutrition_property_names = False
                    if not data__nutrition_property_names:
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".nutrition must be named by propertyName definition", value=data__nutrition, name="" + (name_prefix or "data") + ".nutrition", definition=None, rule='propertyNames')
        if "description" in data_keys:
            data_keys.remove("description")
            data__description = data["description"]
            validate___definitions_text(data__description, custom_formats, (name_prefix or "data") + ".description")
        if "servings" in data_keys:
            data_keys.remove("servings")
            data__servings = data["servings"]
            if not isinstance(data__servings, (int)) and not (isinstance(data__servings, float) and data__servings.is_integer()) or isinstance(data__servings, bool):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".servings must be integer", value=data__servings, name="" + (name_prefix or "data") + ".servings", definition=None, rule='type')
            if isinstance(data__servings, (int, float, Decimal)) and not isinstance(data__servings, bool):
                if data__servings < 1:
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".servings must be bigger than or equal to 1", value=data__servings, name="" + (name_prefix or "data") + ".servings", definition=None, rule='minimum')
                if data__servings > 100:
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".servings must be smaller than or equal to 100", value=data__servings, name="" + (name_prefix or "data") + ".servings", definition=None, rule='maximum')
        if "prep_time" in data_keys:
            data_keys.remove("prep_time")
            data__preptime = data["prep_time"]
            validate___definitions_duration(data__preptime, custom_formats, (name_prefix or "data") + ".prep_time")
        if "cook_time" in data_keys:
            data_keys.remove("cook_time")
            data__cooktime = data["cook_time"]
            validate___definitions_duration(data__cooktime, custom_formats, (name_prefix or "data") + ".cook_time")
        if "total_time" in data_keys:
            data_keys.remove("total_time")
            data__totaltime = data["total_time"]
            validate___definitions_duration(data__totaltime, custom_formats, (name_prefix or "data") + ".total_time")
        if "category" in data_keys:
            data_keys.remove("category")
            data__category = data["category"]
            validate___definitions_text(data__category, custom_formats, (name_prefix or "data") + ".category")
        if "method" in data_keys:
            data_keys.remove("method")
            data__method = data["method"]
            validate___definitions_text(data__method, custom_formats, (name_prefix or "data") + ".method")
        if "cuisine" in data_keys:
            data_keys.remove("cuisine")
            data__cuisine = data["cuisine"]
            validate___definitions_text(data__cuisine, custom_formats, (name_prefix or "data") + ".cuisine")
        if "serving" in data_keys:
            data_keys.remove("serving")
            data__serving = data["serving"]
            validate___definitions_text(data__serving, custom_formats, (name_prefix or "data") + ".serving")
        if "components" in data_keys:
            data_keys.remove("components")
            data__components = data["components"]
            if not isinstance(data__components, (list, tuple)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".components must be array", value=data__components, name="" + (name_prefix or "data") + ".components", definition=None, rule='type')
            data__components_is_list = isinstance(data__components, (list, tuple))
            if data__components_is_list:
                data__components_len = len(data__components)
                if data__components_len < 1:
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".components must contain at least 1 items", value=data__components, name="" + (name_prefix or "data") + ".components", definition=None, rule='minItems')
                for data__components_x, data__components_item in enumerate(data__components):
                    validate___definitions_component(data__components_item, custom_formats, (name_prefix or "data") + ".components[{data__components_x}]".format(**locals()))
        if "tips" in data_keys:
            data_keys.remove("tips")
            data__tips = data["tips"]
            if not isinstance(data__tips, (list, tuple)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".tips must be array", value=data__tips, name="" + (name_prefix or "data") + ".tips", definition=None, rule='type')
            data__tips_is_list = isinstance(data__tips, (list, tuple))
            if data__tips_is_list:
                data__tips_len = len(data__tips)
                for data__tips_x, data__tips_item in enumerate(data__tips):
                    validate___definitions_tip(data__tips_item, custom_formats, (name_prefix or "data") + ".tips[{data__tips_x}]".format(**locals()))
        if "notes" in data_keys:
            data_keys.remove("notes")
            data__notes = data["notes"]
            if not isinstance(data__notes, (list, tuple)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".notes must be array", value=data__notes, name="" + (name_prefix or "data") + ".notes", definition=None, rule='type')
            data__notes_is_list = isinstance(data__notes, (list, tuple))
            if data__notes_is_list:
                data__notes_len = len(data__notes)
                for data__notes_x, data__notes_item in enumerate(data__notes):
                    validate___definitions_note(data__notes_item, custom_formats, (name_prefix or "data") + ".notes[{data__notes_x}]".format(**locals()))
        if data_keys:
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must not contain "+str(data_keys)+" properties", value=data, name="" + (name_prefix or "data") + "", definition=None, rule='additionalProperties')
    return data

def validate___definitions_note(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, (dict)):
        raise JsonSchemaValueException("" + (name_prefix or "data") + " must be object", value=data, name="" + (name_prefix or "data") + "", definition=None, rule='type')
    data_is_dict = isinstance(data, dict)
    if data_is_dict:
        data__missing_keys = set(['id', 'text']) - data.keys()
        if data__missing_keys:
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must contain " + (str(sorted(data__missing_keys)) + " properties"), value=data, name="" + (name_prefix or "data") + "", definition=None, rule='required')
        data_keys = set(data.keys())
        if "id" in data_keys:
            data_keys.remove("id")
            data__id = data["id"]
            validate___definitions_slug(data__id, custom_formats, (name_prefix or "data") + ".id")
        if "title" in data_keys:
            data_keys.remove("title")
            data__title = data["title"]
            validate___definitions_phrase(data__title, custom_formats, (name_prefix or "data") + ".title")
        if "text" in data_keys:
            data_keys.remove("text")
            data__text = data["text"]
            validate___definitions_text(data__text, custom_formats, (name_prefix or "data") + ".text")
        if data_keys:
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must not contain "+str(data_keys)+" properties", value=data, name="" + (name_prefix or "data") + "", definition=None, rule='additionalProperties')
    return data

def validate___definitions_phrase(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, (str)):
        raise JsonSchemaValueException("" + (name_prefix or "data") + " must be string", value=data, name="" + (name_prefix or "data") + "", definition=None, rule='type')
    if isinstance(data, str):
        data_len = len(data)
        if data_len > 80:
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must be shorter than or equal to 80 characters", value=data, name="" + (name_prefix or "data") + "", definition=None, rule='maxLength')
        if not REGEX_PATTERNS['^[^\\s,;.!?]([^,;.!?]*[^\\s,;.!?])?$'].search(data):
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must match pattern ^[^\\s,;.!?]([^,;.!?]*[^\\s,;.!?])?$", value=data, name="" + (name_prefix or "data") + "", definition=None, rule='pattern')
    return data

def validate___definitions_tip(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, (dict)):
        raise JsonSchemaValueException("" + (name_prefix or "data") + " must be object", value=data, name="" + (name_prefix or "data") + "", definition=None, rule='type')
    data_is_dict = isinstance(data, dict)
    if data_is_dict:
        data__missing_keys = set(['id', 'title', 'text', 'keywords']) - data.keys()
        if data__missing_keys:
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must contain " + (str(sorted(data__missing_keys)) + " properties"), value=data, name="" + (name_prefix or "data") + "", definition=None, rule='required')
        data_keys = set(data.keys())
        if "id" in data_keys:
            data_keys.remove("id")
            data__id = data["id"]
            validate___definitions_slug(data__id, custom_formats, (name_prefix or "data") + ".id")
        if "group" in data_keys:
            data_keys.remove("group")
            data__group = data["group"]
            validate___definitions_slug(data__group, custom_formats, (name_prefix or "data") + ".group")
        if "title" in data_keys:
            data_keys.remove("title")
            data__title = data["title"]
            validate___definitions_phrase(data__title, custom_formats, (name_prefix or "data") + ".title")
        if "text" in data_keys:
            data_keys.remove("text")
            data__text = data["text"]
            validate___definitions_text(data__text, custom_formats, (name_prefix or "data") + ".text")
        if "keywords" in data_keys:
            data_keys.remove("keywords")
            data__keywords = data["keywords"]
            validate___definitions_phrases(data__keywords, custom_formats, (name_prefix or "data") + ".keywords")
            data__keywords_is_list = isinstance(data__keywords, (list, tuple))
            if data__keywords_is_list:
                data__keywords_len = len(data__keywords)
                if data__keywords_len < 1:
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".keywords must contain at least 1 items", value=data__keywords, name="" + (name_prefix or "data") + ".keywords", definition=None, rule='minItems')
        if data_keys:
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must not contain "+str(data_keys)+" properties", value=data, name="" + (name_prefix or "data") + "", definition=None, rule='additionalProperties')
    return data

def validate___definitions_component(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, (dict)):
        raise JsonSchemaValueException("" + (name_prefix or "data") + " must be object", value=data, name="" + (name_prefix or "data") + "", definition=None, rule='type')
    data_is_dict = isinstance(data, dict)
    if data_is_dict:
        data__missing_keys = set(['id', 'name', 'ingredients', 'steps']) - data.keys()
        if data__missing_keys:
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must contain " + (str(sorted(data__missing_keys)) + " properties"), value=data, name="" + (name_prefix or "data") + "", definition=None, rule='required')
        data_keys = set(data.keys())
        if "id" in data_keys:
            data_keys.remove("id")
            data__id = data["id"]
            validate___definitions_slug(data__id, custom_formats, (name_prefix or "data") + ".id")
        if "name" in data_keys:
            data_keys.remove("name")
            data__name = data["name"]
            validate___definitions_phrase(data__name, custom_formats, (name_prefix or "data") + ".name")
        if "synonyms" in data_keys:
            data_keys.remove("synonyms")
            data__synonyms = data["synonyms"]
            validate___definitions_phrases(data__synonyms, custom_formats, (name_prefix or "data") + ".synonyms")
        if "ingredients" in data_keys:
            data_keys.remove("ingredients")
            data__ingredients = data["ingredients"]
            if not isinstance(data__ingredients, (list, tuple)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".ingredients must be array", value=data__ingredients, name="" + (name_prefix or "data") + ".ingredients", definition=None, rule='type')
            data__ingredients_is_list = isinstance(data__ingredients, (list, tuple))
            if data__ingredients_is_list:
                data__ingredients_len = len(data__ingredients)
                if data__ingredients_len < 1:
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".ingredients must contain at least 1 items", value=data__ingredients, name="" + (name_prefix or "data") + ".ingredients", definition=None, rule='minItems')
                for data__ingredients_x, data__ingredients_item in enumerate(data__ingredients):
                    validate___definitions_ingredient(data__ingredients_item, custom_formats, (name_prefix or "data") + ".ingredients[{data__ingredients_x}]".format(**locals()))
        if "steps" in data_keys:
            data_keys.remove("steps")
            data__steps = data["steps"]
            if not isinstance(data__steps, (list, tuple)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".steps must be array", value=data__steps, name="" + (name_prefix or "data") + ".steps", definition=None, rule='type')
            data__steps_is_list = isinstance(data__steps, (list, tuple))
            if data__steps_is_list:
                data__steps_len = len(data__steps)
                if data__steps_len < 1:
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".steps must contain at least 1 items", value=data__steps, name="" + (name_prefix or "data") + ".steps", definition=None, rule='minItems')
                for data__steps_x, data__steps_item in enumerate(data__steps):
                    validate___definitions_step(data__steps_item, custom_formats, (name_prefix or "data") + ".steps[{data__steps_x}]".format(**locals()))
        if data_keys:
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must not contain "+str(data_keys)+" properties", value=data, name="" + (name_prefix or "data") + "", definition=None, rule='additionalProperties')
    return data

def validate___definitions_step(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, (dict)):
        raise JsonSchemaValueException("" + (name_prefix or "data") + " must be object", value=data, name="" + (name_prefix or "data") + "", definition=None, rule='type')
    data_is_dict = isinstance(data, dict)
    if data_is_dict:
        data__missing_keys = set(['text', 'actions']) - data.keys()
        if data__missing_keys:
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must contain " + (str(sorted(data__missing_keys)) + " properties"), value=data, name="" + (name_prefix or "data") + "", definition=None, rule='required')
        data_keys = set(data.keys())
        if "text" in data_keys:
            data_keys.remove("text")
            data__text = data["text"]
            validate___definitions_text(data__text, custom_formats, (name_prefix or "data") + ".text")
        if "speech" in data_keys:
            data_keys.remove("speech")
            data__speech = data["speech"]
            validate___definitions_text(data__speech, custom_formats, (name_prefix or "data") + ".speech")
        if "ingredients" in data_keys:
            data_keys.remove("ingredients")
            data__ingredients = data["ingredients"]
            if not isinstance(data__ingredients, (list, tuple)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".ingredients must be array", value=data__ingredients, name="" + (name_prefix or "data") + ".ingredients", definition=None, rule='type')
            data__ingredients_is_list = isinstance(data__ingredients, (list, tuple))
            if data__ingredients_is_list:
                def fn(var): return frozenset(dict((k, fn(v)) for k, v in var.items()).items()) if hasattr(var, "items") else tuple(fn(v) for v in var) if isinstance(var, (dict, list)) else (bool, var) if isinstance(var, bool) else var
                data__ingredients_len = len(data__ingredients)
                if data__ingredients_len > len(set(fn(data__ingredients_x) for data__ingredients_x in data__ingredients)):
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".ingredients must contain unique items", value=data__ingredients, name="" + (name_prefix or "data") + ".ingredients", definition=None, rule='uniqueItems')
                for data__ingredients_x, data__ingredients_item in enumerate(data__ingredients):
                    validate___definitions_slug(data__ingredients_item, custom_formats, (name_prefix or "data") + ".ingredients[{data__ingredients_x}]".format(**locals()))
        if "durations" in data_keys:
            data_keys.remove("durations")
            data__durations = data["durations"]
            if not isinstance(data__durations, (list, tuple)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".durations must be array", value=data__durations, name="" + (name_prefix or "data") + ".durations", definition=None, rule='type')
            data__durations_is_list = isinstance(data__durations, (list, tuple))
            if data__durations_is_list:
                data__durations_len = len(data__durations)
                for data__durations_x, data__durations_item in enumerate(data__durations):
                    validate___definitions_timespan(data__durations_item, custom_formats, (name_prefix or "data") + ".durations[{data__durations_x}]".format(**locals()))
        if "oven" in data_keys:
            data_keys.remove("oven")
            data__oven = data["oven"]
            validate___definitions_oven(data__oven, custom_formats, (name_prefix or "data") + ".oven")
        if "passive" in data_keys:
            data_keys.remove("passive")
            data__passive = data["passive"]
            if not isinstance(data__passive, (bool)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".passive must be boolean", value=data__passive, name="" + (name_prefix or "data") + ".passive", definition=None, rule='type')
        if "in_oven" in data_keys:
            data_keys.remove("in_oven")
            data__inoven = data["in_oven"]
            if not isinstance(data__inoven, (bool)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".in_oven must be boolean", value=data__inoven, name="" + (name_prefix or "data") + ".in_oven", definition=None, rule='type')
        if "meanwhile" in data_keys:
            data_keys.remove("meanwhile")
            data__meanwhile = data["meanwhile"]
            validate___definitions_slug(data__meanwhile, custom_formats, (name_prefix or "data") + ".meanwhile")
        if "equipment" in data_keys:
            data_keys.remove("equipment")
            data__equipment = data["equipment"]
            validate___definitions_phrases(data__equipment, custom_formats, (name_prefix or "data") + ".equipment")
        if "actions" in data_keys:
            data_keys.remove("actions")
            data__actions = data["actions"]
            validate___definitions_phrases(data__actions, custom_formats, (name_prefix or "data") + ".actions")
            data__actions_is_list = isinstance(data__actions, (list, tuple))
            if data__actions_is_list:
                data__actions_len = len(data__actions)
                if data__actions_len < 1:
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".actions must contain at least 1 items", value=data__actions, name="" + (name_prefix or "data") + ".actions", definition=None, rule='minItems')
        if data_keys:
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must not contain "+str(data_keys)+" properties", value=data, name="" + (name_prefix or "data") + "", definition=None, rule='additionalProperties')
    return data

def validate___definitions_oven(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, (dict)):
        raise JsonSchemaValueException("" + (name_prefix or "data") + " must be object", value=data, name="" + (name_prefix or "data") + "", definition=None, rule='type')
    data_is_dict = isinstance(data, dict)
    if data_is_dict:
        data__missing_keys = set(['mode', 'degrees', 'scale']) - data.keys()
        if data__missing_keys:
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must contain " + (str(sorted(data__missing_keys)) + " properties"), value=data, name="" + (name_prefix or "data") + "", definition=None, rule='required')
        data_keys = set(data.keys())
        if "mode" in data_keys:
            data_keys.remove("mode")
            data__mode = data["mode"]
            if not (isinstance(data__mode, str) and data__mode == 'preheat' or isinstance(data__mode, str) and data__mode == 'bake' or isinstance(data__mode, str) and data__mode == 'roast' or isinstance(data__mode, str) and data__mode == 'broil' or isinstance(data__mode, str) and data__mode == 'convection bake' or isinstance(data__mode, str) and data__mode == 'convection roast' or isinstance(data__mode, str) and data__mode == 'warm'):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".mode must be one of ['preheat', 'bake', 'roast', 'broil', 'convection bake', 'convection roast', 'warm']", value=data__mode, name="" + (name_prefix or "data") + ".mode", definition=None, rule='enum')
        if "degrees" in data_keys:
            data_keys.remove("degrees")
            data__degrees = data["degrees"]
            if not isinstance(data__degrees, (int)) and not (isinstance(data__degrees, float) and data__degrees.is_integer()) or isinstance(data__degrees, bool):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".degrees must be integer", value=data__degrees, name="" + (name_prefix or "data") + ".degrees", definition=None, rule='type')
        if "scale" in data_keys:
            data_keys.remove("scale")
            data__scale = data["scale"]
            if not (isinstance(data__scale, str) and data__scale == 'F' or isinstance(data__scale, str) and data__scale == 'C'):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".scale must be one of ['F', 'C']", value=data__scale, name="" + (name_prefix or "data") + ".scale", definition=None, rule='enum')
        if "fan" in data_keys:
            data_keys.remove("fan")
            data__fan = data["fan"]
            if not isinstance(data__fan, (bool)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".fan must be boolean", value=data__fan, name="" + (name_prefix or "data") + ".fan", definition=None, rule='type')
        if "heat" in data_keys:
            data_keys.remove("heat")
            data__heat = data["heat"]
            if not (isinstance(data__heat, str) and data__heat == 'top-bottom' or isinstance(data__heat, str) and data__heat == 'top' or isinstance(data__heat, str) and data__heat == 'bottom'):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".heat must be one of ['top-bottom', 'top', 'bottom']", value=data__heat, name="" + (name_prefix or "data") + ".heat", definition=None, rule='enum')
        if "gas_mark" in data_keys:
            data_keys.remove("gas_mark")
            data__gasmark = data["gas_mark"]
            if not isinstance(data__gasmark, (int)) and not (isinstance(data__gasmark, float) and data__gasmark.is_integer()) or isinstance(data__gasmark, bool):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".gas_mark must be integer", value=data__gasmark, name="" + (name_prefix or "data") + ".gas_mark", definition=None, rule='type')
            if isinstance(data__gasmark, (int, float, Decimal)) and not isinstance(data__gasmark, bool):
                if data__gasmark < 1:
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".gas_mark must be bigger than or equal to 1", value=data__gasmark, name="" + (name_prefix or "data") + ".gas_mark", definition=None, rule='minimum')
                if data__gasmark > 10:
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".gas_mark must be smaller than or equal to 10", value=data__gasmark, name="" + (name_prefix or "data") + ".gas_mark", definition=None, rule='maximum')
        if data_keys:
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must not contain "+str(data_keys)+" properties", value=data, name="" + (name_prefix or "data") + "", definition=None, rule='additionalProperties')
    return data

def validate___definitions_timespan(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, (dict)):
        raise JsonSchemaValueException("" + (name_prefix or "data") + " must be object", value=data, name="" + (name_prefix or "data") + "", definition=None, rule='type')
    data_is_dict = isinstance(data, dict)
    if data_is_dict:
        data__missing_keys = set(['min']) - data.keys()
        if data__missing_keys:
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must contain " + (str(sorted(data__missing_keys)) + " properties"), value=data, name="" + (name_prefix or "data") + "", definition=None, rule='required')
        data_keys = set(data.keys())
        if "min" in data_keys:
            data_keys.remove("min")
            data__min = data["min"]
            validate___definitions_duration(data__min, custom_formats, (name_prefix or "data") + ".min")
        if "max" in data_keys:
            data_keys.remove("max")
            data__max = data["max"]
            validate___definitions_duration(data__max, custom_formats, (name_prefix or "data") + ".max")
        if "label" in data_keys:
            data_keys.remove("label")
            data__label = data["label"]
            validate___definitions_phrase(data__label, custom_formats, (name_prefix or "data") + ".label")
        if "until" in data_keys:
            data_keys.remove("until")
            data__until = data["until"]
            validate___definitions_text(data__until, custom_formats, (name_prefix or "data") + ".until")
        if data_keys:
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must not contain "+str(data_keys)+" properties", value=data, name="" + (name_prefix or "data") + "", definition=None, rule='additionalProperties')
    return data

def validate___definitions_ingredient(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, (dict)):
        raise JsonSchemaValueException("" + (name_prefix or "data") + " must be object", value=data, name="" + (name_prefix or "data") + "", definition=None, rule='type')
    data_is_dict = isinstance(data, dict)
    if data_is_dict:
        data__missing_keys = set(['id', 'name', 'text']) - data.keys()
        if data__missing_keys:
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must contain " + (str(sorted(data__missing_keys)) + " properties"), value=data, name="" + (name_prefix or "data") + "", definition=None, rule='required')
        data_keys = set(data.keys())
        if "id" in data_keys:
            data_keys.remove("id")
            data__id = data["id"]
            validate___definitions_slug(data__id, custom_formats, (name_prefix or "data") + ".id")
        if "key" in data_keys:
            data_keys.remove("key")
            data__key = data["key"]
            validate___definitions_slug(data__key, custom_formats, (name_prefix or "data") + ".key")
        if "name" in data_keys:
            data_keys.remove("name")
            data__name = data["name"]
            validate___definitions_phrase(data__name, custom_formats, (name_prefix or "data") + ".name")
        if "synonyms" in data_keys:
            data_keys.remove("synonyms")
            data__synonyms = data["synonyms"]
            validate___definitions_phrases(data__synonyms, custom_formats, (name_prefix or "data") + ".synonyms")
        if "in_steps" in data_keys:
            data_keys.remove("in_steps")
            data__insteps = data["in_steps"]
            if not (isinstance(data__insteps, bool) and data__insteps is False):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".in_steps must be same as const definition: False", value=data__insteps, name="" + (name_prefix or "data") + ".in_steps", definition=None, rule='const')
        if "amount" in data_keys:
            data_keys.remove("amount")
            data__amount = data["amount"]
            validate___definitions_amount(data__amount, custom_formats, (name_prefix or "data") + ".amount")
        if "preparation" in data_keys:
            data_keys.remove("preparation")
            data__preparation = data["preparation"]
            validate___definitions_text(data__preparation, custom_formats, (name_prefix or "data") + ".preparation")
        if "comment" in data_keys:
            data_keys.remove("comment")
            data__comment = data["comment"]
            validate___definitions_text(data__comment, custom_formats, (name_prefix or "data") + ".comment")
        if "notes" in data_keys:
            data_keys.remove("notes")
            data__notes = data["notes"]
            if not isinstance(data__notes, (list, tuple)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".notes must be array", value=data__notes, name="" + (name_prefix or "data") + ".notes", definition=None, rule='type')
            data__notes_is_list = isinstance(data__notes, (list, tuple))
            if data__notes_is_list:
                def fn(var): return frozenset(dict((k, fn(v)) for k, v in var.items()).items()) if hasattr(var, "items") else tuple(fn(v) for v in var) if isinstance(var, (dict, list)) else (bool, var) if isinstance(var, bool) else var
                data__notes_len = len(data__notes)
                if data__notes_len > len(set(fn(data__notes_x) for data__notes_x in data__notes)):
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".notes must contain unique items", value=data__notes, name="" + (name_prefix or "data") + ".notes", definition=None, rule='uniqueItems')
                for data__notes_x, data__notes_item in enumerate(data__notes):
                    validate___definitions_slug(data__notes_item, custom_formats, (name_prefix or "data") + ".notes[{data__notes_x}]".format(**locals()))
        if "text" in data_keys:
            data_keys.remove("text")
            data__text = data["text"]
            validate___definitions_text(data__text, custom_formats, (name_prefix or "data") + ".text")
        if data_keys:
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must not contain "+str(data_keys)+" properties", value=data, name="" + (name_prefix or "data") + "", definition=None, rule='additionalProperties')
    return data

def validate___definitions_amount(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, (dict)):
        raise JsonSchemaValueException("" + (name_prefix or "data") + " must be object", value=data, name="" + (name_prefix or "data") + "", definition=None, rule='type')
    data_is_dict = isinstance(data, dict)
    if data_is_dict:
        data__missing_keys = set(['value']) - data.keys()
        if data__missing_keys:
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must contain " + (str(sorted(data__missing_keys)) + " properties"), value=data, name="" + (name_prefix or "data") + "", definition=None, rule='required')
        if "noun_plural" in data:
            if "noun" not in data:
                raise JsonSchemaValueException("" + (name_prefix or "data") + " missing dependency noun for noun_plural", value=data, name="" + (name_prefix or "data") + "", definition=None, rule='dependencies')
        data_keys = set(data.keys())
        if "value" in data_keys:
            data_keys.remove("value")
            data__value = data["value"]
            validate___definitions_quantity(data__value, custom_formats, (name_prefix or "data") + ".value")
        if "upper" in data_keys:
            data_keys.remove("upper")
            data__upper = data["upper"]
            validate___definitions_quantity(data__upper, custom_formats, (name_prefix or "data") + ".upper")
        if "unit" in data_keys:
            data_keys.remove("unit")
            data__unit = data["unit"]
            validate___definitions_unit(data__unit, custom_formats, (name_prefix or "data") + ".unit")
        if "noun" in data_keys:
            data_keys.remove("noun")
            data__noun = data["noun"]
            validate___definitions_phrase(data__noun, custom_formats, (name_prefix or "data") + ".noun")
        if "noun_plural" in data_keys:
            data_keys.remove("noun_plural")
            data__nounplural = data["noun_plural"]
            validate___definitions_phrase(data__nounplural, custom_formats, (name_prefix or "data") + ".noun_plural")
        if "size" in data_keys:
            data_keys.remove("size")
            data__size = data["size"]
            if not (isinstance(data__size, str) and data__size == 'small' or isinstance(data__size, str) and data__size == 'medium' or isinstance(data__size, str) and data__size == 'large' or isinstance(data__size, str) and data__size == 'extra large'):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".size must be one of ['small', 'medium', 'large', 'extra large']", value=data__size, name="" + (name_prefix or "data") + ".size", definition=None, rule='enum')
        if data_keys:
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must not contain "+str(data_keys)+" properties", value=data, name="" + (name_prefix or "data") + "", definition=None, rule='additionalProperties')
    return data

def validate___definitions_unit(data, custom_formats={}, name_prefix=None):
    if not (isinstance(data, str) and data == 'teaspoon' or isinstance(data, str) and data == 'tablespoon' or isinstance(data, str) and data == 'cup' or isinstance(data, str) and data == 'fluid_ounce' or isinstance(data, str) and data == 'pint' or isinstance(data, str) and data == 'quart' or isinstance(data, str) and data == 'gallon' or isinstance(data, str) and data == 'millilitre' or isinstance(data, str) and data == 'litre' or isinstance(data, str) and data == 'ounce' or isinstance(data, str) and data == 'pound' or isinstance(data, str) and data == 'gram' or isinstance(data, str) and data == 'kilogram' or isinstance(data, str) and data == 'inch' or isinstance(data, str) and data == 'centimetre' or isinstance(data, str) and data == 'millimetre' or isinstance(data, str) and data == 'pinch' or isinstance(data, str) and data == 'dash'):
        raise JsonSchemaValueException("" + (name_prefix or "data") + " must be one of ['teaspoon', 'tablespoon', 'cup', 'fluid_ounce', 'pint', 'quart', 'gallon', 'millilitre', 'litre', 'ounce', 'pound', 'gram', 'kilogram', 'inch', 'centimetre', 'millimetre', 'pinch', 'dash']", value=data, name="" + (name_prefix or "data") + "", definition=None, rule='enum')
    return data

def validate___definitions_quantity(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, (str)):
        raise JsonSchemaValueException("" + (name_prefix or "data") + " must be string", value=data, name="" + (name_prefix or "data") + "", definition=None, rule='type')
    if isinstance(data, str):
        if not REGEX_PATTERNS['^([0-9]+|[0-9]+\\.[0-9]+|[0-9]+/[1-9][0-9]*|[1-9][0-9]* [1-9][0-9]*/[1-9][0-9]*)$'].search(data):
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must match pattern ^([0-9]+|[0-9]+\\.[0-9]+|[0-9]+/[1-9][0-9]*|[1-9][0-9]* [1-9][0-9]*/[1-9][0-9]*)$", value=data, name="" + (name_prefix or "data") + "", definition=None, rule='pattern')
    return data

def validate___definitions_duration(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, (str)):
        raise JsonSchemaValueException("" + (name_prefix or "data") + " must be string", value=data, name="" + (name_prefix or "data") + "", definition=None, rule='type')
    if isinstance(data, str):
        if not REGEX_PATTERNS['^P(?=\\d|T\\d)(\\d+D)?(T(?=\\d)(\\d+H)?(\\d+M)?(\\d+S)?)?$'].search(data):
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must match pattern ^P(?=\\d|T\\d)(\\d+D)?(T(?=\\d)(\\d+H)?(\\d+M)?(\\d+S)?)?$", value=data, name="" + (name_prefix or "data") + "", definition=None, rule='pattern')
    return data

def validate___definitions_phrases(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, (list, tuple)):
        raise JsonSchemaValueException("" + (name_prefix or "data") + " must be array", value=data, name="" + (name_prefix or "data") + "", definition=None, rule='type')
    data_is_list = isinstance(data, (list, tuple))
    if data_is_list:
        def fn(var): return frozenset(dict((k, fn(v)) for k, v in var.items()).items()) if hasattr(var, "items") else tuple(fn(v) for v in var) if isinstance(var, (dict, list)) else (bool, var) if isinstance(var, bool) else var
        data_len = len(data)
        if data_len > len(set(fn(data_x) for data_x in data)):
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must contain unique items", value=data, name="" + (name_prefix or "data") + "", definition=None, rule='uniqueItems')
        for data_x, data_item in enumerate(data):
            validate___definitions_phrase(data_item, custom_formats, (name_prefix or "data") + "[{data_x}]".format(**locals()))
    return data

def validate___definitions_text(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, (str)):
        raise JsonSchemaValueException("" + (name_prefix or "data") + " must be string", value=data, name="" + (name_prefix or "data") + "", definition=None, rule='type')
    if isinstance(data, str):
        data_len = len(data)
        if data_len < 1:
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must be longer than or equal to 1 characters", value=data, name="" + (name_prefix or "data") + "", definition=None, rule='minLength')
        if not REGEX_PATTERNS['\\S'].search(data):
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must match pattern \\S", value=data, name="" + (name_prefix or "data") + "", definition=None, rule='pattern')
    return data

def validate___definitions_slug(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, (str)):
        raise JsonSchemaValueException("" + (name_prefix or "data") + " must be string", value=data, name="" + (name_prefix or "data") + "", definition=None, rule='type')
    if isinstance(data, str):
        data_len = len(data)
        if data_len > 64:
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must be shorter than or equal to 64 characters", value=data, name="" + (name_prefix or "data") + "", definition=None, rule='maxLength')
        if not REGEX_PATTERNS['^[a-z0-9]+(-[a-z0-9]+)*$'].search(data):
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must match pattern ^[a-z0-9]+(-[a-z0-9]+)*$", value=data, name="" + (name_prefix or "data") + "", definition=None, rule='pattern')
    return data
