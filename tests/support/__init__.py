"""Helpers for tests: local servers that speak real protocols, so tests never reach a network."""
