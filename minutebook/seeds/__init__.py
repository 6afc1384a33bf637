"""The demo committees drawn from the published seed papers, and their loader."""

from __future__ import annotations

from minutebook.seeds.loader import SeedError, build_demo_database, load_demo

__all__ = ["SeedError", "build_demo_database", "load_demo"]
