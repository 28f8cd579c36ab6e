"""Benchmarks run by `make bench`; each prints into one JSON object."""
