"""An admin's input to the service catalog and the provider register, checked: a new
service, a dated rule row, a provider and its business ID (Y-tunnus). Pure functions: each
returns the values as stored or raises `ValidationError` with every field's problem."""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date

from stdnum import exceptions as stdnum_errors
from stdnum.fi import ytunnus

from store.clients.validation import FieldError, ValidationError, check_text
from store.core.dates import DateError, parse_date
from store.core.service_catalog import CATEGORIES, RULE_KINDS
from store.core.text import TextRefused, check_label
from store.paths.models import SECTORS, Service

# The form fields (and the keys of the values mappings) of each kind of input.
SERVICE_FIELDS = ("service_code", "name_fi", "name_sv", "name_en", "category")
RULE_FIELDS = ("service", "rule_kind", "rule_value", "effective_from", "rule_source")
PROVIDER_FIELDS = (
    "provider_name",
    "business_id",
    "sector",
    "provider_municipality",
    "active_from",
    "active_to",
    "services",
)
SERVICE_CODE = re.compile(r"[a-z][a-z_]{0,39}")
SOURCE_MAX_LENGTH = 500
# What a rule row of each kind may hold, besides a plain number.
_PERCENTAGES = re.compile(r"[0-9]{1,3}(,[0-9]{1,3})*")
_NUMBER = re.compile(r"[0-9]+(\.[0-9]+)?")
_SERVICE_SEPARATORS = re.compile(r"[\s,;]+")


class _Errors:
    def __init__(self) -> None:
        self.errors: list[FieldError] = []

    def add(self, field: str, key: str, **params: object) -> None:
        self.errors.append(FieldError(field, key, params))

    def raise_any(self) -> None:
        if self.errors:
            raise ValidationError(self.errors)


def _text(raw: Mapping[str, str], field: str) -> str:
    return raw.get(field, "").strip()


def _label(raw: Mapping[str, str], field: str, errors: _Errors, *, required: bool) -> str:
    """A name as `check_label` takes it; "" when empty or refused (the error is noted)."""
    try:
        text = check_label(_text(raw, field), field, f"field.{field}")
    except TextRefused as refused:
        errors.add(field, refused.key, **refused.params)
        return ""
    if required and not text:
        errors.add(field, "error.required")
    return text


def _choice(
    raw: Mapping[str, str],
    field: str,
    choices: tuple[str, ...],
    errors: _Errors,
    default: str | None = None,
) -> str:
    text = _text(raw, field).lower() or (default or "")
    if text not in choices:
        errors.add(
            field,
            "error.required" if not text else "catalog.error.choice",
            choices=", ".join(choices),
        )
        return ""
    return text


def _date(
    raw: Mapping[str, str], field: str, errors: _Errors, default: date | None = None
) -> date | None:
    text = _text(raw, field)
    if not text:
        if default is None:
            return None
        return default
    try:
        return parse_date(text)
    except DateError as exc:
        errors.add(field, "error.date.impossible" if exc.impossible else "error.date.format")
        return None


def clean_business_id(value: str, field: str = "business_id") -> str:
    """A business ID (Y-tunnus) as stored, `1234567-8`: spaces and a missing dash are
    forgiven, a wrong shape or check digit is refused (python-stdnum)."""
    text = value.strip()
    if not text:
        raise ValidationError([FieldError(field, "error.required")])
    try:
        return ytunnus.format(ytunnus.validate(text))
    except stdnum_errors.InvalidChecksum:
        raise ValidationError([FieldError(field, "catalog.error.business_id_checksum")]) from None
    except stdnum_errors.ValidationError:
        raise ValidationError([FieldError(field, "catalog.error.business_id_format")]) from None


def clean_service(raw: Mapping[str, str]) -> dict[str, str]:
    """A new service's code, names in fi, sv and en, and category."""
    errors = _Errors()
    code = _text(raw, "service_code").lower()
    if not code:
        errors.add("service_code", "error.required")
    elif not SERVICE_CODE.fullmatch(code):
        errors.add("service_code", "catalog.error.code_format")
    names = {
        lang: _label(raw, f"name_{lang}", errors, required=True) for lang in ("fi", "sv", "en")
    }
    category = _choice(raw, "category", CATEGORIES, errors)
    errors.raise_any()
    return {
        "code": code,
        "category": category,
        "name_fi": names["fi"],
        "name_sv": names["sv"],
        "name_en": names["en"],
    }


def clean_rule_value(kind: str, value: str) -> str:
    """A rule row's value as stored, for its kind; raises `ValidationError` at rule_value."""
    text = value.strip().replace(" ", "")
    if not text:
        raise ValidationError([FieldError("rule_value", "error.required")])
    if kind == "full_time":
        if text != "1":
            raise ValidationError([FieldError("rule_value", "catalog.error.value_full_time")])
        return text
    if kind == "subsidy_percentages":
        text = text.replace("%", "").replace(";", ",")
        parts = text.split(",")
        if not _PERCENTAGES.fullmatch(text) or not all(1 <= int(p) <= 100 for p in parts):
            raise ValidationError([FieldError("rule_value", "catalog.error.value_percentages")])
        return ",".join(str(number) for number in sorted({int(p) for p in parts}))
    text = text.replace(",", ".")
    if not _NUMBER.fullmatch(text):
        raise ValidationError([FieldError("rule_value", "catalog.error.value_number")])
    number = float(text)
    return str(int(number)) if number.is_integer() else str(number)


def clean_rule(raw: Mapping[str, str], services: Mapping[str, Service]) -> dict[str, object]:
    """A new rule row: its service (by code), kind, value, effective date and source."""
    errors = _Errors()
    code = _text(raw, "service").lower()
    service = services.get(code)
    if not code:
        errors.add("service", "error.required")
    elif service is None:
        errors.add("service", "error.service.unknown", code=code)
    kind = _choice(raw, "rule_kind", RULE_KINDS, errors)
    value = ""
    if kind:
        try:
            value = clean_rule_value(kind, raw.get("rule_value", ""))
        except ValidationError as exc:
            errors.errors += exc.errors
    effective_from = _date(raw, "effective_from", errors)
    if effective_from is None and not _text(raw, "effective_from"):
        errors.add("effective_from", "error.required")
    source = _text(raw, "rule_source")
    try:
        check_text(source, "rule_source", SOURCE_MAX_LENGTH)
    except ValidationError as exc:
        errors.errors += exc.errors
    if not source:
        errors.add("rule_source", "error.required")
    errors.raise_any()
    assert service is not None and effective_from is not None
    return {
        "service_id": service.id,
        "kind": kind,
        "value": value,
        "effective_from": effective_from.isoformat(),
        "source": source,
    }


def service_codes(text: str) -> list[str]:
    """The codes of a services field: separated by spaces, commas or semicolons."""
    return list(dict.fromkeys(code for code in _SERVICE_SEPARATORS.split(text.lower()) if code))


def clean_services(
    text: str, services: Mapping[str, Service], field: str = "services"
) -> list[str]:
    """The ids of the services named by code in `text`; each must be in the catalog and
    not retired."""
    ids: list[str] = []
    errors = _Errors()
    for code in service_codes(text):
        service = services.get(code)
        if service is None:
            errors.add(field, "error.service.unknown", code=code)
        elif not service.active:
            errors.add(field, "catalog.error.service_retired", code=code)
        else:
            ids.append(service.id)
    errors.raise_any()
    return ids


def clean_provider(
    raw: Mapping[str, str], services: Mapping[str, Service], today: date
) -> dict[str, object]:
    """A new provider: name, business ID, sector (default company), municipality, active
    from (default today) and to, and the ids of the services it offers."""
    errors = _Errors()
    name = _label(raw, "provider_name", errors, required=True)
    business_id = ""
    try:
        business_id = clean_business_id(raw.get("business_id", ""))
    except ValidationError as exc:
        errors.errors += exc.errors
    sector = _choice(raw, "sector", SECTORS, errors, default="company")
    municipality = _label(raw, "provider_municipality", errors, required=False)
    active_from = _date(raw, "active_from", errors, default=today)
    active_to = _date(raw, "active_to", errors)
    if active_from and active_to and active_to < active_from:
        errors.add("active_to", "error.date.end_before_start")
    service_ids: list[str] = []
    try:
        service_ids = clean_services(raw.get("services", ""), services)
    except ValidationError as exc:
        errors.errors += exc.errors
    errors.raise_any()
    assert active_from is not None
    return {
        "name": name,
        "business_id": business_id,
        "sector": sector,
        "municipality": municipality or None,
        "active_from": active_from.isoformat(),
        "active_to": active_to.isoformat() if active_to else None,
        "service_ids": service_ids,
    }


def clean_retire_date(text: str, active_from: date, today: date) -> date:
    """The last day of a provider's activity: `text` (default today), not before it began."""
    errors = _Errors()
    day = _date({"active_to": text}, "active_to", errors, default=today)
    errors.raise_any()
    assert day is not None
    if day < active_from:
        raise ValidationError([FieldError("active_to", "error.date.end_before_start")])
    return day
