"""``sanchuang web``: serve the web pages with uvicorn.

The app is named by its import string, not imported: cli and web are sibling rooms (the
layers contract keeps them independent), and uvicorn calls the factory in its own process."""

from __future__ import annotations

from typing import Annotated

import typer
import uvicorn

APP_FACTORY = "sanchuang.web.app:create_app"


def web(
    host: Annotated[str, typer.Option(help="监听地址")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="监听端口")] = 8000,
) -> None:
    """启动网站：公示、异议、光荣榜、文件核验（/api/v1 为 JSON 接口）。"""
    uvicorn.run(APP_FACTORY, factory=True, host=host, port=port, proxy_headers=False)
