"""The Today screen: today's figures and the client search."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widgets import Footer, Static

from .client_card import ClientCardScreen
from .context import ContextMixin
from .widgets.client_search import ClientSearch
from .widgets.header import LuotsiHeader


class HomeScreen(ContextMixin, Screen[None]):
    BINDINGS = [
        Binding("ctrl+f", "find_client", "Find", id="home.find"),
        Binding("ctrl+n", "new_client", "New client", id="home.new_client"),
    ]

    def compose(self) -> ComposeResult:
        yield LuotsiHeader(id="header")
        yield Static(self.t("home.title"), classes="screen-title")
        with Horizontal(id="today-figures"):
            yield Static("", id="figure-registered", classes="figure")
        yield ClientSearch(id="client-search")
        yield Footer()

    def on_mount(self) -> None:
        self.translate_bindings()
        self.query_one(ClientSearch).focus_input()

    def on_screen_resume(self) -> None:
        self.refresh_figures()

    def refresh_figures(self) -> None:
        counts = self.store.today_counts()
        self.query_one("#figure-registered", Static).update(
            self.t("home.registered_today", count=counts.clients_registered)
        )

    def action_find_client(self) -> None:
        search = self.query_one(ClientSearch)
        search.clear()
        search.focus_input()

    def action_new_client(self) -> None:
        self.app.push_screen(ClientCardScreen(None))

    @on(ClientSearch.ClientSelected)
    def _open_client(self, event: ClientSearch.ClientSelected) -> None:
        self.app.push_screen(ClientCardScreen(event.client_id))

    @on(ClientSearch.NewClientRequested)
    def _new_client(self, event: ClientSearch.NewClientRequested) -> None:
        self.app.push_screen(ClientCardScreen(None, typed=event.typed))
