"""What leaves the register: the daily visit log export and the day report."""
