"""Minutebook's benchmarks: run with `make bench` (python -m bench); they print figures."""
