"""Samverkansplanen's content model, checks and views, in plain Python with no MkDocs import.

The flow runs one way, each subpackage importing only those before it:
``content`` (read every page once into a ``Handbook``) -> ``editions`` (municipality files) -> ``views``
(derived views and HTML passes) -> ``checks`` (pure functions to problems) -> ``engine`` (the site engine
adapter) -> ``site`` (search index, export, PDF) -> ``publish`` (releases, archive) -> ``cli``.
"""
