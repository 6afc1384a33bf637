"""Reusable widgets of the Minutebook app."""
