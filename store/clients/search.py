"""Client search for as-you-type use: the shape of the input picks an indexed lookup."""

# sqlite-utils 4.2.1 types Database.execute(parameters) as a bare Sequence (of Unknown).
# pyright: reportUnknownMemberType=false
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any, Literal

from store.clients.models import ClientMatch
from store.clients.names import SURNAME_PARTICLES
from store.clients.validation import looks_like_hetu, parse_birth_date_query, phone_search_key
from store.core.dates import format_date

if TYPE_CHECKING:
    from sqlite_utils import Database

SEARCH_LIMIT = 50
QueryKind = Literal["empty", "hetu", "phone", "birth_date", "name"]

_MATCH_COLUMNS = "c.id, c.first_name, c.last_name, c.birth_date, c.hetu, c.phone"
_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class RoutedQuery:
    kind: QueryKind
    hetu: str | None = None
    phone_prefix: str | None = None
    birth_dates: tuple[date, ...] = ()
    name_terms: tuple[str, ...] = ()


def route_query(text: str, today: date) -> RoutedQuery:
    """Decide how to look up what was typed; pure, so the routing is easy to test."""
    text = text.strip()
    if not text:
        return RoutedQuery("empty")
    if looks_like_hetu(text):
        return RoutedQuery("hetu", hetu=text.upper())
    birth_dates = parse_birth_date_query(text, today)
    if birth_dates:
        return RoutedQuery("birth_date", birth_dates=tuple(birth_dates))
    phone = phone_search_key(text)
    if phone:
        return RoutedQuery("phone", phone_prefix=phone)
    terms = tuple(_WORD.findall(text))
    if not terms:
        return RoutedQuery("empty")
    return RoutedQuery("name", name_terms=terms)


def _fts_query(terms: tuple[str, ...]) -> str:
    # Each word becomes a quoted prefix term, so user input can never be FTS syntax.
    return " AND ".join('"' + term.replace('"', '""') + '"*' for term in terms)


def _to_match(row: tuple[Any, ...]) -> ClientMatch:
    client_id, first_name, last_name, birth_date, hetu, phone = row
    return ClientMatch(
        client_id, first_name, last_name, date.fromisoformat(birth_date), hetu, phone
    )


def search_clients(
    db: Database, text: str, today: date, limit: int = SEARCH_LIMIT
) -> list[ClientMatch]:
    """Living clients matching `text`, at most `limit`, sorted by name."""
    query = route_query(text, today)
    if query.kind == "empty":
        return []
    if query.kind == "hetu":
        sql = f"SELECT {_MATCH_COLUMNS} FROM client c WHERE c.hetu = ? AND c.deleted_at IS NULL"
        params: list[object] = [query.hetu]
    elif query.kind == "birth_date":
        marks = ", ".join("?" for _ in query.birth_dates)
        sql = (
            f"SELECT {_MATCH_COLUMNS} FROM client c"
            f" WHERE c.birth_date IN ({marks}) AND c.deleted_at IS NULL"
        )
        params = [d.isoformat() for d in query.birth_dates]
    elif query.kind == "phone":
        assert query.phone_prefix is not None
        # A range over the phone index is a prefix match that still uses the index.
        sql = (
            f"SELECT {_MATCH_COLUMNS} FROM client c"
            " WHERE c.phone >= ? AND c.phone < ? AND c.deleted_at IS NULL"
        )
        params = [query.phone_prefix, query.phone_prefix + "\uffff"]
    else:
        # No ORDER BY rank: ranking every prefix hit costs tens of milliseconds at scale.
        # Joining on rowid skips the UUID index; comparing client_id as well means a
        # renumbered rowid (after VACUUM) can only hide a row, never show a wrong one.
        sql = (
            f"SELECT {_MATCH_COLUMNS} FROM client_fts f"
            " JOIN client c ON c.rowid = f.rowid AND c.id = f.client_id"
            " WHERE client_fts MATCH ? AND c.deleted_at IS NULL"
        )
        params = [_fts_query(query.name_terms)]
    sql += " LIMIT ?"
    params.append(limit)
    matches = [_to_match(row) for row in db.execute(sql, params).fetchall()]
    matches.sort(key=lambda m: (m.last_name.casefold(), m.first_name.casefold(), m.birth_date))
    return matches


def prefill_from_search(text: str, today: date) -> dict[str, str]:
    """Turn what was typed into a search into new-client form values.

    A name is read the way the result list shows it, surname first: "Mäkinen Anna", with
    a surname's particles kept in it: "af Forselles Anna".
    """
    query = route_query(text, today)
    if query.kind == "hetu":
        return {"hetu": text.strip().upper()}
    if query.kind == "birth_date" and len(query.birth_dates) == 1:
        return {"birth_date": format_date(query.birth_dates[0])}
    if query.kind == "phone":
        return {"phone": text.strip()}
    if query.kind == "name":
        words = text.split()
        particles = 0
        while particles < len(words) - 1 and words[particles].casefold() in SURNAME_PARTICLES:
            particles += 1
        surname = particles + 1
        return {"last_name": " ".join(words[:surname]), "first_name": " ".join(words[surname:])}
    return {}
