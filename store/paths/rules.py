"""The rules of a path's services, checked as the coach types: pure functions, no I/O.

A step is checked against the rules of its service in force on its own start (see
`catalog.rules_in_force`); a breach is a `RuleWarning` the coach may acknowledge, never a
refusal. Impossible input is the form's to refuse (store/paths/validation.py).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date

from store.paths.models import PathStep, Provider, RuleWarning, Service, ServiceRule


def check_path(
    steps: Sequence[PathStep],
    services: Mapping[str, Service],
    rules: Mapping[str, Sequence[ServiceRule]],
    providers: Mapping[str, Provider],
    birth_date: date,
) -> list[RuleWarning]:
    """Every warning of every step of one path (cancelled steps count for nothing):
    `services` and `rules` by service id, `providers` by id."""
    del steps, services, rules, providers, birth_date
    return []  # being written (issue 11): the repository and the screens call this
