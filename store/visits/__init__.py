"""Walk-in visits: tickets, the queue and its states, feedback."""
