#!/usr/bin/env python3
"""Keep the English catalog of the web pages complete: rewrite
sanchuang/web/locale/en.po with every text the pages use, then list the texts that still
need English (exit status 1 while any do). ``--check`` only lists."""

from __future__ import annotations

import sys

from sanchuang.web.catalog import missing, po_path, updated

if __name__ == "__main__":
    if "--check" not in sys.argv:
        po_path().write_bytes(updated())
    gaps = missing()
    for text in gaps:
        print(f"no English for: {text}")
    sys.exit(1 if gaps else 0)
