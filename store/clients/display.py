"""How a client is named on screen: the name fitted to a width, the blanked label that
still tells people apart, and the name with the birth date that confirmations repeat.

Each shows the stored name through `store.core.text.visible`: a control character stored
before the checks, or written into the file by other means, is shown as a symbol and never
reaches the terminal."""

from __future__ import annotations

from datetime import date

from store.clients.validation import mask_hetu
from store.core.dates import format_date
from store.core.text import visible

ELLIPSIS = "…"


def fit_name(first_name: str, last_name: str, width: int) -> str:
    """ "Last First" in at most `width` characters.

    What does not fit is taken from the surname, so the first name, which is what tells
    relatives apart, stays whole: a double surname's later parts become initials
    ("Söderholm-M. Anna-Leena"), any other is cut at its end; only when even the first name does not fit
    beside a surname initial is the first name cut too.
    """
    first_name, last_name = visible(first_name), visible(last_name)
    full = f"{last_name} {first_name}".strip()
    if len(full) <= width:
        return full
    if not first_name:
        return last_name[: max(width - 1, 0)] + ELLIPSIS
    room_for_surname = width - len(first_name) - 1  # the space before the first name
    for short in _shortened(last_name):
        if len(short) <= room_for_surname:
            return f"{short} {first_name}"
    if room_for_surname >= 2:  # at least one letter and the ellipsis
        return f"{last_name[: room_for_surname - 1]}{ELLIPSIS} {first_name}"
    head = f"{last_name[:1]}{ELLIPSIS} "
    return head + first_name[: max(width - len(head) - 1, 0)] + ELLIPSIS


def _shortened(last_name: str) -> list[str]:
    """A double surname with its later parts as initials, longest first:
    "Söderholm-Mäkelä" → ["Söderholm-M."], so a cut name still shows it is a double one."""
    pieces = last_name.split("-")
    return [
        "-".join(pieces[:keep] + [f"{piece[:1]}." for piece in pieces[keep:] if piece])
        for keep in range(len(pieces) - 1, 0, -1)
    ]


def name_initials(first_name: str, last_name: str) -> str:
    """Initials of every part of a name, surname first: "S-M. A-L." for
    Söderholm-Mäkelä Anna-Liisa, so that double names stay apart from single ones."""
    first_name, last_name = visible(first_name), visible(last_name)
    parts = (
        "-".join(piece[:1].upper() for piece in word.split("-") if piece) + "."
        for name in (last_name, first_name)
        for word in name.split()
    )
    return " ".join(parts)


def hetu_tail(hetu: str | None) -> str:
    """The masked identity code's last character ("…A"), or "" for a client without one."""
    return ELLIPSIS + mask_hetu(hetu)[-1] if hetu else ""


def blanked_label(first_name: str, last_name: str, birth_date: date, hetu: str | None) -> str:
    """What a blanked list shows of a client: initials, birth year, the code's last
    character. Enough to tell apart the people a receptionist is choosing between, not
    enough for an onlooker to recognise anyone."""
    parts = [name_initials(first_name, last_name), str(birth_date.year), hetu_tail(hetu)]
    return "  ".join(part for part in parts if part)


def person_label(first_name: str, last_name: str, birth_date: date | None, *, blanked: bool) -> str:
    """Who a confirmation is about: "Östman Åsa (3.4.1961)"; blanked "Ö. Å. (1961)"."""
    name = name_initials(first_name, last_name) if blanked else full_name(first_name, last_name)
    if birth_date is None:
        return name
    born = str(birth_date.year) if blanked else format_date(birth_date)
    return f"{name} ({born})"


def full_name(first_name: str, last_name: str) -> str:
    """ "Last First", as every list and title shows a client."""
    return f"{visible(last_name)} {visible(first_name)}"
