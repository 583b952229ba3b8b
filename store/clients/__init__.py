"""The client register: records, validation, search, the CSV import and the rules on client data."""
