"""The texts of Kompassi's client mode (fi, sv, en): the client reads them in their own
language, the coach's password prompt is in the coach's."""

from __future__ import annotations

STRINGS: dict[str, tuple[str, str, str]] = {
    "client_mode.position": (
        "Kysymys {n} / {total}",
        "Fråga {n} / {total}",
        "Question {n} of {total}",
    ),
    "client_mode.scale": (
        "0 = erittäin huonosti · 10 = erittäin hyvin",
        "0 = mycket dåligt · 10 = mycket bra",
        "0 = very badly · 10 = very well",
    ),
    "client_mode.none": ("ei vielä vastausta", "inget svar ännu", "not answered yet"),
    "client_mode.skipped": (
        "Ohitettu: et halunnut vastata tähän.",
        "Överhoppad: du ville inte svara på den här.",
        "Skipped: you chose not to answer this one.",
    ),
    "client_mode.previous": (
        "Viimeksi: {score} ({day})",
        "Förra gången: {score} ({day})",
        "Last time: {score} ({day})",
    ),
    "client_mode.previous_skipped": (
        "Viimeksi: et vastannut ({day})",
        "Förra gången: du svarade inte ({day})",
        "Last time: not answered ({day})",
    ),
    "client_mode.keys.answer": (
        "0–9 = vastaus · 10 = + tai 1 ja 0 · − = en halua vastata",
        "0–9 = svar · 10 = + eller 1 och 0 · − = jag vill inte svara",
        "0–9 = answer · 10 = + or 1 then 0 · − = I'd rather not answer",
    ),
    "client_mode.keys.answer_no_skip": (
        "0–9 = vastaus · 10 = + tai 1 ja 0",
        "0–9 = svar · 10 = + eller 1 och 0",
        "0–9 = answer · 10 = + or 1 then 0",
    ),
    "client_mode.keys.move": (
        "← → tai Enter = edellinen tai seuraava kysymys",
        "← → eller Enter = föregående eller nästa fråga",
        "← → or Enter = previous or next question",
    ),
    "client_mode.keys.language": (
        "F S E = suomi · svenska · English",
        "F S E = suomi · svenska · English",
        "F S E = suomi · svenska · English",
    ),
    "client_mode.thanks": (
        "Kiitos vastauksistasi!",
        "Tack för dina svar!",
        "Thank you for your answers!",
    ),
    "client_mode.give_back": (
        "Anna kone nyt takaisin valmentajallesi.",
        "Ge nu tillbaka datorn till din coach.",
        "Please give the laptop back to your coach now.",
    ),
    "client_mode.summary": (
        "Vastattu: {answered} · ohitettu: {skipped} · vastaamatta: {open}",
        "Besvarade: {answered} · överhoppade: {skipped} · obesvarade: {open}",
        "Answered: {answered} · skipped: {skipped} · not answered: {open}",
    ),
    "client_mode.back": (
        "← palaa kysymyksiin",
        "← tillbaka till frågorna",
        "← back to the questions",
    ),
    "client_mode.not_saved": (
        "Vastausta ei tallennettu: {error}",
        "Svaret sparades inte: {error}",
        "The answer was not saved: {error}",
    ),
    # The coach's side, in the coach's language.
    "client_mode.unlock_label": (
        "Valmentaja: salasanasi lopettaa asiakastilan (Esc peruu)",
        "Coach: ditt lösenord avslutar klientläget (Esc avbryter)",
        "Coach: your password ends client mode (Esc cancels)",
    ),
    "client_mode.wrong_password": (
        "Salasana on väärä.",
        "Lösenordet är fel.",
        "The password is wrong.",
    ),
    "client_mode.unlock_hint": (
        "Valmentaja: Esc",
        "Coach: Esc",
        "Coach: Esc",
    ),
}
