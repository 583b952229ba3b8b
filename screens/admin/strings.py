"""UI strings of the admin screen (staff accounts and sites) and of changing one's own
password."""

from __future__ import annotations

STRINGS: dict[str, tuple[str, str, str]] = {
    # Palette verbs
    "cmd.admin": (
        "Käyttäjät ja toimipisteet",
        "Användare och verksamhetsställen",
        "Users and sites",
    ),
    "cmd.admin.help": (
        "Ylläpitäjälle: lisää käyttäjä tai toimipiste, vaihda salasana tai rooli, sulje tili",
        "För administratörer: lägg till användare eller ställe, byt lösenord eller roll,"
        " stäng konto",
        "For admins: add a user or a site, reset a password, change a role, deactivate",
    ),
    "cmd.own_password": ("Vaihda oma salasana", "Byt ditt lösenord", "Change your password"),
    "cmd.own_password.help": (
        "Anna nykyinen salasana ja uusi kahdesti",
        "Ange det nuvarande lösenordet och det nya två gånger",
        "Give your current password and the new one twice",
    ),
    "admin.not_allowed": (
        "Vain ylläpitäjä voi hallita käyttäjiä ja toimipisteitä.",
        "Endast en administratör kan hantera användare och verksamhetsställen.",
        "Only an admin can manage users and sites.",
    ),
    # The admin screen
    "admin.title": ("Käyttäjät", "Användare", "Users"),
    "admin.sites": ("Toimipisteet", "Verksamhetsställen", "Sites"),
    "admin.col.username": ("Tunnus", "Användarnamn", "Username"),
    "admin.col.name": ("Nimi", "Namn", "Name"),
    "admin.col.role": ("Rooli", "Roll", "Role"),
    "admin.col.site": ("Toimipiste", "Ställe", "Site"),
    "admin.col.status": ("Tila", "Status", "Status"),
    "admin.col.municipality": ("Kunta", "Kommun", "Municipality"),
    "admin.col.area": ("Työllisyysalue", "Sysselsättningsområde", "Employment area"),
    "admin.active": ("✓ käytössä", "✓ aktiv", "✓ active"),
    "admin.inactive": ("✕ suljettu", "✕ stängd", "✕ deactivated"),
    "admin.no_site": ("—", "—", "—"),
    "admin.hint": (
        "n uusi käyttäjä · p salasana · r rooli · d sulje tili · t uusi toimipiste"
        " · c palvelut ja tuottajat · Esc takaisin",
        "n ny användare · p lösenord · r roll · d stäng konto · t nytt ställe"
        " · c tjänster och producenter · Esc tillbaka",
        "n new user · p password · r role · d deactivate · t new site"
        " · c services and providers · Esc back",
    ),
    "admin.added": (
        "Käyttäjä {username} lisätty.",
        "Användaren {username} har lagts till.",
        "User {username} added.",
    ),
    "admin.password_set": (
        "Käyttäjän {username} salasana vaihdettu; mahdollinen kirjautumisesto poistui.",
        "Lösenordet för {username} har bytts; en eventuell inloggningsspärr har hävts.",
        "The password of {username} is reset; any login lock is lifted.",
    ),
    "admin.role_set": (
        "Käyttäjän {username} rooli on nyt {role}.",
        "Rollen för {username} är nu {role}.",
        "{username} is now {role}.",
    ),
    "admin.deactivated": (
        "Käyttäjän {username} tili suljettu; hänen historiansa säilyy.",
        "Kontot för {username} har stängts; historiken finns kvar.",
        "{username} is deactivated; their history stays.",
    ),
    "admin.site_added": (
        "Toimipiste {site} lisätty.",
        "Verksamhetsstället {site} har lagts till.",
        "Site {site} added.",
    ),
    "admin.no_user": (
        "Valitse ensin käyttäjä listalta.",
        "Välj först en användare i listan.",
        "Choose a user from the list first.",
    ),
    # Footer labels, by binding id
    "binding.admin.add_user": ("Uusi käyttäjä", "Ny användare", "New user"),
    "binding.admin.password": ("Salasana", "Lösenord", "Password"),
    "binding.admin.role": ("Rooli", "Roll", "Role"),
    "binding.admin.deactivate": ("Sulje tili", "Stäng konto", "Deactivate"),
    "binding.admin.add_site": ("Uusi toimipiste", "Nytt ställe", "New site"),
    "binding.admin.back": ("Takaisin", "Tillbaka", "Back"),
    "binding.form.save": ("Tallenna", "Spara", "Save"),
    "binding.form.cancel": ("Peruuta", "Avbryt", "Cancel"),
    "binding.confirm.yes": ("Kyllä", "Ja", "Yes"),
    "binding.confirm.no": ("Ei", "Nej", "No"),
    # The dialogs' fields
    "account.title": ("Uusi käyttäjä", "Ny användare", "New user"),
    "account.username": ("Käyttäjätunnus", "Användarnamn", "Username"),
    "account.display_name": (
        "Nimi (Sukunimi Etunimi)",
        "Namn (Efternamn Förnamn)",
        "Name (Last First)",
    ),
    "account.role": ("Rooli", "Roll", "Role"),
    "account.site": ("Toimipiste", "Verksamhetsställe", "Site"),
    "account.no_site": ("ei toimipistettä", "inget ställe", "no site"),
    "account.password": ("Salasana", "Lösenord", "Password"),
    "account.repeat": ("Salasana uudelleen", "Lösenordet igen", "Password again"),
    "account.current": ("Nykyinen salasana", "Nuvarande lösenord", "Current password"),
    "account.new": ("Uusi salasana", "Nytt lösenord", "New password"),
    "account.new_repeat": ("Uusi salasana uudelleen", "Nya lösenordet igen", "New password again"),
    "account.rule": (
        "vähintään {min} merkkiä",
        "minst {min} tecken",
        "at least {min} characters",
    ),
    "account.mismatch": (
        "salasanat eivät ole samat",
        "lösenorden är inte lika",
        "the passwords are not the same",
    ),
    "form.hint": (
        "Enter seuraava kenttä · Ctrl+S tallenna · Esc peruuta",
        "Enter nästa fält · Ctrl+S spara · Esc avbryt",
        "Enter next field · Ctrl+S save · Esc cancel",
    ),
    "password.title": (
        "Uusi salasana käyttäjälle {username}",
        "Nytt lösenord för {username}",
        "New password for {username}",
    ),
    "password.own_title": ("Vaihda oma salasana", "Byt ditt lösenord", "Change your password"),
    "password.changed": (
        "Salasanasi on vaihdettu.",
        "Ditt lösenord har bytts.",
        "Your password is changed.",
    ),
    "roledialog.title": (
        "Käyttäjän {username} rooli",
        "Roll för {username}",
        "Role of {username}",
    ),
    "roledialog.hint": (
        "Enter valitse · Esc peruuta",
        "Enter välj · Esc avbryt",
        "Enter choose · Esc cancel",
    ),
    "deactivate.question": (
        "Suljetaanko käyttäjän {username} ({name}) tili?",
        "Stäng kontot för {username} ({name})?",
        "Deactivate {username} ({name})?",
    ),
    "deactivate.detail": (
        "Hän ei voi enää kirjautua. Hänen käyntinsä, kirjauksensa ja lokirivinsä säilyvät.",
        "Personen kan inte längre logga in. Besök, anteckningar och loggrader finns kvar.",
        "They can no longer log in. Their visits, records and log rows stay.",
    ),
    "deactivate.keys": (
        "Enter sulje tili · Esc peruuta",
        "Enter stäng kontot · Esc avbryt",
        "Enter deactivate · Esc cancel",
    ),
    "sitedialog.title": ("Uusi toimipiste", "Nytt verksamhetsställe", "New site"),
    "sitedialog.name": ("Nimi", "Namn", "Name"),
    "sitedialog.municipality": ("Kunta", "Kommun", "Municipality"),
    "sitedialog.employment_area": ("Työllisyysalue", "Sysselsättningsområde", "Employment area"),
}
