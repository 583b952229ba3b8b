"""The scheduling store's messages (refusals and warnings a booking form shows) and the
names of its codes: appointment kinds, channels, states, absences, cancel reasons."""

from __future__ import annotations

STRINGS: dict[str, tuple[str, str, str]] = {
    "schedule.error.clash.coach": (
        "Valmentajalla on jo {what} ({who}) {day} klo {start}–{end}.",
        "Coachen har redan {what} ({who}) {day} kl. {start}–{end}.",
        "The coach already has {what} ({who}) on {day} at {start}–{end}.",
    ),
    "schedule.error.clash.client": (
        "Asiakkaalla on jo {what} {day} klo {start}–{end}.",
        "Klienten har redan {what} {day} kl. {start}–{end}.",
        "The client already has {what} on {day} at {start}–{end}.",
    ),
    "schedule.error.clash.room": (
        "Huone on varattu: {what} ({who}) {day} klo {start}–{end}.",
        "Rummet är bokat: {what} ({who}) {day} kl. {start}–{end}.",
        "The room is taken: {what} ({who}) on {day} at {start}–{end}.",
    ),
    "schedule.error.clash.absence": (
        "Valmentaja on poissa {day} klo {start}–{end} ({what}).",
        "Coachen är borta {day} kl. {start}–{end} ({what}).",
        "The coach is away on {day} at {start}–{end} ({what}).",
    ),
    "schedule.error.past": (
        "Aika on jo mennyt: valitse tuleva aika.",
        "Tiden har redan passerat: välj en kommande tid.",
        "That time has passed: choose a time to come.",
    ),
    "schedule.error.length": (
        "Keston on oltava {low}–{high} minuuttia.",
        "Längden ska vara {low}–{high} minuter.",
        "The length must be {low}–{high} minutes.",
    ),
    "schedule.error.not_your_calendar": (
        "Voit varata vain omaan ja tiimisi kalentereihin.",
        "Du kan boka bara i din egen och ditt teams kalendrar.",
        "You can book only in your own and your team's calendars.",
    ),
    "schedule.error.closed": (
        "Tapaaminen on jo päättynyt tai peruttu, eikä sitä voi enää muuttaa.",
        "Mötet är redan avslutat eller inställt och kan inte ändras.",
        "The appointment is already over or cancelled and cannot be changed.",
    ),
    "schedule.error.changed": (
        "Joku muu muutti tapaamista juuri. Tiedot on luettu uudelleen; tarkista ja yritä uudelleen.",
        "Någon annan ändrade just mötet. Uppgifterna har lästs på nytt; kontrollera och försök igen.",
        "Someone else just changed the appointment. It has been read again; check and try again.",
    ),
    "schedule.error.not_your_hours": (
        "Voit muuttaa vain omaa työaikaasi ja poissaolojasi.",
        "Du kan ändra bara din egen arbetstid och frånvaro.",
        "You can change only your own working hours and absences.",
    ),
    "schedule.error.series_clash.one": (
        "Sarjan {count} aika on varattu: mitään ei tallennettu.",
        "{count} tid i serien är bokad: inget sparades.",
        "{count} time in the series is taken: nothing was saved.",
    ),
    "schedule.error.series_clash.other": (
        "Sarjan {count} aikaa on varattu: mitään ei tallennettu.",
        "{count} tider i serien är bokade: inget sparades.",
        "{count} times in the series are taken: nothing was saved.",
    ),
    "schedule.error.series": (
        "Toista {low}–{high} viikon välein, {fewest}–{most} kertaa.",
        "Upprepa var {low}–{high} vecka, {fewest}–{most} gånger.",
        "Repeat every {low}–{high} weeks, {fewest}–{most} times.",
    ),
    "schedule.error.hours": (
        "Työajan on päätyttävä alkamisensa jälkeen.",
        "Arbetstiden ska sluta efter att den börjar.",
        "Working hours must end after they start.",
    ),
    "schedule.error.absence_times": (
        "Poissaolon on päätyttävä alkamisensa jälkeen.",
        "Frånvaron ska sluta efter att den börjar.",
        "An absence must end after it starts.",
    ),
    # Appointment kinds (domain guide §2).
    "schedule.kind.initial_interview": (
        "alkuhaastattelu",
        "inledande intervju",
        "initial interview",
    ),
    "schedule.kind.job_search": (
        "työnhakukeskustelu",
        "samtal om jobbsökning",
        "job-search discussion",
    ),
    "schedule.kind.supplementary": (
        "täydentävä työnhakukeskustelu",
        "kompletterande samtal om jobbsökning",
        "supplementary discussion",
    ),
    "schedule.kind.coaching": ("valmennustapaaminen", "coachningsmöte", "coaching session"),
    "schedule.kind.kompassi_follow_up": (
        "Kompassi-seurantamittaus",
        "Kompassi-uppföljning",
        "Kompassi follow-up",
    ),
    "schedule.kind.other": ("muu tapaaminen", "annat möte", "other appointment"),
    "schedule.channel.in_person": ("käynti", "besök", "in person"),
    "schedule.channel.phone": ("puhelin", "telefon", "phone"),
    "schedule.channel.video": ("video", "video", "video"),
    "schedule.status.booked": ("varattu", "bokad", "booked"),
    "schedule.status.arrived": ("saapunut", "anländ", "arrived"),
    "schedule.status.done": ("pidetty", "hållen", "done"),
    "schedule.status.no_show": ("ei saapunut", "uteblev", "no-show"),
    "schedule.status.cancelled": ("peruttu", "inställd", "cancelled"),
    "schedule.cancel.by_client": ("asiakas perui", "klienten avbokade", "cancelled by the client"),
    "schedule.cancel.by_coach": ("valmentaja perui", "coachen avbokade", "cancelled by the coach"),
    "schedule.absence.leave": ("loma", "semester", "leave"),
    "schedule.absence.sick": ("sairauspoissaolo", "sjukfrånvaro", "sick leave"),
    "schedule.absence.training": ("koulutus", "utbildning", "training"),
    "schedule.absence.blocked": ("varattu muuhun", "blockerad tid", "blocked time"),
    "schedule.warning.weekend": (
        "Aika on viikonloppuna.",
        "Tiden är på en helg.",
        "The time is at a weekend.",
    ),
    "schedule.warning.holiday": (
        "Aika on arkipyhänä ({holiday}).",
        "Tiden är på en helgdag ({holiday}).",
        "The time is on a public holiday ({holiday}).",
    ),
    "schedule.warning.outside_hours": (
        "Aika on valmentajan työajan ulkopuolella.",
        "Tiden är utanför coachens arbetstid.",
        "The time is outside the coach's working hours.",
    ),
}
