"""Samverkansplanen's content model, checks and views.

Plain Python with no MkDocs import, so the checks survive a change of site
engine. The flow is: ``load`` reads every page of both languages once into a
``Handbook``; ``checks`` are pure functions from the handbook to problems;
``views`` derive tables and lists from the same handbook; ``render`` turns
views into HTML through the Jinja templates in ``overrides/samverkan``.
"""
