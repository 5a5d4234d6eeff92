"""The built site: per-language search index, machine-readable export, PDF print-outs."""
