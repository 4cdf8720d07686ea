"""The build: the map over articles (serial, processes, Dask) and the reduce, with its cache and progress."""
