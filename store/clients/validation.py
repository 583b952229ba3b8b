"""Cleaning and validation of form input: HETU, names, phones, e-mail, dates and whole clients."""

from __future__ import annotations

import dataclasses
import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from types import MappingProxyType
from typing import TypeVar

from store.clients import rules
from store.clients.models import SERVICE_LANGUAGES
from store.clients.names import usual_capitalisation
from store.core.dates import DateError, date_parts, format_date
from store.core.dates import parse_date as parse_day
from store.core.i18n import tr
from store.core.text import JOINERS, code_point, unsafe_character


@dataclass(frozen=True)
class FieldError:
    """What is wrong with one form field, as an i18n key and its parameters."""

    field: str
    key: str
    # Qualified: inside this class body the name `field` is the attribute above.
    params: Mapping[str, object] = dataclasses.field(default_factory=dict[str, object], hash=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "params", MappingProxyType(dict(self.params)))

    def message(self, lang: str = "fi") -> str:
        return f"{tr('field.' + self.field, lang)}: {tr(self.key, lang, **self.params)}"


class ValidationError(Exception):
    """One or more field errors, all reported at once."""

    def __init__(self, errors: Iterable[FieldError]) -> None:
        self.errors: tuple[FieldError, ...] = tuple(errors)
        super().__init__("; ".join(f"{e.field}: {e.key}" for e in self.errors))


def _fail(field_name: str, key: str, **params: object) -> ValidationError:
    return ValidationError([FieldError(field_name, key, params)])


# --- HETU -------------------------------------------------------------------------------

_CENTURIES = {"+": 1800} | dict.fromkeys("-YXWVU", 1900) | dict.fromkeys("ABCDEF", 2000)
_CHECK_CHARS = "0123456789ABCDEFHJKLMNPRSTUVWXY"
_HETU_SHAPE = re.compile(r"[0-9]{6}.[0-9]{3}.")
# Any letter as the sign: a mistyped sign is still a HETU, and gets the sign's message.
_HETU_LOOSE = re.compile(r"[0-9]{6}[-+A-Z][0-9]{3}[0-9A-Z]", re.IGNORECASE)


def hetu_check_char(digits9: str) -> str:
    """The check character of a HETU whose birth date and individual number are the nine
    digits `digits9` (DDMMYYZZZ): that number modulo 31, as a character."""
    return _CHECK_CHARS[int(digits9) % 31]


def clean_hetu(value: str) -> str:
    """Return the code stripped and upper-cased, century sign kept as written."""
    code = value.strip().upper()
    if not _HETU_SHAPE.fullmatch(code):
        raise _fail("hetu", "error.hetu.format")
    if code[6] not in _CENTURIES:
        raise _fail("hetu", "error.hetu.century")
    try:
        hetu_birth_date(code)
    except ValueError:
        raise _fail("hetu", "error.hetu.date") from None
    if int(code[7:10]) < 2:
        raise _fail("hetu", "error.hetu.individual")
    if code[10] != hetu_check_char(code[:6] + code[7:10]):
        raise _fail("hetu", "error.hetu.checksum")
    return code


def hetu_birth_date(code: str) -> date:
    return date(_CENTURIES[code[6]] + int(code[4:6]), int(code[2:4]), int(code[:2]))


def is_temporary_hetu(code: str) -> bool:
    return int(code[7:10]) >= 900


def mask_hetu(code: str) -> str:
    return code[:7] + "***" + code[10:]


def looks_like_hetu(text: str) -> bool:
    """The shape of a HETU, right or wrong: six digits, a sign, three digits, a check."""
    return _HETU_LOOSE.fullmatch(text.strip()) is not None


def birth_date_of_mistyped_hetu(text: str) -> date | None:
    """The birth date of a HETU whose only fault is its check character, else None."""
    try:
        clean_hetu(text)
    except ValidationError as exc:
        if [error.key for error in exc.errors] == ["error.hetu.checksum"]:
            return hetu_birth_date(text.strip().upper())
    return None


# --- any text ----------------------------------------------------------------------------


def check_text(value: str, field: str, max_length: int) -> str:
    """`value` as it is, if it holds no control or invisible format character (see
    `store.core.text.unsafe_character`) and at most `max_length` characters."""
    char = unsafe_character(value)
    if char is not None:
        raise _fail(field, "error.text.control", char=code_point(char))
    if len(value) > max_length:
        raise _fail(field, "error.text.too_long", max=max_length)
    return value


# --- names ------------------------------------------------------------------------------

NAME_MAX_LENGTH = 100
_NAME_PUNCTUATION = frozenset(" -'’.")
# An apostrophe may start a name ('t Hooft); a hyphen or a full stop may not, and a name
# starting with "-" would be a formula in a spreadsheet.
_NAME_FIRST_PUNCTUATION = frozenset("'’")


def clean_name(value: str, field: str) -> str:
    """Collapse whitespace; allow letters (any script), spaces, hyphens, apostrophes, dots;
    a name typed all in lower case gets the usual capitals."""
    name = " ".join(value.split())
    if not name:
        raise _fail(field, "error.required")
    if len(name) > NAME_MAX_LENGTH:
        raise _fail(field, "error.text.too_long", max=NAME_MAX_LENGTH)
    for char in name:
        if char in JOINERS:
            continue  # where one may stand is `check_text`'s to say
        # Category M covers combining accents of decomposed input ("a" + U+0308 = "ä").
        if char not in _NAME_PUNCTUATION and unicodedata.category(char)[0] not in "LM":
            if not char.isprintable():
                raise _fail(field, "error.text.control", char=code_point(char))
            raise _fail(field, "error.name.characters", char=char)
    check_text(name, field, NAME_MAX_LENGTH)
    if not any(char.isalpha() for char in name):
        raise _fail(field, "error.name.no_letter")
    if not (name[0].isalpha() or name[0] in _NAME_FIRST_PUNCTUATION):
        raise _fail(field, "error.name.start", char=name[0])
    return usual_capitalisation(name, surname=field == "last_name")


# --- phone and e-mail -------------------------------------------------------------------

_PHONE_SEPARATORS = re.compile(r"[\s\-().]")


def _international(digits: str, plus: bool) -> str:
    """E.164 from digits typed after "+", or starting with "00" or a Finnish trunk "0"."""
    if plus:
        number = "+" + digits
    elif digits.startswith("00"):
        number = "+" + digits[2:]
    else:
        number = "+358" + digits[1:]
    # "+358 (0)40 …" and "+358 040 …": the Finnish trunk zero goes after the country code.
    if number.startswith("+3580"):
        number = "+358" + number[5:]
    return number


def clean_phone(value: str) -> str:
    """Normalise to E.164; a number starting with a single 0 is Finnish (+358)."""
    text = _PHONE_SEPARATORS.sub("", value)
    if not text:
        raise _fail("phone", "error.required")
    plus = text.startswith("+")
    digits = text[1:] if plus else text
    if not digits.isascii() or not digits.isdigit():
        raise _fail("phone", "error.phone.characters")
    if not (plus or digits.startswith("0")):
        raise _fail("phone", "error.phone.format")
    number = _international(digits, plus)
    if number.startswith("+0"):
        raise _fail("phone", "error.phone.format")
    if not 7 <= len(number) - 1 <= 15:
        raise _fail("phone", "error.phone.length")
    return number


_PHONE_QUERY = re.compile(r"[+0][0-9 \-]*")


def phone_search_key(text: str) -> str | None:
    """E.164 prefix of a possibly partial phone number typed into search, or None."""
    text = text.strip()
    if not _PHONE_QUERY.fullmatch(text):
        return None
    digits = re.sub(r"[ \-]", "", text).removeprefix("+")
    if len(digits) < 3:
        return None
    return _international(digits, text.startswith("+"))


EMAIL_MAX_LENGTH = 254  # the longest address SMTP carries (RFC 5321)


def clean_email(value: str) -> str:
    """Strip; one @, a non-empty local part and a dotted domain, which is lower-cased."""
    email = check_text(value.strip(), "email", EMAIL_MAX_LENGTH)
    local, at, domain = email.partition("@")
    labels = domain.split(".")
    if (
        not at
        or not local
        or "@" in domain
        or len(labels) < 2
        or not all(labels)
        or any(char.isspace() for char in email)
    ):
        raise _fail("email", "error.email.format")
    return f"{local}@{domain.lower()}"


# --- dates ------------------------------------------------------------------------------

_DDMMYY = re.compile(r"([0-9]{2})([0-9]{2})([0-9]{2})")


def parse_date(value: str, field: str) -> date:
    """A form's day (see `store.core.dates.parse_date`), its error tied to `field`."""
    try:
        return parse_day(value)
    except DateError as exc:
        if exc.impossible:
            raise _fail(field, "error.date.impossible", value=value.strip()) from None
        raise _fail(field, "error.date.format") from None


def parse_birth_date_query(text: str, today: date) -> list[date]:
    """Birth dates a search text may mean: a full date, or ddmmyy in the 1900s or 2000s."""
    text = text.strip()
    if parts := date_parts(text):
        candidates = [parts]
    elif match := _DDMMYY.fullmatch(text):
        day, month, year = (int(group) for group in match.groups())
        candidates = [(century + year, month, day) for century in (1900, 2000)]
    else:
        return []
    dates: list[date] = []
    for year, month, day in candidates:
        try:
            candidate = date(year, month, day)
        except ValueError:
            continue
        if candidate <= today:
            dates.append(candidate)
    return dates


# --- whole client -----------------------------------------------------------------------


def move_misplaced_values(raw: Mapping[str, str]) -> dict[str, str]:
    """A form's values with what was typed into the wrong field moved to its own: a date
    in the HETU field to the (empty or equal) birth date, a HETU as the surname to the
    (empty) HETU field."""
    values = dict(raw)
    typed_date = date_parts(values.get("hetu", "").strip())
    birth_date = values.get("birth_date", "").strip()
    if typed_date is not None and (not birth_date or date_parts(birth_date) == typed_date):
        values["birth_date"] = birth_date or values["hetu"].strip()
        values["hetu"] = ""
    surname = values.get("last_name", "")
    if looks_like_hetu(surname) and not values.get("hetu", "").strip():
        values["hetu"] = surname.strip().upper()
        values["last_name"] = ""
    return values


# In the order the client card shows them: surname first, as Finnish registers do.
CLIENT_FIELDS = (
    "hetu",
    "last_name",
    "first_name",
    "birth_date",
    "phone",
    "email",
    "service_language",
    "mother_tongue",
    "municipality",
    "coach_id",
    "jobseeker_since",
    "unemployed_since",
    "consent_notes",
)
CONSENT_NOTES_MAX_LENGTH = 2000
# The longest text each free-text field holds; the others are checked by their cleaners.
TEXT_MAX_LENGTHS: Mapping[str, int] = MappingProxyType(
    {
        "hetu": 20,
        "birth_date": 20,
        "phone": 40,
        "service_language": 20,
        "mother_tongue": 50,
        "municipality": 100,
        "coach_id": 64,
        "jobseeker_since": 20,
        "unemployed_since": 20,
        "consent_notes": CONSENT_NOTES_MAX_LENGTH,
    }
)
# A birth date further back is a typing error (a wrong century sign, 1.1.1890).
MAX_AGE_YEARS = 110
# Whatever the clock says: no one in the register was born in the 1800s, and a date
# before 1900 falls before Excel's first day.
EARLIEST_BIRTH_DATE = date(1900, 1, 1)

_T = TypeVar("_T")


def clean_client(raw: Mapping[str, str], today: date) -> dict[str, object]:
    """Clean a client form; raise ValidationError listing every field error, in form order."""
    errors: list[FieldError] = []
    unsafe: set[str] = set()
    for name in CLIENT_FIELDS:
        max_length = TEXT_MAX_LENGTHS.get(name)
        if max_length is None:
            continue  # names and e-mail: their cleaners check the text, with their own limits
        try:
            check_text(raw.get(name, "").strip(), name, max_length)
        except ValidationError as exc:
            errors.extend(exc.errors)
            unsafe.add(name)

    def text(name: str) -> str | None:
        if name in unsafe:
            return None
        return raw.get(name, "").strip() or None

    def attempt(cleaner: Callable[[str], _T], value: str) -> _T | None:
        try:
            return cleaner(value)
        except ValidationError as exc:
            errors.extend(exc.errors)
            return None

    def optional(name: str, cleaner: Callable[[str], _T]) -> _T | None:
        value = text(name)
        return None if value is None else attempt(cleaner, value)

    def name_cleaner(name: str) -> Callable[[str], str]:
        return lambda value: clean_name(value, name)

    def date_cleaner(name: str) -> Callable[[str], date]:
        return lambda value: parse_date(value, name)

    hetu = optional("hetu", clean_hetu)
    birth_date = optional("birth_date", date_cleaner("birth_date"))
    earliest_birth = rules.years_before(today, MAX_AGE_YEARS)
    if hetu is not None:
        from_hetu = hetu_birth_date(hetu)
        if from_hetu < EARLIEST_BIRTH_DATE:
            errors.append(FieldError("hetu", "error.hetu.before_1900"))
        elif from_hetu > today:
            errors.append(FieldError("hetu", "error.hetu.future"))
        elif from_hetu < earliest_birth:
            errors.append(FieldError("hetu", "error.hetu.too_old", {"years": MAX_AGE_YEARS}))
        if birth_date is not None and birth_date != from_hetu:
            expected = format_date(from_hetu)
            errors.append(
                FieldError("birth_date", "error.birth_date.mismatch", {"expected": expected})
            )
        birth_date = from_hetu
    elif birth_date is not None and birth_date < EARLIEST_BIRTH_DATE:
        errors.append(FieldError("birth_date", "error.birth_date.before_1900"))
    elif birth_date is not None and birth_date > today:
        errors.append(FieldError("birth_date", "error.date.future"))
    elif birth_date is not None and birth_date < earliest_birth:
        limit = {"years": MAX_AGE_YEARS}
        errors.append(FieldError("birth_date", "error.birth_date.too_old", limit))
    elif not raw.get("hetu", "").strip() and not raw.get("birth_date", "").strip():
        errors.append(FieldError("birth_date", "error.birth_date.missing"))

    since: dict[str, date | None] = {}
    for name in ("jobseeker_since", "unemployed_since"):
        since[name] = day = optional(name, date_cleaner(name))
        if day is not None and day > today:
            errors.append(FieldError(name, "error.date.future"))
        elif day is not None and birth_date is not None and day < birth_date:
            errors.append(FieldError(name, "error.date.before_birth"))

    service_language = text("service_language") or "fi"
    if service_language not in SERVICE_LANGUAGES:
        errors.append(FieldError("service_language", "error.service_language.choice"))

    consent_notes = text("consent_notes")

    cleaned: dict[str, object] = {
        "hetu": hetu,
        "first_name": attempt(name_cleaner("first_name"), raw.get("first_name", "")),
        "last_name": attempt(name_cleaner("last_name"), raw.get("last_name", "")),
        "birth_date": birth_date,
        "phone": optional("phone", clean_phone),
        "email": optional("email", clean_email),
        "service_language": service_language,
        "mother_tongue": text("mother_tongue"),
        "municipality": text("municipality"),
        "coach_id": text("coach_id"),
        "jobseeker_since": since["jobseeker_since"],
        "unemployed_since": since["unemployed_since"],
        "consent_notes": consent_notes,
    }
    if errors:
        raise ValidationError(sorted(errors, key=lambda error: CLIENT_FIELDS.index(error.field)))
    return cleaned
