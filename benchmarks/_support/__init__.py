"""Helpers shared by the benchmarks (not a benchmark itself)."""
