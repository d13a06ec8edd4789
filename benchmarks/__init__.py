"""Quality and speed benchmarks on the development data (``make bench``; never run by tests).

``python -m benchmarks.run`` runs them all and writes ``benchmarks/RESULTS.md`` and
``benchmarks/results.json``; each ``bench_*.py`` also runs on its own.
"""
