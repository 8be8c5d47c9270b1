"""headwater: who said what, and where it really came from.

Importing the package is cheap; spaCy, trafilatura and DuckDB load on first use.
"""

__version__ = "0.1.0"
