"""Installation settings: the few named values an admin may change, each checked and logged.

A setting is a row in `setting` (key → text). Keys not listed in `SETTINGS` (such as the
export's pseudonym key) are internal: they are never listed, shown or set from here.
"""

# sqlite-utils 4.2.1 types Database.execute(parameters) as a bare Sequence (of Unknown).
# pyright: reportUnknownMemberType=false
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from store.core.audit import log_event
from store.core.auth import require
from store.core.clock import DEFAULT_ZONE, use_zone, zone_named
from store.core.context import Context
from store.core.db import write_transaction
from store.core.i18n import TranslatedError, tr
from store.core.models import Staff
from store.core.rows import upsert_row


class SettingError(TranslatedError):
    """A value or key that cannot be set; nothing was written."""


_YES = {"1", "on", "yes", "true", "kyllä", "kylla", "k", "ja", "j", "y"}
_NO = {"0", "off", "no", "false", "ei", "e", "nej", "n"}


def _yes_no(text: str) -> bool:
    word = text.strip().casefold()
    if word in _YES:
        return True
    if word in _NO:
        return False
    raise SettingError("setting.error.yes_no", text=text)


def _minutes(low: int, high: int) -> Callable[[str], int]:
    def parse(text: str) -> int:
        digits = text.strip()
        value = int(digits) if digits.isascii() and digits.isdigit() else low - 1
        if not low <= value <= high:
            raise SettingError("setting.error.minutes", low=low, high=high, text=text)
        return value

    return parse


def _zone_name(text: str) -> str:
    zone = zone_named(text)
    if zone is None:
        raise SettingError("setting.error.timezone", text=text.strip())
    return zone.key


Value = int | bool | str


@dataclass(frozen=True)
class Setting:
    key: str
    default: Value
    parse: Callable[[str], Value]

    def show(self, value: Value, lang: str) -> str:
        if isinstance(value, bool):
            return tr("setting.yes" if value else "setting.no", lang)
        return str(value)

    def stored(self, value: Value) -> str:
        """The text kept in `setting`, read back by `parse`: booleans as 1/0."""
        return value if isinstance(value, str) else str(int(value))

    def describe(self, lang: str) -> str:
        return tr(f"setting.{self.key}", lang)


WAIT_THRESHOLD = Setting("queue.wait_threshold_minutes", 20, _minutes(1, 240))
# Anonymous by default (domain §5). When on, the visitor is told before answering that
# the answer is kept with the visit, and the export fills feedback_score.
FEEDBACK_LINKED = Setting("feedback.link_to_visit", False, _yes_no)
# The installation's wall clock, whatever zone the machine is set to (`store.core.clock`).
TIMEZONE = Setting("timezone", DEFAULT_ZONE, _zone_name)
# Minutes without a key or the mouse before the app locks its screen; 0: never.
LOCK_MINUTES = Setting("security.lock_minutes", 5, _minutes(0, 60))
SETTINGS: dict[str, Setting] = {
    s.key: s for s in (WAIT_THRESHOLD, FEEDBACK_LINKED, TIMEZONE, LOCK_MINUTES)
}


class Settings:
    """Reached as `Store.settings`."""

    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx

    def get(self, setting: Setting) -> Value:
        row = self.ctx.db.execute(
            "SELECT value FROM setting WHERE key = ? AND deleted_at IS NULL", [setting.key]
        ).fetchone()
        if row is None:
            return setting.default
        try:
            return setting.parse(row[0])
        except SettingError:  # edited by hand outside Luotsi: the desk keeps working
            return setting.default

    def all(self) -> list[tuple[Setting, Value]]:
        return [(setting, self.get(setting)) for setting in SETTINGS.values()]

    def zone(self) -> ZoneInfo:
        """The installation's time zone."""
        return zone_named(str(self.get(TIMEZONE))) or ZoneInfo(DEFAULT_ZONE)

    def set(self, actor: Staff, key: str, text: str) -> Value:
        """Check `text` for the setting `key` and store it, logged; returns the value."""
        require(actor, "settings.edit")
        setting = SETTINGS.get(key.strip())
        if setting is None:
            raise SettingError("setting.error.unknown", name=key, known=", ".join(SETTINGS))
        value = setting.parse(text)
        stored = setting.stored(value)
        now = self.ctx.now_iso()
        with write_transaction(self.ctx.db):
            upsert_row(
                self.ctx, "setting", {"key": setting.key}, {"value": stored}, by=actor.id, at=now
            )
            log_event(
                self.ctx,
                staff_id=actor.id,
                action="update",
                entity="setting",
                entity_id=setting.key,
                purpose=stored,
                at=now,
            )
        if setting is TIMEZONE:
            use_zone(self.zone())
        return value
