"""Luotsi's data layer: the SQLite register, domain rules, validation and the access log."""
