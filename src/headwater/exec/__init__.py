"""Executors: how stages are run (in this process, or per-document work spread over worker processes).

The stage packages (``extract``, ``reuse``, ``claims``) compute; the executor reads their inputs from the
store, feeds the pure steps and writes what they return.
"""
