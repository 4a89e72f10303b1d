"""The server-less broker: kombu's filesystem transport, with messages written atomically.

Kombu writes a message file in place, so a consumer polling the same folder can take the
file before its bytes are there. Here each message is written under a temporary name and
renamed into the queue, which on one filesystem is atomic."""

from __future__ import annotations

import contextlib
import os
import time
import uuid
from time import monotonic
from typing import Any

from kombu.exceptions import ChannelError
from kombu.transport import TRANSPORT_ALIASES, filesystem
from kombu.utils.json import dumps

ALIAS = "sanchuangfs"


class Channel(filesystem.Channel):
    # kombu's own filesystem.Channel._put renames AbstractChannel._put's "message" argument;
    # this keeps the signature of the class it extends.
    def _put(self, queue: str, payload: Any, **kwargs: Any) -> None:  # type: ignore[override]
        name = f"{round(monotonic() * 1000):015d}_{uuid.uuid4()}.{queue}.msg"
        final = os.path.join(self.data_folder_out, name)
        temp = os.path.join(self.data_folder_out, f".{name}.part")
        try:
            with open(temp, "wb") as file:
                file.write(dumps(payload).encode())
            os.replace(temp, final)
        except OSError as exc:
            raise ChannelError(f"cannot add message {final!r} to the queue folder") from exc


class Transport(filesystem.Transport):
    Channel = Channel


def register() -> str:
    """Make ``sanchuangfs://`` resolve to this transport; returns the broker URL."""
    TRANSPORT_ALIASES[ALIAS] = f"{__name__}:Transport"
    return f"{ALIAS}://"


def prune(processed_folder: str, older_than_s: float = 600.0) -> int:
    """Delete consumed message files older than ``older_than_s``; returns how many."""
    cutoff, removed = time.time() - older_than_s, 0
    with os.scandir(processed_folder) as entries:
        for entry in entries:
            if entry.name.endswith(".msg") and entry.stat().st_mtime < cutoff:
                with contextlib.suppress(FileNotFoundError):
                    os.remove(entry.path)
                    removed += 1
    return removed
