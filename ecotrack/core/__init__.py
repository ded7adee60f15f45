"""Pure methods and formats: no Django imports anywhere below this package.

Everything here must run in a plain Python process (and on Spark workers), so it takes and
returns plain data. Django apps wrap it with persistence, permissions and pages.
"""
