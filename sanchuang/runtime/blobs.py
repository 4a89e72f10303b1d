"""The blob store adapter: attachment bytes in a folder, one file per content hash."""

from __future__ import annotations

import re
from pathlib import Path

from sanchuang.runtime.files import write_atomically
from workflows.attachments import DEFAULT_MAX_BYTES, content_hash
from workflows.errors import NotFound

_HASH = re.compile(r"[0-9a-f]{64}")


class FolderBlobStore:
    """``root/ab/cd/<sha256>``. A write goes to a temporary file in the target folder and is
    renamed into place (``os.replace``), so a reader never sees half a file and writing the
    same bytes twice leaves one file."""

    def __init__(self, root: Path | str, max_bytes: int = DEFAULT_MAX_BYTES):
        self.root, self.max_bytes = Path(root), max_bytes

    def path(self, digest: str) -> Path:
        if not _HASH.fullmatch(digest):
            raise NotFound(f"附件编号 {digest!r} 不是有效的 sha256 摘要")
        return self.root / digest[:2] / digest[2:4] / digest

    def put(self, content: bytes) -> str:
        digest = content_hash(content)
        target = self.path(digest)
        if target.exists():
            return digest
        write_atomically(target, content)
        return digest

    def read(self, digest: str) -> bytes:
        try:
            return self.path(digest).read_bytes()
        except FileNotFoundError:
            raise NotFound(f"附件文件 {digest} 不在附件存储中，请联系管理员恢复") from None

    def exists(self, digest: str) -> bool:
        return self.path(digest).exists()
