"""Municipality layer: the files in municipalities/ read into an overlay, and a municipality's edition of the site."""
