"""Benchmarks, run by `make bench`: each `*_bench.py` module has a `main()`."""
