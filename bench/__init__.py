"""Benchmarks of speed (and, with bench.relevance, relevance) at 1k, 10k and 100k items: `make bench`."""
