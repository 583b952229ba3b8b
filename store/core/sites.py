"""Sites (toimipiste): the walk-in points of the installation, adding one, and finding one
by name."""

# sqlite-utils 4.2.1 types Database.execute(parameters) as a bare Sequence (of Unknown).
# pyright: reportUnknownMemberType=false
from __future__ import annotations

from collections.abc import Iterable, Sequence

from store.core.audit import log_event
from store.core.auth import require
from store.core.context import Context
from store.core.db import write_transaction
from store.core.i18n import TranslatedError
from store.core.models import Site, Staff
from store.core.rows import insert_row
from store.core.staff import as_stored
from store.core.text import check_label

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

    def create(
        self, name: str, municipality: str, employment_area: str, actor: Staff | None = None
    ) -> Site:
        """A new site, made by an admin (`actor`) and logged with them; with no actor only
        while the installation has no staff yet (its first site, as `luotsi init` makes it)."""
        values = {
            "name": name.strip(),
            "municipality": municipality.strip(),
            "employment_area": employment_area.strip(),
        }
        if not all(values.values()):
            raise TranslatedError("site.error.empty")
        # Each reaches the exports' `site` column, the desk's header and the board.
        for field, value in values.items():
            check_label(value, field, f"text.field.site.{field}")
        with write_transaction(self.ctx.db):
            if actor is None:
                if self.ctx.db.execute("SELECT count(*) FROM staff").fetchone()[0]:
                    raise TranslatedError("site.error.admin_required")
            else:
                require(as_stored(self.ctx, actor), "staff.manage")
            taken = [
                site for site in self.all() if site.name.casefold() == values["name"].casefold()
            ]
            if taken:
                raise TranslatedError("site.error.name_taken", site=taken[0].name)
            by = actor.id if actor else None
            site_id = insert_row(self.ctx, "site", values, by=by)
            log_event(self.ctx, staff_id=by, action="create", entity="site", entity_id=site_id)
        return Site(site_id, values["name"], values["municipality"], values["employment_area"])

    def get(self, site_id: str) -> Site | None:
        """A site by id, a deleted one too (old visits keep naming it)."""
        row = self.ctx.db.execute(f"{_SELECT} WHERE id = ?", [site_id]).fetchone()
        return Site(*row) if row else None

    def all(self) -> list[Site]:
        rows = self.ctx.db.execute(f"{_SELECT} WHERE deleted_at IS NULL ORDER BY name")
        return [Site(*row) for row in rows.fetchall()]
