"""The site engine adapter: building in-process, background work beside a build, strict logging."""
