"""The texts of the screen lock (screens/security/lock_screen.py) and of its setting, in
Finnish, Swedish and English."""

from __future__ import annotations

STRINGS: dict[str, tuple[str, str, str]] = {
    "setting.security.lock_minutes": (
        "minuutit ilman näppäimistöä tai hiirtä, joiden jälkeen näyttö lukittuu (0 = ei koskaan)",
        "minuter utan tangentbord eller mus innan skärmen låses (0 = aldrig)",
        "minutes without keyboard or mouse before the screen locks (0 = never)",
    ),
    "binding.app.lock": ("Lukitse", "Lås", "Lock"),
    "lock.title": ("Luotsi on lukittu", "Luotsi är låst", "Luotsi is locked"),
    "lock.who": (
        "Kirjautuneena: {name} ({username})",
        "Inloggad: {name} ({username})",
        "Logged in: {name} ({username})",
    ),
    "lock.password": (
        "Jatka kirjoittamalla salasanasi ja Enter",
        "Fortsätt genom att skriva ditt lösenord och Enter",
        "To go on, type your password and Enter",
    ),
    "lock.hint": (
        "Keskeneräinen työ odottaa ennallaan.\nCtrl+G kirjaudu toisena käyttäjänä",
        "Påbörjat arbete väntar som det var.\nCtrl+G logga in som en annan användare",
        "Unfinished work waits as it was.\nCtrl+G log in as another user",
    ),
    # Asked when someone else logs in at a locked screen with unsaved input under it.
    "lock.switch.title": (
        "Käyttäjällä {name} on tallentamattomia muutoksia",
        "{name} har osparade ändringar",
        "{name} has unsaved changes",
    ),
    "lock.switch.lost": (
        "Jos kirjaudut toisena käyttäjänä, muutokset hylätään eikä niitä voi palauttaa."
        " Jos ne ovat tärkeitä, pyydä käyttäjää {name} avaamaan lukitus ja tallentamaan.",
        "Om du loggar in som en annan användare kastas ändringarna och kan inte återställas."
        " Om de är viktiga, be {name} låsa upp och spara.",
        "If you log in as another user, the changes are discarded for good."
        " If they matter, ask {name} to unlock and save them.",
    ),
    "lock.switch.keys": (
        "Enter hylkää muutokset ja kirjaa ulos · Esc takaisin",
        "Enter kastar ändringarna och loggar ut · Esc tillbaka",
        "Enter discards the changes and logs out · Esc back",
    ),
}
