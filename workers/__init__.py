"""Celery workers and beat: thin tasks over the message bus."""
