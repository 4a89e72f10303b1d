"""``sanchuang web``: serve the web pages with uvicorn.

The app is named by its import string, not imported: cli and web are sibling rooms (the
layers contract keeps them independent), and uvicorn calls the factory in its own process.
Logs are the house JSON lines (uvicorn's own formatting is off); the site writes one access
line per request itself, with its request id, so uvicorn's access log is off too.
``python -m sanchuang.cli.web`` is the same command (``sanchuang up`` starts it so)."""

from __future__ import annotations

from typing import Annotated

import typer
import uvicorn

from sanchuang.runtime.logs import configure_logging

APP_FACTORY = "sanchuang.web.app:create_app"


def web(
    host: Annotated[str, typer.Option(help="监听地址")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="监听端口")] = 8000,
) -> None:
    """启动网站：公示、异议、光荣榜、文件核验（/api/v1 为 JSON 接口）。"""
    configure_logging()  # SANCHUANG_LOG_LEVEL, else INFO: the access lines are INFO
    uvicorn.run(APP_FACTORY, factory=True, host=host, port=port, proxy_headers=False,
                log_config=None, access_log=False)


if __name__ == "__main__":
    typer.run(web)
