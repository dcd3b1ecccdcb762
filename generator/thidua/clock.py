"""The one place that turns the outside world's time into the as-of date."""

from __future__ import annotations

import datetime as dt
import os

VIETNAM = dt.timezone(dt.timedelta(hours=7), "Asia/Ho_Chi_Minh")  # no daylight saving


def as_of_date(option: str | None) -> dt.date:
    """``--as-of``, else ``SOURCE_DATE_EPOCH``, else today, all in Asia/Ho_Chi_Minh."""
    if option:
        return dt.date.fromisoformat(option)
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        if not epoch.isdigit():
            raise ValueError(f"SOURCE_DATE_EPOCH phải là số giây kể từ 1970 (ví dụ 1764892800), không phải «{epoch}»")
        return dt.datetime.fromtimestamp(int(epoch), VIETNAM).date()
    return dt.datetime.now(VIETNAM).date()


def epoch_of(day: dt.date) -> int:
    """Seconds since 1970 at the start of ``day`` in Vietnam (for SOURCE_DATE_EPOCH)."""
    return int(dt.datetime.combine(day, dt.time(), VIETNAM).timestamp())
