"""Adapters from the feature apps' models to the reports' plain data.

Each module asks the permission layer and returns plain data; when the app it reads has no
models yet (apps are built in parallel), it returns an empty result rather than failing, so a
report always renders with what exists.
"""
