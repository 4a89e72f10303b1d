"""``python -m workers worker|beat [celery options]``: start a worker or the beat."""

from __future__ import annotations

import sys

from sanchuang.runtime.celeryconfig import EVENTS, NOTIFICATIONS, SWEEPS
from sanchuang.runtime.logs import configure_logging
from sanchuang.settings import get_settings
from workers.app import create_app


def main(argv: list[str]) -> None:
    settings = get_settings()
    configure_logging()
    app = create_app(settings)
    role, extra = (argv[0] if argv else "worker"), argv[1:]
    if role == "worker":
        app.worker_main(["worker", "-Q", f"{EVENTS},{NOTIFICATIONS},{SWEEPS}",
                         "-c", str(settings.worker_concurrency), "--without-gossip",
                         "--without-mingle", "--without-heartbeat", "-l", "INFO", *extra])
    elif role == "beat":
        app.start(["beat", "-l", "INFO", *extra])
    else:
        sys.exit(f"unknown role {role!r}: use 'worker' or 'beat'")


if __name__ == "__main__":
    main(sys.argv[1:])
