"""The site engine adapter: building in-process, strict logging."""
