"""Errors the domain raises. Each message says what was wrong and what to do."""


class DomainError(Exception):
    """Base for every refusal the domain makes; nothing has been changed."""


class NotFound(DomainError):
    pass


class Forbidden(DomainError):
    pass


class InvalidInput(DomainError):
    pass


class StaleVersion(DomainError):
    """Someone else changed the record first; reload and try again."""
