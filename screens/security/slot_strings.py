"""The texts of the staff key slots' errors (raised by store/core/staff_slots.py), in
Finnish, Swedish and English."""

from __future__ import annotations

STRINGS: dict[str, tuple[str, str, str]] = {
    "keys.error.not_written": (
        "Avaintiedostoa {keys} ei voitu kirjoittaa ({reason}). Mitään ei muutettu; tarkista"
        " levytila ja kansion kirjoitusoikeus ja yritä uudelleen.",
        "Nyckelfilen {keys} kunde inte skrivas ({reason}). Inget ändrades; kontrollera"
        " diskutrymmet och skrivrätten till mappen och försök igen.",
        "The key file {keys} could not be written ({reason}). Nothing was changed; check the"
        " disk space and that the folder can be written to, and try again.",
    ),
    "keys.error.changed": (
        "Tietokannan avain vaihtui juuri (avaintiedosto {keys}). Mitään ei muutettu;"
        " yritä uudelleen.",
        "Databasens nyckel byttes just (nyckelfilen {keys}). Inget ändrades; försök igen.",
        "The database's key has just changed (key file {keys}). Nothing was changed; try again.",
    ),
    # The right password of an account made before the database was encrypted.
    "auth.error.no_slot": (
        "tunnuksella {username} ei ole avainta tähän salattuun tietokantaan; pyydä"
        " pääkäyttäjää asettamaan sinulle salasana",
        "kontot {username} har ingen nyckel till den här krypterade databasen; be en"
        " administratör att ange ett lösenord åt dig",
        "the account {username} has no key to this encrypted database; ask an admin to set"
        " your password",
    ),
}
