"""Kroniek: a sourced chronicle of armed conflict and political violence, extracted from news."""

__version__ = "0.1.0"
