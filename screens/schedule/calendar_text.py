"""How F5 writes its entries: state signs, fitted client names, clock times, and one
day-view item in full."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from rich.text import Text

from store.clients.display import fit_name, name_initials
from store.core.text import visible

from .calendar_data import Entry

# The state of an appointment as a sign, so that it never rests on colour alone.
STATE_SIGN = {"booked": "", "arrived": "▸", "done": "✓", "no_show": "✗", "cancelled": "⊘"}
ABSENCE_FILL = "░"
GROUP_SIGN = "◆"
OFF_FILL = "·"


def name_parts(client_name: str) -> tuple[str, str]:
    """(first, last) of an appointment's "Last First": the last word is taken as the
    first name, which is what `fit_name` keeps whole."""
    last, _, first = client_name.rpartition(" ")
    return (first, last) if last else ("", first)


def client_label(client_name: str, width: int, blanked: bool) -> str:
    """The client's name fitted to `width`; initials when the screen is blanked."""
    first, last = name_parts(client_name)
    if blanked:
        return name_initials(first, last)[:width]
    return fit_name(first, last, width)


def clock(moment_: datetime) -> str:
    return moment_.strftime("%H:%M")


def minute_label(minute: int) -> str:
    return f"{minute // 60:02d}:{minute % 60:02d}"


def agenda_lines(
    entry: Entry,
    chosen: bool,
    focused: bool,
    width: int,
    t: Callable[..., str],
    blanked: bool,
) -> list[Text]:
    """One item of the day view: its time and who or what, then its facts and the note
    (given only to coaches); `chosen` is under the cursor, `focused` when the grid has
    the focus."""
    mark = "▶" if chosen else " "
    span = f"{clock(entry.starts)}–{clock(entry.ends)}"
    if entry.starts.date() < entry.day or entry.ends.date() > entry.day:
        span = f"{entry.starts.day}.{entry.starts.month}. {clock(entry.starts)}–" + (
            f"{entry.ends.day}.{entry.ends.month}. {clock(entry.ends)}"
        )
    head_style = "reverse" if focused else ("bold" if chosen else "")
    if entry.kind == "free":
        return [Text(f"{mark}{span} {t('calendar.free')}", f"dim {head_style}".strip())]
    if entry.absence is not None:
        kind = t(f"schedule.absence.{entry.absence.kind}")
        note = f" · {visible(entry.absence.note)}" if entry.absence.note else ""
        return [Text(f"{mark}{span} {ABSENCE_FILL} {kind}{note}"[:width], head_style)]
    if entry.group is not None:
        group = entry.group
        seats = t("calendar.seats", booked=group.booked, capacity=group.capacity)
        room = f" · {visible(group.room_name)}" if group.room_name else ""
        head = f"{mark}{span} {GROUP_SIGN} {visible(group.title)}"
        return [Text(head[:width], head_style), Text(f"      {seats}{room}"[:width], "dim")]
    appointment = entry.appointment
    assert appointment is not None
    sign = STATE_SIGN[appointment.status]
    name = client_label(appointment.client_name, width - len(span) - 4, blanked)
    head = Text(f"{mark}{span} {sign or ' '}{name}", head_style)
    if appointment.status == "cancelled":
        head.stylize("strike", len(mark) + len(span) + 1)
    facts = [
        t(f"schedule.kind.{appointment.kind}"),
        t(f"schedule.channel.{appointment.channel}"),
        *([visible(appointment.room_name)] if appointment.room_name else []),
        t(f"schedule.status.{appointment.status}"),
    ]
    if appointment.cancel_reason:
        facts.append(t(f"schedule.cancel.{appointment.cancel_reason}"))
    lines = [head, Text(("      " + " · ".join(facts))[:width], "dim")]
    if appointment.note and not blanked:
        lines.append(Text(f"      » {visible(appointment.note)}"[:width], "italic"))
    return lines
