"""The keys of format `pioneer-exchange/1`, each tied to the model field that holds it.

One declaration drives the validator, the JSON Schema (docs/import-format.schema.json)
and the key order of exported files. Limits and choices are read from the model
fields, so each rule lives in one place: the model. Integer ranges are
PostgreSQL's, whatever database runs the import, so a file that passes here
passes there.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import DecimalValidator, MaxLengthValidator
from django.db import models
from django.db.backends.base.operations import BaseDatabaseOperations
from taggit.models import Tag
from wagtail.models import Page

from themes.models import BarrierCategory, CareGroup, Region, Stage, Theme

from ..models import BarrierPage, CaseStudyPage, Outcome, PioneerPage, WorkaroundPage

FORMAT = "pioneer-exchange/1"
DATE_PATTERN = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
PARTNER_SEPARATORS = (";", "\n")  # PioneerPage.partner_list splits on these


class Invalid(Exception):
    """A value breaks a rule; the message says which, without the path."""


INVALID = object()  # a value that broke a rule (already reported)


class Checks:
    """Errors found so far, and the site's taxonomies, each read once."""

    def __init__(self):
        self.errors: list[str] = []
        self._taxonomies: dict[type, dict[str, models.Model]] = {}
        self._positions: dict[type, dict[str, int]] = {}

    def error(self, path: str, message: str) -> object:
        self.errors.append(f"{path}: {message}")
        return INVALID

    def taxonomy(self, model) -> dict[str, models.Model]:
        """slug -> value, in the taxonomy's own order."""
        if model not in self._taxonomies:
            values = {value.slug: value for value in model.objects.all()}
            self._taxonomies[model] = values
            self._positions[model] = {slug: position for position, slug in enumerate(values)}
        return self._taxonomies[model]

    def in_taxonomy_order(self, model, slugs) -> list[str]:
        self.taxonomy(model)
        return sorted(slugs, key=self._positions[model].__getitem__)


def _type_name(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, str):
        return "text"
    if isinstance(value, int):
        return "a whole number"
    if isinstance(value, (Decimal, float)):
        return "a decimal number"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "an object"
    return type(value).__name__


def _django_messages(error: ValidationError) -> str:
    return " ".join(error.messages)


@dataclass
class Key:
    """One key of a record. `validate` returns the value as export writes it, or INVALID after reporting."""

    required: bool = False
    nullable: bool = False
    description: str = ""
    expected = "a value"

    def default(self) -> Any:
        return None

    def validate(self, value: Any, checks: Checks, path: str) -> Any:
        if value is None:
            return None if self.nullable else checks.error(path, f"expected {self.expected}, got null")
        try:
            return self.check_value(value, checks)
        except Invalid as error:
            return checks.error(path, str(error))

    def check_value(self, value: Any, checks: Checks) -> Any:
        raise NotImplementedError

    def schema(self) -> dict[str, Any]:
        schema = self.value_schema()
        if self.nullable:
            schema = {"anyOf": [schema, {"type": "null"}]}
        if self.description:
            schema = {"description": self.description, **schema}
        return schema

    def value_schema(self) -> dict[str, Any]:
        raise NotImplementedError


_LONE_SURROGATE = re.compile("[\ud800-\udfff]")  # JSON's \u escapes can name half a pair; no database stores one


def _check_string(value: Any, expected: str = "text") -> str:
    if not isinstance(value, str):
        raise Invalid(f"expected {expected}, got {_type_name(value)}")
    if "\x00" in value:
        raise Invalid("contains a NUL character, which the database cannot store")
    if _LONE_SURROGATE.search(value):
        raise Invalid("contains a lone surrogate (half of a UTF-16 pair), which is not text")
    return value


@dataclass
class Text(Key):
    """A string held by a CharField, TextField, SlugField, EmailField or URLField."""

    model_field: models.Field | None = None
    expected = "text"

    def __post_init__(self):
        if not self.model_field.blank:
            self.required = True

    @property
    def max_length(self) -> int | None:
        return self.model_field.max_length

    def default(self) -> str:
        return ""

    def check_value(self, value: Any, checks: Checks) -> str:
        value = _check_string(value)
        if not value.strip():
            if not self.model_field.blank:
                raise Invalid("must not be blank")
            return value
        if self.max_length is not None and len(value) > self.max_length:
            raise Invalid(f"too long: {len(value)} characters, at most {self.max_length}")
        for validator in self.model_field.validators:
            if isinstance(validator, MaxLengthValidator):
                continue
            try:
                validator(value)
            except ValidationError as error:
                raise Invalid(f'{_django_messages(error)} ("{value}")') from None
        return value

    def value_schema(self) -> dict[str, Any]:
        schema: dict[str, Any] = {"type": "string"}
        if not self.model_field.blank:
            schema["minLength"] = 1
        if self.max_length is not None:
            schema["maxLength"] = self.max_length
        if isinstance(self.model_field, models.EmailField):
            schema["format"] = "email"
        elif isinstance(self.model_field, models.URLField):
            schema["format"] = "uri"
        elif isinstance(self.model_field, models.SlugField):
            schema["pattern"] = r"^[-\w]+$"
        return schema


@dataclass
class Choice(Key):
    """One of a model field's stored choice values; left out, the field's default."""

    model_field: models.Field | None = None
    label: str = "value"
    expected = "text"

    @property
    def values(self) -> list[str]:
        return [value for value, _label in self.model_field.choices]

    def default(self) -> str | None:
        return str(self.model_field.default) if self.model_field.has_default() else None

    def check_value(self, value: Any, checks: Checks) -> str:
        value = _check_string(value)
        if value not in self.values:
            raise Invalid(f'unknown {self.label} "{value}" (one of: {", ".join(self.values)})')
        return value

    def value_schema(self) -> dict[str, Any]:
        schema: dict[str, Any] = {"enum": self.values}
        if not self.required and self.default() is not None:
            schema["default"] = self.default()
        return schema


@dataclass
class WholeNumber(Key):
    model_field: models.Field | None = None
    expected = "a whole number"

    @property
    def range(self) -> tuple[int, int]:
        return BaseDatabaseOperations.integer_field_ranges[self.model_field.get_internal_type()]

    def check_value(self, value: Any, checks: Checks) -> int:
        if isinstance(value, bool) or not isinstance(value, int):
            raise Invalid(f"expected a whole number, got {_type_name(value)}")
        low, high = self.range
        if not low <= value <= high:
            raise Invalid(f"out of range: {value}, must be from {low} to {high}")
        return value

    def value_schema(self) -> dict[str, Any]:
        low, high = self.range
        return {"type": "integer", "minimum": low, "maximum": high}


@dataclass
class Number(Key):
    """A DecimalField: within its digits and decimal places. Written back as the shortest number."""

    model_field: models.Field | None = None
    expected = "a number"

    def check_value(self, value: Any, checks: Checks) -> int | float:
        if isinstance(value, bool) or not isinstance(value, (int, Decimal)):
            raise Invalid(f"expected a number, got {_type_name(value)}")
        number = Decimal(value)
        if not number.is_finite():
            raise Invalid("expected a finite number")
        try:
            DecimalValidator(self.model_field.max_digits, self.model_field.decimal_places)(number)
        except ValidationError as error:
            raise Invalid(f"{_django_messages(error)} ({value})") from None
        return plain_number(number)

    def value_schema(self) -> dict[str, Any]:
        places = self.model_field.decimal_places
        bound = 10 ** (self.model_field.max_digits - places)
        return {
            "type": "number",
            "exclusiveMinimum": -bound,
            "exclusiveMaximum": bound,
            "multipleOf": float(Decimal(1).scaleb(-places)),
        }


def plain_number(number: Decimal) -> int | float:
    """350.00 -> 350, 12.50 -> 12.5: one spelling per value (at most 15 digits, so a float is exact)."""
    number = number.normalize()
    return int(number) if number == number.to_integral_value() else float(number)


@dataclass
class Date(Key):
    expected = "a date (YYYY-MM-DD)"

    def check_value(self, value: Any, checks: Checks) -> str:
        value = _check_string(value, self.expected)
        try:
            if not re.match(DATE_PATTERN, value):
                raise ValueError
            date.fromisoformat(value)
        except ValueError:
            raise Invalid(f'not a date: "{value}" (expected YYYY-MM-DD)') from None
        return value

    def value_schema(self) -> dict[str, Any]:
        return {"type": "string", "format": "date", "pattern": DATE_PATTERN}


@dataclass
class TaxonomyRef(Key):
    """The slug of one value of a taxonomy curators edit."""

    model: type | None = None
    expected = "a slug"

    @property
    def label(self) -> str:
        return str(self.model._meta.verbose_name)

    def check_value(self, value: Any, checks: Checks) -> str:
        value = _check_string(value, "a slug")
        if value not in checks.taxonomy(self.model):
            raise Invalid(f'unknown {self.label} "{value}"')
        return value

    def value_schema(self) -> dict[str, Any]:
        return {"type": "string", "description": f"the slug of a {self.label} on the site"}


@dataclass
class ListOf(Key):
    """A list; duplicates are an error. Export writes it `as-given`, `sorted`, or in the taxonomy's order."""

    item: Key | None = None
    item_label: str = "value"
    order: str = "as-given"
    min_items: int = 0
    expected = "a list"

    def default(self) -> list:
        return []

    def validate(self, value: Any, checks: Checks, path: str) -> Any:
        if not isinstance(value, list):
            return checks.error(path, f"expected a list, got {_type_name(value)}")
        if len(value) < self.min_items:
            return checks.error(path, f"must name at least {self.min_items} {self.item_label}")
        items, seen = [], set()
        for position, item in enumerate(value):
            checked = self.item.validate(item, checks, f"{path}[{position}]")
            if isinstance(checked, str):
                if checked in seen:
                    checked = checks.error(f"{path}[{position}]", f'duplicate {self.item_label} "{checked}"')
                seen.add(checked)
            items.append(checked)
        if INVALID in items:
            return items
        if self.order == "sorted":
            items.sort()
        elif self.order == "taxonomy":
            items = checks.in_taxonomy_order(self.item.model, items)
        return items

    def value_schema(self) -> dict[str, Any]:
        schema: dict[str, Any] = {"type": "array", "items": self.item.schema()}
        if not isinstance(self.item, Record):
            schema["uniqueItems"] = True
        if self.min_items:
            schema["minItems"] = self.min_items
        return schema


@dataclass
class ListItemText(Key):
    """One string of a list (a partner, a tag): trimmed, not blank, within its length."""

    max_length: int | None = None
    forbidden: tuple[str, ...] = ()
    expected = "text"

    def check_value(self, value: Any, checks: Checks) -> str:
        value = _check_string(value).strip()
        if not value:
            raise Invalid("must not be blank")
        if self.max_length is not None and len(value) > self.max_length:
            raise Invalid(f"too long: {len(value)} characters, at most {self.max_length}")
        for character in self.forbidden:
            if character in value:
                shown = {"\n": "a line break"}.get(character, f'"{character}"')
                raise Invalid(f"must not contain {shown}")
        return value

    def value_schema(self) -> dict[str, Any]:
        schema: dict[str, Any] = {"type": "string", "minLength": 1}
        if self.max_length is not None:
            schema["maxLength"] = self.max_length
        if self.forbidden:
            escaped = {"\n": "\\n", "\\": "\\\\", "]": "\\]", "^": "\\^", "-": "\\-"}
            schema["pattern"] = "^[^" + "".join(escaped.get(c, c) for c in self.forbidden) + "]*$"
        return schema


@dataclass
class Slug(Key):
    """A page slug: Wagtail's rules for Page.slug; required."""

    required: bool = True
    expected = "a slug"

    def check_value(self, value: Any, checks: Checks) -> str:
        return SLUG_TEXT.check_value(value, checks)

    def value_schema(self) -> dict[str, Any]:
        return SLUG_TEXT.value_schema()


@dataclass
class Record(Key):
    """An object with a fixed set of keys: unknown keys are an error, optional ones take their default."""

    name: str = ""
    keys: dict[str, Key] = field(default_factory=dict)
    expected = "an object"

    def default(self) -> dict[str, Any]:
        return {key: spec.default() for key, spec in self.keys.items()}

    def validate(self, value: Any, checks: Checks, path: str) -> Any:
        if not isinstance(value, dict):
            return checks.error(path, f"expected an object, got {_type_name(value)}")
        prefix = f"{path}." if path else ""
        for key in getattr(value, "repeated_keys", ()):
            checks.error(f"{prefix}{key}", "given more than once")
        for key in value:
            if key not in self.keys:
                checks.error(f"{prefix}{key}", "unknown key")
        record = {}
        for key, spec in self.keys.items():
            if key in value:
                record[key] = spec.validate(value[key], checks, f"{prefix}{key}")
            elif spec.required:
                record[key] = checks.error(f"{prefix}{key}", "required")
            else:
                record[key] = spec.default()
        return record

    def value_schema(self) -> dict[str, Any]:
        schema: dict[str, Any] = {"type": "object", "additionalProperties": False}
        required = [key for key, spec in self.keys.items() if spec.required]
        if required:
            schema["required"] = required
        schema["properties"] = {key: spec.schema() for key, spec in self.keys.items()}
        return schema


def _field(model, name: str) -> models.Field:
    return model._meta.get_field(name)


SLUG_TEXT = Text(model_field=_field(Page, "slug"))
TAG_NAME_LENGTH = _field(Tag, "name").max_length


def _text(model, name: str, **kwargs) -> Text:
    return Text(model_field=_field(model, name), **kwargs)


def _choice(model, name: str, label: str) -> Choice:
    return Choice(model_field=_field(model, name), label=label)


def _taxonomy_list(model, label: str) -> ListOf:
    return ListOf(item=TaxonomyRef(model=model), item_label=label, order="taxonomy")


PIONEER = Record(
    name="pioneer",
    keys={
        "slug": Slug(description="Its address under /pioneers/; unique in the file and on the site."),
        "name": _text(Page, "title"),
        "status": _choice(PioneerPage, "status", "status"),
        "region": TaxonomyRef(model=Region, nullable=True),
        "plan_summary": _text(PioneerPage, "plan_summary"),
        "partners": ListOf(
            item=ListItemText(forbidden=PARTNER_SEPARATORS),
            item_label="partner",
            description="The organisations in the partnership, one per item.",
        ),
        "population_served": WholeNumber(model_field=_field(PioneerPage, "population_served"), nullable=True),
        "website": _text(PioneerPage, "website"),
    },
)

CONTACT = Record(
    name="contact",
    keys={
        "name": _text(CaseStudyPage, "contact_name"),
        "role": _text(CaseStudyPage, "contact_role"),
        "email": _text(CaseStudyPage, "contact_email"),
    },
)

OUTCOME = Record(
    name="outcome",
    keys={
        "measure": Choice(model_field=_field(Outcome, "measure"), label="measure", required=True),
        "value": Number(model_field=_field(Outcome, "value"), required=True),
        "unit": _text(Outcome, "unit"),
        "baseline": _text(Outcome, "baseline"),
        "evidence": _choice(Outcome, "evidence", "strength of evidence"),
    },
)

BARRIER = Record(
    name="barrier",
    keys={
        "slug": Slug(description="Unique among the barriers and workarounds of its case study."),
        "title": _text(Page, "title"),
        "category": TaxonomyRef(model=BarrierCategory, required=True),
        "status": _choice(BarrierPage, "status", "status"),
        "description": _text(BarrierPage, "description", description="Markdown."),
    },
)

WORKAROUND = Record(
    name="workaround",
    keys={
        "slug": Slug(description="Unique among the barriers and workarounds of its case study."),
        "title": _text(Page, "title"),
        "addresses": ListOf(
            item=Slug(),
            item_label="barrier",
            min_items=1,
            required=True,
            description="Slugs of the barriers of the same case study that it addresses.",
        ),
        "requires": _choice(WorkaroundPage, "requires", "requirement"),
        "requirement_detail": _text(WorkaroundPage, "requirement_detail"),
        "effectiveness": _choice(WorkaroundPage, "effectiveness", "effectiveness"),
        "description": _text(WorkaroundPage, "description", description="Markdown."),
    },
)

CASE_STUDY = Record(
    name="case study",
    keys={
        "slug": Slug(description="Unique among the case studies of its pioneer."),
        "pioneer": Slug(description="The slug of a pioneer in this file or on the site."),
        "title": _text(Page, "title"),
        "summary": _text(CaseStudyPage, "summary"),
        "narrative": _text(CaseStudyPage, "narrative", description="Markdown."),
        "themes": _taxonomy_list(Theme, "theme"),
        "care_groups": _taxonomy_list(CareGroup, "care group"),
        "stage": TaxonomyRef(model=Stage, nullable=True),
        "start_date": Date(nullable=True, description="When the work started; not after `published`."),
        "published": Date(required=True, description="When this write-up was published."),
        "tags": ListOf(item=ListItemText(max_length=TAG_NAME_LENGTH), item_label="tag", order="sorted"),
        "contact": CONTACT,
        "outcomes": ListOf(item=OUTCOME, item_label="outcome"),
        "barriers": ListOf(item=BARRIER, item_label="barrier"),
        "workarounds": ListOf(item=WORKAROUND, item_label="workaround"),
    },
)

# Record keys that are pages of their own, not fields of the case study page.
CASE_STUDY_CHILDREN = ("barriers", "workarounds")

TOP_LEVEL_KEYS = ("format", "pioneers", "case_studies")


def json_schema() -> dict[str, Any]:
    """The JSON Schema of the format, generated from the keys above (docs/import-format.schema.json)."""
    definitions = {
        "pioneer": PIONEER.value_schema(),
        "case_study": CASE_STUDY.value_schema(),
    }
    properties = definitions["case_study"]["properties"]
    for name, record in (("contact", CONTACT), ("outcome", OUTCOME), ("barrier", BARRIER), ("workaround", WORKAROUND)):
        definitions[name] = record.value_schema()
    properties["contact"] = {"$ref": "#/$defs/contact"}
    for key, name in (("outcomes", "outcome"), ("barriers", "barrier"), ("workarounds", "workaround")):
        properties[key] = {"type": "array", "items": {"$ref": f"#/$defs/{name}"}}
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": f"Pioneer Exchange content, format {FORMAT}",
        "description": (
            "Generated from the models by `python manage.py export_content --schema`; do not edit by hand. "
            "Rules a schema cannot state (slugs unique per parent, taxonomy slugs that exist on the site, "
            "`addresses` naming barriers of the same case study, start_date not after published) "
            "are described in docs/import-format.md."
        ),
        "type": "object",
        "additionalProperties": False,
        "required": ["format"],
        "properties": {
            "format": {"const": FORMAT},
            "pioneers": {"type": "array", "items": {"$ref": "#/$defs/pioneer"}},
            "case_studies": {"type": "array", "items": {"$ref": "#/$defs/case_study"}},
        },
        "$defs": definitions,
    }
