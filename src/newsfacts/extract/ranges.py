"""Character ranges of a body, sorted once and asked which of them touch a point or a range.

The rules ask "is this offset inside a quote", "does this span overlap a date", "who is named between here and there"
thousands of times per article. Scanning every range for each question is quadratic in the length of the text: harmless
on a news story, hours on a long transcript. A range [a, b) touching [s, e) starts before e and no earlier than s minus
the longest range's length, so each question bisects to that window and reads only what lies in it.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right, insort
from collections.abc import Callable, Iterable, Iterator
from typing import Generic, TypeVar

T = TypeVar("T")


def _start(item: tuple) -> int:
    return item[0]


class Ranges(Generic[T]):
    """(start, end, value) triples ordered by start, then end; `add` keeps the order."""

    def __init__(self, items: Iterable[tuple[int, int, T]] = ()) -> None:
        self._items: list[tuple[int, int, T]] = sorted(items, key=lambda it: (it[0], it[1]))
        self._reach = max((b - a for a, b, _ in self._items), default=0)

    def __len__(self) -> int:
        return len(self._items)

    def add(self, start: int, end: int, value: T) -> None:
        insort(self._items, (start, end, value), key=lambda it: (it[0], it[1]))
        self._reach = max(self._reach, end - start)

    def _window(self, lo: int, hi: int) -> list[tuple[int, int, T]]:
        """Items starting in [lo - longest, hi): every item that may touch [lo, hi)."""
        i = bisect_left(self._items, lo - self._reach, key=_start)
        return self._items[i : bisect_left(self._items, hi, key=_start, lo=i)]

    def overlapping(self, start: int, end: int) -> Iterator[tuple[int, int, T]]:
        """Items [a, b) with a < end and start < b, in order."""
        return (it for it in self._window(start, end) if start < it[1] and it[0] < end)

    def covering(self, at: int) -> Iterator[tuple[int, int, T]]:
        """Items [a, b) with a <= at < b, in order."""
        i = bisect_left(self._items, at - self._reach, key=_start)
        j = bisect_right(self._items, at, key=_start, lo=i)
        return (it for it in self._items[i:j] if at < it[1])

    def starting_in(self, lo: int, hi: int) -> list[tuple[int, int, T]]:
        """Items starting in [lo, hi), in order."""
        i = bisect_left(self._items, lo, key=_start)
        return self._items[i : bisect_left(self._items, hi, key=_start, lo=i)]

    def last_ending_by(self, at: int, keep: Callable[[T], bool] = lambda _: True) -> tuple[int, int, T] | None:
        """The last item, in order, that ends at or before `at` and whose value `keep` accepts."""
        for i in range(bisect_right(self._items, at, key=_start) - 1, -1, -1):
            item = self._items[i]
            if item[1] <= at and keep(item[2]):
                return item
        return None

    def overlaps(self, start: int, end: int) -> bool:
        return next(self.overlapping(start, end), None) is not None

    def covers(self, at: int) -> bool:
        return next(self.covering(at), None) is not None
