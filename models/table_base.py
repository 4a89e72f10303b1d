"""What every table shares: the typed ``__table__`` and the column helpers."""

from __future__ import annotations

from typing import Any, ClassVar

from sqlalchemy import Column, Table
from sqlmodel import Field, SQLModel

from models.types import Json, UTCDateTime


def when(nullable: bool = False, index: bool = False) -> Any:
    return Field(default=None, sa_column=Column(UTCDateTime(), nullable=nullable, index=index))


def json_field(default: Any = None) -> Any:
    def factory() -> Any:
        return {} if default is None else list(default)

    return Field(default_factory=factory, sa_column=Column(Json, nullable=False))


class TableModel(SQLModel):
    """The base of every table class. SQLAlchemy gives each one its ``__table__``, which
    SQLModel does not declare: declared here, ``Model.__table__.c.name`` is a typed Core
    column to write SQL expressions with."""

    __table__: ClassVar[Table]
