"""Scheduling (F5): coach calendars, group sessions, reviews due and the day sheet."""
