"""Encryption at rest as the user meets it: unlocking, the auto-lock, the recovery key."""
