"""The one place where a refused command becomes ``未执行：…`` on stderr and exit status 2."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any, TypeVar

import typer

from workflows.errors import DomainError

F = TypeVar("F", bound=Callable[..., Any])
REFUSED_EXIT = 2


def refusal_message(refusal: DomainError) -> str:
    return f"未执行：{refusal}（未做任何修改）"


def refuse(refusal: DomainError) -> typer.Exit:
    """Print the refusal; the caller raises what this returns."""
    typer.echo(refusal_message(refusal), err=True)
    return typer.Exit(REFUSED_EXIT)


def refusals(command: F) -> F:
    """A DomainError raised by the command is printed as a refusal, with exit status 2."""
    @functools.wraps(command)
    def run(*args: Any, **kwargs: Any) -> Any:
        try:
            return command(*args, **kwargs)
        except DomainError as refusal:
            raise refuse(refusal) from None
    return run  # type: ignore[return-value]


def file_refusal(error: OSError) -> typer.Exit:
    """A file the user named could not be read or written: ``未执行：无法读写文件 …：<reason>``
    on stderr; the caller raises (or exits with) what this returns."""
    name = error.filename if error.filename is not None else "（未知文件）"
    reason = error.strerror or type(error).__name__
    typer.echo(f"未执行：无法读写文件 {name}：{reason}（未做任何修改）", err=True)
    return typer.Exit(REFUSED_EXIT)
