"""``sanchuang web``: serve the web pages with uvicorn."""

from __future__ import annotations

from typing import Annotated

import typer
import uvicorn

from sanchuang.web.app import create_app


def web(
    host: Annotated[str, typer.Option(help="监听地址")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="监听端口")] = 8000,
) -> None:
    """启动网站：公示、异议、光荣榜、文件核验（/api/v1 为 JSON 接口）。"""
    uvicorn.run(create_app(), host=host, port=port, proxy_headers=False)
