"""What scheduling refuses, each a message in the user's language."""

from __future__ import annotations

from store.core.clock import to_local
from store.core.i18n import DEFAULT_LANGUAGE, TranslatedError, has_text, tr
from store.schedule.models import MAX_MINUTES, Clash

MIN_MINUTES = 5


def clash_what(clash: Clash, lang: str) -> str:
    """What holds the time, in `lang`: an appointment's kind or an absence's, else its
    own name (a group session's title)."""
    prefix = {"appointment": "schedule.kind", "absence": "schedule.absence"}
    key = f"{prefix.get(clash.entry_kind, '-')}.{clash.what}"
    return tr(key, lang) if has_text(key) else clash.what


class Clashes(TranslatedError):
    """The time is taken: `clashes` names every entry that holds it (the message the first)."""

    def __init__(self, clashes: list[Clash] | tuple[Clash, ...]) -> None:
        first = clashes[0]
        local = to_local(first.starts_at)
        super().__init__(
            f"schedule.error.clash.{first.rule}",
            what=first.what,
            who=first.who,
            day=f"{local.day}.{local.month}.{local.year}",
            start=local.strftime("%H:%M"),
            end=to_local(first.ends_at).strftime("%H:%M"),
            more=len(clashes) - 1,
        )
        self.clashes = tuple(clashes)

    def message(self, lang: str = DEFAULT_LANGUAGE) -> str:
        """The first clash in words, its appointment kind or absence named in `lang`."""
        first = self.clashes[0]
        what = clash_what(first, lang)
        # A group session has no client to name: say what it is instead.
        group = first.entry_kind in ("group_session", "group_seat")
        who = tr("schedule.appts.group_session", lang) if group else first.who
        return tr(self.key, lang, **{**self.params, "what": what, "who": who})


class InThePast(TranslatedError):
    def __init__(self) -> None:
        super().__init__("schedule.error.past")


class BadLength(TranslatedError):
    def __init__(self) -> None:
        super().__init__("schedule.error.length", low=MIN_MINUTES, high=MAX_MINUTES)


class NotYourCalendar(TranslatedError):
    """A coach books only for themselves and their team."""

    def __init__(self) -> None:
        super().__init__("schedule.error.not_your_calendar")


class AppointmentClosed(TranslatedError):
    """A done, no-show or cancelled appointment is not moved or changed again."""

    def __init__(self) -> None:
        super().__init__("schedule.error.closed")


class NotYetStarted(TranslatedError):
    """Done or a no-show before the appointment has even started."""

    def __init__(self) -> None:
        super().__init__("schedule.appts.error.not_started")


class NotToday(TranslatedError):
    """A client arrives on the appointment's own day; an arrived appointment stays on it."""

    def __init__(self) -> None:
        super().__init__("schedule.appts.error.not_today")


class AppointmentChanged(TranslatedError):
    """Someone else changed the appointment since it was read: nothing was written."""

    def __init__(self) -> None:
        super().__init__("schedule.error.changed")


class AppointmentNotFound(LookupError):
    pass


class SeriesClashes(TranslatedError):
    """Occurrences of a series whose time is taken: (index, clashes) for each; nothing saved."""

    def __init__(self, clashing: list[tuple[int, tuple[Clash, ...]]]) -> None:
        super().__init__("schedule.error.series_clash", count=len(clashing))
        self.clashing = clashing


class BadSeries(TranslatedError):
    def __init__(self, weeks: tuple[int, int], count: tuple[int, int]) -> None:
        super().__init__(
            "schedule.error.series", low=weeks[0], high=weeks[1], fewest=count[0], most=count[1]
        )
