"""The clinical record and its lifecycle, as pure values and functions (see README.md)."""
