"""Sites (toimipiste): the walk-in points of the installation, and finding one by name."""

# sqlite-utils 4.2.1 types Database.execute(parameters) as a bare Sequence (of Unknown).
# pyright: reportUnknownMemberType=false
from __future__ import annotations

from collections.abc import Iterable, Sequence

from store.core.context import Context
from store.core.db import write_transaction
from store.core.i18n import TranslatedError
from store.core.models import Site
from store.core.rows import insert_row

_SELECT = "SELECT id, name, municipality, employment_area FROM site"


def match_site(sites: Iterable[Site], text: str) -> Site | None:
    """A site by its id, its exact name (any case), or a part of its name that fits
    only one site; None when nothing or several fit."""
    sites = list(sites)
    wanted = text.strip().casefold()
    for site in sites:
        if site.id == text.strip() or site.name.casefold() == wanted:
            return site
    partial = [site for site in sites if wanted and wanted in site.name.casefold()]
    return partial[0] if len(partial) == 1 else None


class SiteNotChosen(TranslatedError):
    """No site fits what was asked (`asked`), or nothing was asked and the choice is not
    obvious (`asked` None); `sites` are the ones to choose from."""

    def __init__(self, asked: str | None, sites: Sequence[Site]) -> None:
        if asked is None:
            super().__init__("site.error.choose")
        else:
            super().__init__("site.error.unknown", site=asked)
        self.asked = asked
        self.sites = list(sites)


def choose_site(sites: Sequence[Site], asked: str | None, default: Site | None = None) -> Site:
    """The site `asked` for (see `match_site`); with nothing asked, `default` (say, the
    user's own site), else the only site there is. Raises `SiteNotChosen`."""
    if asked is None:
        if default is not None:
            return default
        if len(sites) == 1:
            return sites[0]
        raise SiteNotChosen(None, sites)
    site = match_site(sites, asked)
    if site is None:
        raise SiteNotChosen(asked, sites)
    return site


class SiteRepository:
    """Reached as `Store.sites`."""

    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx

    def create(self, name: str, municipality: str, employment_area: str) -> Site:
        with write_transaction(self.ctx.db):
            site_id = insert_row(
                self.ctx,
                "site",
                {"name": name, "municipality": municipality, "employment_area": employment_area},
                by=None,
            )
        return Site(site_id, name, municipality, employment_area)

    def get(self, site_id: str) -> Site | None:
        """A site by id, a deleted one too (old visits keep naming it)."""
        row = self.ctx.db.execute(f"{_SELECT} WHERE id = ?", [site_id]).fetchone()
        return Site(*row) if row else None

    def all(self) -> list[Site]:
        rows = self.ctx.db.execute(f"{_SELECT} WHERE deleted_at IS NULL ORDER BY name")
        return [Site(*row) for row in rows.fetchall()]
