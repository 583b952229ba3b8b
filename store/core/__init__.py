"""The installation itself: the connection seam, migrations, clock, audit, auth, staff, sites, settings."""
