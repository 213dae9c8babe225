"""`kept`: a property worked out once per object, as `functools.cached_property` is, without
the lock Python 3.11's takes on every first read (3.12 dropped it). certadvise keeps what
plans and evaluations work out of their steps and verdicts: thousands of first reads in a
large catalog or a cohort, never from two threads."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Generic, TypeVar, overload

T = TypeVar("T")


class kept(Generic[T]):
    """The value of `make(obj)`, kept in the object's `__dict__` on first read: later reads
    find it there and never call this descriptor again. The class needs a `__dict__` (a
    frozen dataclass has one)."""

    def __init__(self, make: Callable[[Any], T]) -> None:
        self.make, self.name = make, make.__name__
        self.__doc__ = make.__doc__

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    @overload
    def __get__(self, obj: None, owner: type | None = None) -> kept[T]: ...
    @overload
    def __get__(self, obj: object, owner: type | None = None) -> T: ...
    def __get__(self, obj: object | None, owner: type | None = None) -> kept[T] | T:
        if obj is None:
            return self
        value = obj.__dict__[self.name] = self.make(obj)
        return value
