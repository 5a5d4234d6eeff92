"""Getting a built site to readers safely: release folders, publishing, archived plan versions."""
