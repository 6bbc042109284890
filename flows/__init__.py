"""Prefect wiring for newsfacts: thin tasks over the domain package, no domain logic."""
