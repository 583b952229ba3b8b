"""Scheduling screens (F5): the coach's calendar, booking, group sessions, reviews due."""
