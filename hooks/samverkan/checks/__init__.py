"""Pure checks: functions from the model (and the overlay) to a list of problems. None reads a file."""
