"""The screens' string catalogs, one per area, registered explicitly when an app starts.

They hold the store's messages too: the store raises errors that carry a key and its
parameters, and the screen (or the CLI) that shows one translates it."""

from __future__ import annotations

from store.core.i18n import register

from .admin.catalog_strings import STRINGS as CATALOG_STRINGS
from .admin.strings import STRINGS as ADMIN_STRINGS
from .board.strings import STRINGS as BOARD_STRINGS
from .clients.strings import STRINGS as CLIENT_STRINGS
from .clients.validation_strings import STRINGS as FIELD_STRINGS
from .desk.checkin_strings import STRINGS as CHECKIN_STRINGS
from .desk.strings import STRINGS as DESK_STRINGS
from .kompassi.client_mode_strings import STRINGS as KOMPASSI_CLIENT_MODE_STRINGS
from .kompassi.picture_strings import STRINGS as KOMPASSI_PICTURE_STRINGS
from .kompassi.strings import STRINGS as KOMPASSI_STRINGS
from .kompassi.suggestion_strings import STRINGS as KOMPASSI_SUGGESTION_STRINGS
from .kompassi.validation_strings import STRINGS as KOMPASSI_FIELD_STRINGS
from .paths.plan_strings import STRINGS as PLAN_STRINGS
from .paths.rule_strings import STRINGS as PATH_RULE_STRINGS
from .paths.strings import STRINGS as PATH_SCREEN_STRINGS
from .paths.validation_strings import STRINGS as PATH_FIELD_STRINGS
from .reports.kompassi_report_strings import STRINGS as KOMPASSI_REPORT_STRINGS
from .reports.strings import STRINGS as REPORT_STRINGS
from .schedule.appts_strings import STRINGS as APPTS_STRINGS
from .schedule.booking_strings import STRINGS as BOOKING_STRINGS
from .schedule.calendar_strings import STRINGS as CALENDAR_STRINGS
from .schedule.export_strings import STRINGS as CALENDAR_EXPORT_STRINGS
from .schedule.groups_strings import STRINGS as GROUPS_STRINGS
from .schedule.reviews_strings import STRINGS as REVIEWS_STRINGS
from .schedule.validation_strings import STRINGS as SCHEDULE_FIELD_STRINGS
from .security.key_strings import STRINGS as KEY_STRINGS
from .security.lock_strings import STRINGS as LOCK_STRINGS
from .security.slot_strings import STRINGS as SLOT_STRINGS
from .shell.day_sheet_strings import STRINGS as DAY_SHEET_STRINGS
from .shell.strings import STRINGS as SHELL_STRINGS
from .sync.error_strings import STRINGS as SYNC_ERROR_STRINGS
from .sync.inbox_error_strings import STRINGS as SYNC_INBOX_ERROR_STRINGS
from .sync.inbox_strings import STRINGS as SYNC_INBOX_STRINGS
from .sync.strings import STRINGS as SYNC_STRINGS

CATALOGS = (
    SHELL_STRINGS,
    KEY_STRINGS,
    CLIENT_STRINGS,
    FIELD_STRINGS,
    DESK_STRINGS,
    REPORT_STRINGS,
    BOARD_STRINGS,
    ADMIN_STRINGS,
    PATH_FIELD_STRINGS,
    PLAN_STRINGS,
    PATH_RULE_STRINGS,
    CATALOG_STRINGS,
    PATH_SCREEN_STRINGS,
    KOMPASSI_FIELD_STRINGS,
    KOMPASSI_PICTURE_STRINGS,
    KOMPASSI_CLIENT_MODE_STRINGS,
    KOMPASSI_SUGGESTION_STRINGS,
    KOMPASSI_REPORT_STRINGS,
    KOMPASSI_STRINGS,
    SCHEDULE_FIELD_STRINGS,
    CALENDAR_EXPORT_STRINGS,
    GROUPS_STRINGS,
    REVIEWS_STRINGS,
    DAY_SHEET_STRINGS,
    BOOKING_STRINGS,
    CHECKIN_STRINGS,
    APPTS_STRINGS,
    CALENDAR_STRINGS,
    LOCK_STRINGS,
    SLOT_STRINGS,
    SYNC_ERROR_STRINGS,
    SYNC_INBOX_STRINGS,
    SYNC_INBOX_ERROR_STRINGS,
    SYNC_STRINGS,
)


def load_screen_strings() -> None:
    """Give the translation function every screen's texts; calling it again changes nothing."""
    for catalog in CATALOGS:
        register(catalog)
