"""``python -m workers worker|beat [celery options]``: start a worker or the beat.

The process exits with Celery's own status: 0 after a requested shutdown, non-zero when the
worker stopped on an unrecoverable error. ``Celery.worker_main`` and ``Celery.start`` drop that
status (they return None), so a worker that crashed used to exit 0 and a supervisor that
restarts only on failure left it dead."""

from __future__ import annotations

import sys

from celery import Celery
from celery.bin.celery import celery as celery_command

from sanchuang.runtime.celeryconfig import EVENTS, NOTIFICATIONS, SWEEPS
from sanchuang.runtime.logs import configure_logging
from sanchuang.settings import Settings, get_settings
from workers.app import create_app
from workers.claim import EX_REFUSED, NOT_INITIALISED, WorkerClaim, identity, keep_claim


def worker_argv(settings: Settings, extra: list[str]) -> list[str]:
    return ["worker", "-Q", f"{EVENTS},{NOTIFICATIONS},{SWEEPS}",
            "-c", str(settings.worker_concurrency), "--without-gossip",
            "--without-mingle", "--without-heartbeat", "-l", "INFO", *extra]


def run(app: Celery, argv: list[str]) -> int:
    """``app.start(argv)``, but returning the exit status the command ended with."""
    celery_command.params[0].default = app  # as Celery.start does: the --app default
    try:
        return int(celery_command.main(args=argv, standalone_mode=False) or 0)
    finally:
        celery_command.params[0].default = None


def refuse(reason: str) -> int:
    print(reason, file=sys.stderr)
    return EX_REFUSED


def run_worker(app: Celery, settings: Settings, extra: list[str]) -> int:
    """A worker; on a Redis broker, only when the broker is not another store's."""
    if not settings.embedded:
        ours = identity(settings)
        if ours is None:
            return refuse(NOT_INITIALISED)
        claim = WorkerClaim(settings, ours)
        refused = claim.refusal()
        if refused:
            return refuse(refused)
        app.steps["worker"].add(keep_claim(claim))
    return run(app, worker_argv(settings, extra))


def main(argv: list[str], app: Celery | None = None) -> int:
    """Run the role; returns the exit status."""
    settings = get_settings()
    configure_logging()
    app = app or create_app(settings)
    role, extra = (argv[0] if argv else "worker"), argv[1:]
    if role == "worker":
        return run_worker(app, settings, extra)
    if role == "beat":
        return run(app, ["beat", "-l", "INFO", *extra])
    sys.exit(f"unknown role {role!r}: use 'worker' or 'beat'")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
