"""Offline laptops: check-out of a coach's caseload, bundles of a laptop's changes, and the
check-in at the office that merges them, with the conflicts a person resolves."""
