"""Files people name: read only when they are what they claim, written all or nothing."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from workflows.errors import InvalidInput


def write_atomically(target: Path, data: bytes) -> None:
    """Write to a temporary file beside ``target``, flush it to disk, then rename it over
    ``target`` (atomic on one filesystem). A failure leaves no partial file."""
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temp = tempfile.mkstemp(dir=target.parent, prefix=".", suffix=".part")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temp, target)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


class UnreadableFile(InvalidInput):
    """A named file that is not read: ``why`` says what is wrong with it."""

    def __init__(self, what: str, path: Path, why: str) -> None:
        self.why = why
        super().__init__(f"{what} {path} {why}")


def read_named_file(path: Path, limit: int, what: str) -> bytes:
    """The bytes of a file a person named: a regular file, never a link (it may point at
    /etc/shadow) nor a device (/dev/zero never ends), read no further than one byte past
    ``limit``. Anything else is refused before a byte is read."""
    if path.is_symlink():
        raise UnreadableFile(what, path, "不是普通文件（是一个链接）：请直接给出文件本身")
    if not path.is_file():
        raise UnreadableFile(what, path, "不是普通文件（不存在、是文件夹或设备）：请检查路径")
    with path.open("rb") as stream:
        data = stream.read(limit + 1)
    if len(data) > limit:
        raise UnreadableFile(what, path, f"太大：不能超过 {limit // 1024} KB")
    return data
