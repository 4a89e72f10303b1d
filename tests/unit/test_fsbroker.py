"""The server-less broker: atomic message files, and consumed ones pruned."""

import os
import time
from pathlib import Path

from sanchuang.runtime.fsbroker import prune


def test_prune_removes_only_old_consumed_messages(tmp_path: Path) -> None:
    old, new, other = (tmp_path / n for n in ("1_a.events.msg", "2_b.events.msg", "notes.txt"))
    for path in (old, new, other):
        path.write_text("{}")
    hour_ago = time.time() - 3600
    os.utime(old, (hour_ago, hour_ago))
    os.utime(other, (hour_ago, hour_ago))
    assert prune(str(tmp_path), older_than_s=600) == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == ["2_b.events.msg", "notes.txt"]
