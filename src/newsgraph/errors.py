"""The errors callers catch; the CLI maps them to exit codes in one place."""

from __future__ import annotations


class NewsgraphError(Exception):
    """Base of every error newsgraph raises on purpose. Exit code 2 unless a subclass says."""

    exit_code = 2


class InputError(NewsgraphError):
    """An input cannot be read as articles: the message names the file, the line and the fix."""


class ModelError(NewsgraphError):
    """The requested spaCy pipeline cannot be loaded."""


class GraphError(NewsgraphError):
    """A graph file given to a command cannot be read."""


class NotConformingError(NewsgraphError):
    """The graph does not conform to the shapes and the caller asked to be strict."""

    exit_code = 1


class PushError(NewsgraphError):
    """An upload to a SPARQL server failed: the message names the endpoint and the fix."""
