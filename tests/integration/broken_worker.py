"""A real worker (``workers.__main__.main``) with one extra bootstep that fails as it starts:
how a test makes a worker stop on an unrecoverable error. Settings come from SANCHUANG_*."""

from __future__ import annotations

import sys

from celery import bootsteps

from workers.__main__ import main
from workers.app import create_app


class FailsOnStart(bootsteps.StartStopStep):
    def start(self, parent: object) -> None:
        raise RuntimeError("a bootstep failed on purpose")


if __name__ == "__main__":
    app = create_app()
    app.steps["worker"].add(FailsOnStart)
    sys.exit(main(["worker", "-c", "1"], app))
