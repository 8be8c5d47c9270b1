"""Which article copies which: exact copies, near-duplicates, shared passages, citations, origins.

Cross-document stage (``headwater.exec.reuse.run_reuse``); per-article pieces are pure
functions (``tokens``, ``citations``), pairwise ones too (``verify``, ``align``).
"""
