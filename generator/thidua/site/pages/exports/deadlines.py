"""A campaign's dated steps as an iCalendar file a phone's calendar imports: the dossier deadline, the postings of the
proposed list, the council's sessions and the decisions; nothing dated after the as-of date but what the plan fixes.

Every event lasts whole days (the dates are Vietnam's: the calendar says Asia/Ho_Chi_Minh); the deadline and the last
day of a posting carry a reminder three days before, at 9 in the morning. The same records and as-of date give the
same bytes: each event's UID is the campaign's id and the step's kind (and the record's id where a step repeats), and
its DTSTAMP the start of the as-of date.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from urllib.parse import urlsplit

import icalendar

from ....clock import epoch_of
from ....evaluation.results import CampaignResult
from ....model.campaign import Campaign
from ....text import table_date
from ...page import Site

TIME_ZONE = "Asia/Ho_Chi_Minh"
REMINDER_DAYS = 3
REMINDER_HOUR = 9
_DECISIONS = {"khen-thuong": "Quyết định khen thưởng", "huy-bo": "Quyết định hủy bỏ khen thưởng"}


@dataclass(frozen=True)
class Step:
    """One dated step of a campaign."""

    kind: str  # ASCII: han-nop-ho-so, cong-khai, hop-hoi-dong, quyet-dinh
    record: str | None  # the record it comes from, where the kind can repeat
    first: dt.date
    last: dt.date  # the last day it lasts (included)
    summary: str
    description: str
    reminder: bool  # a reminder before its last day: something readers must do by then


def steps(site: Site, c: Campaign, result: CampaignResult) -> list[Step]:
    """The campaign's dated steps known on the as-of date, in date order."""
    registry = site.registry
    name = f"{c.short_name or c.name} {c.year}"
    found = []
    if c.deadline:
        receiver = f", gửi về {registry.units[c.deadline_receiver].name}" if c.deadline_receiver else ""
        found.append(
            Step(
                "han-nop-ho-so",
                None,
                c.deadline,
                c.deadline,
                f"Hạn chót nộp hồ sơ đề nghị khen thưởng: {name}",
                f"Phong trào “{c.name}” năm {c.year}: hồ sơ đề nghị khen thưởng nộp đến hết ngày "
                f"{table_date(c.deadline)} theo giờ Việt Nam{receiver}.",
                True,
            )
        )
    rule = c.posting
    for posting in registry.postings.get(c.id, ()) if rule else ():
        if rule and posting.date <= site.as_of:
            last = rule.last_day(posting.date)
            found.append(
                Step(
                    "cong-khai",
                    posting.id,
                    posting.date,
                    last,
                    f"Công khai danh sách đề nghị khen thưởng: {name}",
                    f"Danh sách đề nghị khen thưởng của phong trào “{c.name}” năm {c.year} được công khai tại "
                    f"{rule.where} từ ngày {table_date(posting.date)} đến hết ngày {table_date(last)}; "
                    f"ý kiến gửi về {registry.units[rule.receiver].name}.",
                    True,
                )
            )
    for meeting in result.sessions:  # held by the as-of date
        council = registry.councils.get(meeting.council)
        who = council.name if council else "Hội đồng Thi đua - Khen thưởng"
        found.append(
            Step(
                "hop-hoi-dong",
                meeting.id,
                meeting.date,
                meeting.date,
                f"Họp xét khen thưởng: {name}",
                f"Phiên họp của {who} xét khen thưởng phong trào “{c.name}” năm {c.year}.",
                False,
            )
        )
    for decision in registry.decisions.get(c.id, ()):
        if decision.date <= site.as_of:
            title = _DECISIONS.get(decision.kind, "Quyết định")
            found.append(
                Step(
                    "quyet-dinh",
                    decision.id,
                    decision.date,
                    decision.date,
                    f"{title} số {decision.number}: {name}",
                    f"{title} số {decision.number} ngày {table_date(decision.date)}, phong trào “{c.name}” năm {c.year}.",
                    False,
                )
            )
    return sorted(found, key=lambda s: (s.first, s.kind, s.record or ""))


def _plan_url(site: Site, c: Campaign) -> str | None:
    """The plan page's address on the published site, where mkdocs.yml gives one."""
    base = site.publishing.site_url
    if base is None:
        return None
    return f"{base}phong-trao/{c.id}/" + ("" if site.publishing.directory_urls else "index.html")


def calendar_bytes(site: Site, c: Campaign, found: list[Step]) -> bytes:
    """The steps as an iCalendar (RFC 5545) file."""
    url = _plan_url(site, c)
    host = urlsplit(url).hostname if url else None
    stamp = dt.datetime.fromtimestamp(epoch_of(site.as_of), dt.UTC)
    calendar = icalendar.Calendar()
    calendar.add("prodid", "-//thidua//Phong trào thi đua - khen thưởng//VI")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", f"Các mốc thời hạn: {c.name} {c.year}")
    calendar.add("x-wr-caldesc", f"Số liệu tính đến ngày {table_date(site.as_of)}.")
    calendar.add("x-wr-timezone", TIME_ZONE)
    for step in found:
        event = icalendar.Event()
        event.add("uid", "-".join(filter(None, (c.id, step.kind, step.record))) + f"@{host or 'thidua'}")
        event.add("dtstamp", stamp)
        event.add("dtstart", step.first)
        event.add("dtend", step.last + dt.timedelta(days=1))  # the day after: all-day events end there
        event.add("transp", "TRANSPARENT")
        event.add("summary", step.summary)
        event.add("description", step.description)
        if url:
            event.add("url", url)
        if step.reminder:
            alarm = icalendar.Alarm()
            alarm.add("action", "DISPLAY")
            alarm.add("description", f"Còn {REMINDER_DAYS} ngày: {step.summary}")
            # From the event's start (the midnight its first day begins), the most widely read form of a trigger.
            alarm.add("trigger", dt.timedelta(days=(step.last - step.first).days - REMINDER_DAYS, hours=REMINDER_HOUR))
            event.add_component(alarm)
        calendar.add_component(event)
    return bytes(calendar.to_ical())
