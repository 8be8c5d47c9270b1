"""Typed read-only views built from the store, for the CLI, the report and the exports."""
