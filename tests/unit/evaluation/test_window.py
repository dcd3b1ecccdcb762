"""The evidence window and its declared boundary rule: which days count, for items and for spans of time."""

from __future__ import annotations

import datetime as dt

import pytest

from thidua.model.campaign import Window

START, END = dt.date(2024, 9, 1), dt.date(2025, 9, 1)  # "từ 01/09/2024 đến 01/09/2025"
BEFORE, AFTER = dt.date(2024, 8, 31), dt.date(2025, 9, 2)


@pytest.mark.parametrize(
    ("ends", "start_counts", "end_counts"),
    [
        ("both", True, True),
        ("start", True, False),
        ("end", False, True),
        ("none", False, False),
    ],
)
def test_each_end_day_counts_only_if_the_plan_says_so(ends: str, start_counts: bool, end_counts: bool) -> None:
    """An item dated on the first or the last day counts as ``ends`` declares; days inside always, outside never."""
    window = Window(START, END, ends)
    assert window.contains(START) is start_counts
    assert window.contains(END) is end_counts
    assert window.contains(dt.date(2025, 3, 1)) and not window.contains(BEFORE) and not window.contains(AFTER)
    assert window.last_day == (END if end_counts else END - dt.timedelta(days=1))


@pytest.mark.parametrize(
    ("ends", "touching_start", "touching_end"),
    [
        ("both", True, True),
        ("start", True, False),
        ("end", False, True),
        ("none", False, False),
    ],
)
def test_a_span_touching_an_end_day_overlaps_only_if_that_day_counts(ends: str, touching_start: bool, touching_end: bool) -> None:
    """A discipline case ending on the first day, or starting on the last day, falls in the window as ``ends`` says;
    a case still running (no end) from before the window overlaps it."""
    window = Window(START, END, ends)
    assert window.overlaps(dt.date(2024, 8, 1), START) is touching_start
    assert window.overlaps(END, dt.date(2025, 10, 1)) is touching_end
    assert window.overlaps(dt.date(2024, 1, 1), None)
    assert not window.overlaps(dt.date(2024, 1, 1), BEFORE)
