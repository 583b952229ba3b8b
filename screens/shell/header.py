"""The top bar: app, site, user, date with ISO week, clock, and whether the screen is blanked."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static

from store.core.i18n import tr
from store.core.text import visible

from .context import ContextMixin
from .formatting import format_day_header, format_time


class LuotsiHeader(ContextMixin, Static):
    DEFAULT_CSS = """
    LuotsiHeader {
        dock: top;
        height: 1;
        background: $panel;
        color: $foreground;
        padding: 0 1;
    }
    """

    def on_mount(self) -> None:
        self.refresh_text()
        self.set_interval(30, self.refresh_text)
        self.watch(self.app, "blanked", lambda _: self.refresh_text(), init=False)

    def refresh_text(self) -> None:
        ctx = self.ctx
        left: list[str] = []
        if ctx.blanked:
            left.append(self.t("blanked.badge"))
        laptop = ctx.laptop
        if laptop is not None:  # instead of the site: the check-out it is, and whose
            badge = "laptop.badge.blanked" if ctx.blanked else "laptop.badge"
            left.append(tr(badge, ctx.lang, coach=visible(laptop.coach_name), date=laptop.cut_on))
        if ctx.session is not None:
            if ctx.session.site is not None and laptop is None:
                left.append(visible(ctx.session.site.name))
            if not ctx.blanked and (laptop is None or laptop.coach_id != ctx.session.staff.id):
                left.append(visible(ctx.session.staff.display_name))
        left_text = " │ ".join(left) or self.t("app.title")
        clock = self.store.clock
        right_text = f"{format_day_header(clock.today(), ctx.lang)} │ {format_time(clock.now())}"
        gap = max(1, self.size.width - 2 - len(left_text) - len(right_text))
        # Content: a stored name is never read as markup.
        self.update(Content(f"{left_text}{' ' * gap}{right_text}"))

    def on_resize(self) -> None:
        self.refresh_text()
