"""The picture of a client's Kompassi readings, per domain: `KompassiPicture.show(view)`."""

from __future__ import annotations

from textual.widgets import Static

from store.kompassi.models import KompassiView

from ..shell.context import ContextMixin


class KompassiPicture(ContextMixin, Static):
    """Draws `view`'s readings; `left_id`/`right_id` compare two chosen readings (default:
    the baseline and the latest)."""

    def show(
        self, view: KompassiView, left_id: str | None = None, right_id: str | None = None
    ) -> None:
        lang = self.ctx.lang
        latest = view.readings[-1] if view.readings else None
        if latest is None:
            self.update("")
            return
        instrument = view.instrument_of(latest)
        lines: list[str] = []
        for domain in instrument.domains:
            answer = latest.answer(domain.code)
            score = "–" if answer is None or answer.score is None else str(answer.score)
            lines.append(f"{domain.label(lang)}: {score}")
        self.update("\n".join(lines))
