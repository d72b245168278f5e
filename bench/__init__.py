"""Benchmarks: measurements that print figures and never fail a build.

    make bench        # python -m bench: extraction, end to end, reads, memory; one table
    make load         # python -m bench.load: 50 clients for 60 s against gunicorn

Each part that needs PostgreSQL or Redis prints a "skipped" row with the reason when they
are not reachable. BENCH_SCALE=0.1 (or --scale 0.1) shrinks every size for a quick run.
"""
