"""Kompassi's client mode: the laptop turned to the client, one question at a time in the
client's language, every answer saved to the draft at once, left only by the coach's
password."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Center, Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Digits, Static

from store.clients.validation import ValidationError
from store.core.dates import format_date
from store.core.i18n import LANGUAGES, TranslatedError, tr
from store.kompassi.models import Answer, Domain, Instrument, Reading

from ..shell.background import describe_error
from ..shell.context import ScreenContextMixin
from .client_scale import band_legend, band_word, scale_row
from .coach_unlock import CoachUnlock

# Wider terminals get wider scale cells and more air between the lines.
WIDE_COLUMNS = 120


def _hidden(n: int) -> Binding:
    return Binding(str(n), f"score({n})", str(n), show=False, id=f"client_mode.{n}")


class ClientModeScreen(ScreenContextMixin, Screen[None]):
    """The questions of draft `reading_id`, from `domain_code` (else the first not yet
    answered); dismisses with None once the coach has typed their password."""

    CSS_PATH = Path(__file__).parent / "client_mode.tcss"
    # The app refuses its own keys (F1–F5, F12, Ctrl+P, Ctrl+G, Ctrl+Q, Ctrl+C) while this
    # is on screen (`LuotsiApp.check_action`): nothing of the register is reachable.
    VISITOR_FACING = True
    AUTO_FOCUS = ""  # the keys are the screen's; the password field only when Esc opens it
    BINDINGS = [
        *(_hidden(n) for n in range(10)),
        Binding("plus", "score(10)", "10", show=False, id="client_mode.10"),
        Binding("minus", "skip", "−", show=False, id="client_mode.skip"),
        Binding("left,up", "move(-1)", "←", show=False, id="client_mode.previous"),
        Binding("right,down,enter", "move(1)", "→", show=False, id="client_mode.next"),
        Binding("f,F", "language('fi')", "suomi", show=False, id="client_mode.fi"),
        Binding("s,S", "language('sv')", "svenska", show=False, id="client_mode.sv"),
        Binding("e,E", "language('en')", "English", show=False, id="client_mode.en"),
        Binding("escape", "unlock", "Esc", show=False, id="client_mode.unlock"),
    ]

    def __init__(self, reading_id: str, domain_code: str | None = None) -> None:
        super().__init__()
        self.reading_id = reading_id
        self.start_domain = domain_code
        self.lang = "fi"  # the client's, set on mount
        self.index = 0
        self.thanked = False  # the thank-you page shows, after the last question
        self.one_typed = False  # "1" was the last key on this question: "0" makes it 10
        self.answers: dict[str, Answer] = {}
        self.previous: dict[str, tuple[Answer, date]] = {}
        self.instrument: Instrument | None = None
        self.domains: tuple[Domain, ...] = ()

    def compose(self) -> ComposeResult:
        with Center(), Vertical(id="client-box"):
            with Vertical(id="client-question-page"):
                yield Static("", id="client-position")
                yield Static("", id="client-domain")
                yield Static("", id="client-question")
                with Horizontal(id="client-chosen"):
                    yield Digits("-", id="client-score")
                    yield Static("", id="client-band")
                yield Static("", id="client-scale")
                yield Static("", id="client-bands")
                yield Static("", id="client-previous")
                yield Static("", id="client-status")
                yield Static("", id="client-keys")
            with Vertical(id="client-thanks-page"):
                yield Static("", id="client-thanks")
                yield Static("", id="client-give-back")
                yield Static("", id="client-summary")
                yield Static("", id="client-back")
        with Vertical(id="client-foot"):
            yield CoachUnlock(id="unlock")
            yield Static(self.t("client_mode.unlock_hint"), id="client-coach-hint")

    def on_mount(self) -> None:
        if not self._load():
            self.dismiss(None)  # told in a notification: the coach is still at the screen
            return
        self._draw()

    def _load(self) -> bool:
        from store.core.db import store_fault

        store = self.store
        try:
            reading = store.kompassi.reading(self.reading_id)
            self.instrument = store.instruments.get(reading.instrument_id)
            done = store.kompassi.view(self.session.staff, reading.client_id).readings
            language = store.clients.visitor_language(reading.client_id)
        except Exception as error:
            if store_fault(error) is None and not isinstance(error, TranslatedError):
                raise
            self.app.notify(describe_error(error, self.ctx.lang), severity="error")
            return False
        # A client of another language than fi/sv/en reads Finnish; F, S or E changes it.
        self.lang = language if language in LANGUAGES else "fi"
        self.domains = self.instrument.domains
        self.answers = {a.domain_code: a for a in reading.answers}
        self.previous = _last_answers(done)
        codes = [d.code for d in self.domains]
        if self.start_domain in codes:
            self.index = codes.index(self.start_domain)
        else:
            unanswered = [n for n, code in enumerate(codes) if not self._answer(code).answered]
            self.index = unanswered[0] if unanswered else 0
        return True

    def on_resize(self) -> None:
        self.set_class(self.size.width >= WIDE_COLUMNS, "-wide")
        if self.instrument is not None:
            self._draw()

    # Drawing ---------------------------------------------------------------------------

    def _text(self, key: str, **params: object) -> str:
        """A text in the client's language."""
        return tr(key, self.lang, **params)

    def _answer(self, code: str) -> Answer:
        return self.answers.get(code) or Answer(code)

    def _draw(self) -> None:
        self.set_class(self.thanked, "-thanked")
        if self.thanked:
            self._draw_thanks()
        else:
            self._draw_question()

    def _draw_question(self) -> None:
        assert self.instrument is not None
        domain = self.domains[self.index]
        answer = self._answer(domain.code)
        show = self._show
        show(
            "position",
            self._text("client_mode.position", n=self.index + 1, total=len(self.domains)),
        )
        show("domain", domain.label(self.lang))
        show("question", domain.question(self.lang))
        self.query_one("#client-score", Digits).update(
            "-" if answer.score is None else str(answer.score)
        )
        if answer.skipped:
            show("band", self._text("client_mode.skipped"))
        elif answer.score is None:
            show("band", self._text("client_mode.none"))
        else:
            show("band", band_word(self.instrument, answer.score, self.lang))
        cell = 7 if self.has_class("-wide") else 5
        self.query_one("#client-scale", Static).update(
            scale_row(self.instrument, answer.score, cell)
        )
        self.query_one("#client-bands", Static).update(
            band_legend(self.instrument, answer.score, self.lang)
        )
        show("previous", self._previous_text(domain.code))
        answer_keys = "answer" if self.instrument.skip_allowed else "answer_no_skip"
        keys = (f"client_mode.keys.{part}" for part in (answer_keys, "move", "language"))
        show("keys", "\n".join(self._text(key) for key in keys))

    def _previous_text(self, code: str) -> str:
        if code not in self.previous:
            return ""
        answer, day = self.previous[code]
        if answer.score is None:
            return self._text("client_mode.previous_skipped", day=format_date(day))
        return self._text("client_mode.previous", score=answer.score, day=format_date(day))

    def _draw_thanks(self) -> None:
        answers = [self._answer(d.code) for d in self.domains]
        answered = sum(a.score is not None for a in answers)
        skipped = sum(a.skipped for a in answers)
        self._show("thanks", self._text("client_mode.thanks"))
        self._show("give-back", self._text("client_mode.give_back"))
        summary = self._text(
            "client_mode.summary",
            answered=answered,
            skipped=skipped,
            open=len(answers) - answered - skipped,
        )
        self._show("summary", summary)
        self._show("back", self._text("client_mode.back"))

    def _show(self, part: str, text: str) -> None:
        static = self.query_one(f"#client-{part}", Static)
        static.update(text)
        static.display = bool(text)  # an empty line takes no room from the question

    # Keys ------------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "unlock":
            return True
        if self.query_one(CoachUnlock).is_open or self.instrument is None:
            return False  # the coach is typing a password: the keys are the field's
        if self.thanked:
            return action in ("move", "language") and (action != "move" or parameters == (-1,))
        return True

    def action_score(self, score: int) -> None:
        if self.one_typed and score == 0:
            score = 10
        self._save(score, skipped=False)
        self.one_typed = score == 1

    def action_skip(self) -> None:
        self._save(None, skipped=True)
        self.one_typed = False

    def _save(self, score: int | None, skipped: bool) -> None:
        """Save this question's score, or that it was skipped, to the draft at once."""
        from store.core.db import store_fault

        code = self.domains[self.index].code
        staff, kompassi = self.session.staff, self.store.kompassi
        try:
            if skipped:
                answer = kompassi.answer(staff, self.reading_id, code, skipped=True)
            else:
                answer = kompassi.answer(staff, self.reading_id, code, score=score)
        except Exception as error:
            if isinstance(error, TranslatedError):
                message = error.message(self.lang)
            elif isinstance(error, ValidationError):  # e.g. an instrument that allows no skip
                message = "; ".join(e.message(self.lang) for e in error.errors)
            elif store_fault(error) is not None:
                message = describe_error(error, self.lang)
            else:
                raise
            self._show("status", self._text("client_mode.not_saved", error=message))
            return
        self.answers[code] = answer
        self._show("status", "")
        self._draw()

    def action_move(self, step: int) -> None:
        self.one_typed = False
        self._show("status", "")
        if self.thanked:
            self.thanked = False
        elif 0 <= self.index + step < len(self.domains):
            self.index += step
        elif self.index + step == len(self.domains):
            self.thanked = True
        self._draw()

    def action_language(self, lang: str) -> None:
        self.one_typed = False
        self.lang = lang
        self._draw()

    def action_unlock(self) -> None:
        prompt = self.query_one(CoachUnlock)
        if prompt.is_open:
            prompt.close()
        else:
            prompt.open()
        self.refresh_bindings()

    @on(CoachUnlock.Unlocked)
    def _unlocked(self) -> None:
        self.dismiss(None)


def _last_answers(done: tuple[Reading, ...]) -> dict[str, tuple[Answer, date]]:
    """Each domain's answer in the client's last finished reading, with its date."""
    if not done:
        return {}
    last = max(done, key=lambda r: (r.filled_on, r.started_at))
    return {a.domain_code: (a, last.filled_on) for a in last.answers if a.answered}
