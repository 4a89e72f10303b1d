"""The Celery app, built by a factory: the queues, the beat schedule and the tasks."""

from __future__ import annotations

from celery import Celery

from sanchuang.runtime.celeryconfig import SWEEPS, celery_config
from sanchuang.settings import Settings, get_settings
from workers import tasks


def create_app(settings: Settings | None = None) -> Celery:
    settings = settings or get_settings()
    app = Celery("sanchuang")
    app.conf.update(celery_config(settings))
    app.conf.beat_schedule = {
        "close-due-publicity": {"task": "sanchuang.sweep_publicity",
                                "schedule": settings.sweep_seconds,
                                "options": {"queue": SWEEPS, "expires": settings.sweep_seconds}},
        "sweep-outbox": {"task": "sanchuang.sweep_outbox", "schedule": settings.sweep_seconds,
                         "options": {"queue": SWEEPS, "expires": settings.sweep_seconds}},
        # Cheap when the day's reminders are out: one look-up of the day.
        "remind-deadlines": {"task": "sanchuang.remind_deadlines",
                             "schedule": settings.sweep_seconds,
                             "options": {"queue": SWEEPS, "expires": settings.sweep_seconds}},
    }
    app.conf.beat_schedule_filename = str(settings.data_dir / "celerybeat-schedule")
    tasks.register(app, settings)
    return app
