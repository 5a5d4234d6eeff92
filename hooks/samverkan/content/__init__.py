"""Reading: files, front matter, page bodies and municipality-free settings, into the typed model (``Handbook``)."""
