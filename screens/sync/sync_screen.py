"""The laptops screen (F7). At the office, for an admin: the laptops checked out, and keys to
check one out, check a bundle in and revoke a lost one. On a laptop, for its coach: the
check-out it holds, what is not packed yet, and the key that packs it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Static

from store.core.auth import allowed
from store.core.dates import format_date, format_stored_day
from store.core.text import visible
from store.sync.models import CheckoutResult, Device, PackResult
from store.sync.scope import Window

from ..shell.background import describe_error, read_in_background
from ..shell.context import ScreenContextMixin
from ..shell.formatting import format_stored_moment
from ..shell.header import LuotsiHeader
from . import sync_jobs
from .checkin_dialog import CheckinDialog
from .laptop_mode import LaptopMode
from .sync_dialogs import CheckoutDialog, PackDialog, RevokeDialog

if TYPE_CHECKING:
    from store.sync.devices import RevokeReport

COLUMNS = ("label", "coach", "checked_out", "last_checkin", "conflicts", "state")
_OFFICE_KEYS = ("checkout", "checkin", "revoke")


class SyncScreen(ScreenContextMixin, Screen[None]):
    CSS_PATH = "sync.tcss"
    BINDINGS = [
        Binding("c", "checkout", "Check out", id="sync.checkout"),
        Binding("i", "checkin", "Check in", id="sync.checkin"),
        Binding("x", "revoke", "Revoke", id="sync.revoke"),
        Binding("k", "pack", "Pack", id="sync.pack"),
        Binding("escape", "back", "Back", id="sync.back"),
    ]

    def __init__(self, pack_now: bool = False) -> None:
        super().__init__()
        self.pack_now = pack_now  # opened from the palette's "pack the changes"
        self.devices: list[Device] = []

    @property
    def laptop(self) -> LaptopMode | None:
        return self.ctx.laptop

    @property
    def admin(self) -> bool:
        return self.laptop is None and allowed(self.session.staff, "sync.devices")

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # The office's keys at the office for an admin, the pack key on a laptop.
        if action in _OFFICE_KEYS:
            return self.admin
        if action == "pack":
            return self.laptop is not None
        return True

    def compose(self) -> ComposeResult:
        yield LuotsiHeader(id="header")
        title = "laptop.title" if self.laptop is not None else "laptops.title"
        yield Static(self.t(title), classes="screen-title")
        if self.admin:
            yield DataTable(id="sync-devices", cursor_type="row", zebra_stripes=True)
        else:
            yield Static("", id="sync-laptop", markup=False)
        with VerticalScroll(id="sync-result-box"):
            yield Static("", id="sync-result")
        hint = "laptops.hint" if self.laptop is None else "laptop.hint"
        yield Static(self.t(hint), classes="hint -wrap", id="sync-screen-hint")
        yield Footer()

    def on_mount(self) -> None:
        if self.admin:
            table = self.query_one("#sync-devices", DataTable)
            for key in COLUMNS:
                table.add_column(self.t(f"laptops.col.{key}"), key=key)
            self.reload()
            table.focus()
        elif self.laptop is not None:
            self._show_laptop(None)
            self._count_unpacked()
            if self.pack_now:
                self.action_pack()
        else:
            self.query_one("#sync-laptop", Static).update(self.t("laptops.coach_at_office"))
            self.query_one("#sync-screen-hint").display = False

    # The office ---------------------------------------------------------------------

    def reload(self, select_id: str | None = None) -> None:
        table = self.query_one("#sync-devices", DataTable)
        row = table.cursor_row
        keep = select_id or (self.devices[row].id if 0 <= row < len(self.devices) else None)
        self.devices = list(self.store.devices.list(self.session.staff))
        table.clear()
        for device in self.devices:
            table.add_row(
                # Text, not str: a stored name is never read as markup.
                Text(visible(device.label or "–")),
                Text(visible(device.coach_name)),
                format_stored_day(device.checked_out_at),
                format_stored_day(device.last_checkin_at) if device.last_checkin_at else "–",
                str(device.open_conflicts) if device.open_conflicts else "–",
                self._state(device),
                key=device.id,
            )
        ids = [device.id for device in self.devices]
        if keep in ids:
            table.move_cursor(row=ids.index(keep))
        if not self.devices:
            self._result(self.t("laptops.none"))

    def _state(self, device: Device) -> str:
        if device.revoked_at:
            return self.t("laptops.revoked")
        return self.t("laptops.pending") if device.pending else self.t("laptops.in_step")

    def _selected(self) -> Device | None:
        row = self.query_one("#sync-devices", DataTable).cursor_row
        if 0 <= row < len(self.devices):
            return self.devices[row]
        self._result(self.t("laptops.no_device"))
        return None

    def _result(self, text: str) -> None:
        # Content: names and paths are never read as markup.
        self.query_one("#sync-result", Static).update(Content(text))

    def action_checkout(self) -> None:
        def after(result: CheckoutResult | None) -> None:
            if result is None:
                return
            self.reload(result.device_id)
            coach = next((d.coach_name for d in self.devices if d.id == result.device_id), "")
            head = self.t("sync_checkout.done", coach=coach, clients=result.clients)
            self._result("\n".join([head, *(f"  {path}" for path in result.files)]))

        self.app.push_screen(CheckoutDialog(), after)

    def action_checkin(self) -> None:
        def after(done: sync_jobs.CheckinDone | None) -> None:
            if done is None:
                return
            report, refreshed = done.checkin.report, done.checkin.refreshed
            self.reload(report.device_id)
            changes = sum(counts.total for counts in report.per_table.values())
            lines = [
                self.t(
                    "sync_checkin.done",
                    changes=changes,
                    conflicts=len(report.conflicts),
                    open=done.open_conflicts,
                )
            ]
            if refreshed is not None:
                lines.append(self.t("sync_checkin.refreshed"))
                lines.extend(f"  {path}" for path in refreshed.files)
            if done.checkin.refresh_failed is not None:
                reason = describe_error(done.checkin.refresh_failed, self.ctx.lang)
                lines.append(self.t("sync_checkin.refresh_failed", reason=reason))
            self._result("\n".join(lines))

        self.app.push_screen(CheckinDialog(), after)

    def action_revoke(self) -> None:
        device = self._selected()
        if device is None:
            return
        if device.revoked_at:
            self._result(
                self.t("laptops.already_revoked", date=format_stored_day(device.revoked_at))
            )
            return

        def revoked(report: RevokeReport | None) -> None:
            if report is None:
                return
            self.reload(device.id)
            self._result(self._revoke_lines(device, report))

        self.app.push_screen(RevokeDialog(device), revoked)

    def _revoke_lines(self, device: Device, report: RevokeReport) -> str:
        """The office's record of the loss: when it last came in, what never did, and
        whose data it carried."""
        label = device.label or device.coach_name
        last = format_stored_moment(report.last_checkin_at) if report.last_checkin_at else None
        names = ", ".join(visible(client.name) for client in report.clients)
        return "\n".join(
            [
                self.t("sync_revoke.done", label=label, last=last or self.t("sync_revoke.never")),
                self.t("sync_revoke.unsent", since=format_stored_moment(report.unsent_since)),
                self.t("sync_revoke.clients", count=len(report.clients), names=names),
            ]
        )

    # The laptop ---------------------------------------------------------------------

    def _show_laptop(self, unpacked: int | None) -> None:
        laptop = self.laptop
        assert laptop is not None
        state = laptop.state
        lines = [
            self.t("laptop.coach", name=laptop.coach_name),
            self.t("laptop.cut_at", when=format_stored_moment(state.cut_at)),
            self.t(
                "laptop.window",
                first=format_stored_day(state.window_from),
                last=format_date(Window.last_day_of(state.window_to)),
            ),
            self.t("laptop.packed", when=format_stored_moment(state.packed_at))
            if state.packed_at
            else self.t("laptop.never_packed"),
            self.t("laptop.counting")
            if unpacked is None
            else self.t("laptop.unpacked", count=unpacked),
        ]
        self.query_one("#sync-laptop", Static).update(Content("\n".join(lines)))

    def _count_unpacked(self) -> None:
        # A full capture of the laptop's changes (tenths of a second): never on the UI.
        read_in_background(self, sync_jobs.unpacked, self._show_laptop, group="sync-unpacked")

    def action_pack(self) -> None:
        laptop = self.laptop
        if laptop is None:
            return
        if not allowed(self.session.staff, "sync.pack"):
            self._result(self.t("laptop.not_coach"))
            return

        def after(result: PackResult | None) -> None:
            if result is None:
                return
            self._result(self.t("sync_pack.done", count=result.changes, path=str(result.path)))
            self._refresh_laptop()

        self.app.push_screen(PackDialog(laptop.coach), after)

    def _refresh_laptop(self) -> None:
        """Read the check-out again (its last pack) and count what is unpacked now."""
        from .laptop_mode import laptop_mode

        self.ctx.laptop = laptop_mode(self.store)
        self._show_laptop(None)
        self._count_unpacked()

    def action_back(self) -> None:
        self.dismiss(None)
