"""Evaluation against gold data (``headwater eval ...``)."""
