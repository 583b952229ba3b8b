"""Managing staff accounts and sites (admins), and changing one's own password (anyone)."""
