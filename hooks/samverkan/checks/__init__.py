"""Every check of the handbook's source and data: functions to a list of one-line problems, each registered with
what it catches and how to fix it in rules.py, which runs them."""
