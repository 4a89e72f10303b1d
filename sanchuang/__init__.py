"""Adapters around the civility-ratings domain: storage, workers, CLI and seed data."""
