"""The renewals calendar (`renewals -f ics`): RFC 5545, written by the icalendar library.

It reads the renewals JSON document only, like the HTML page: an all-day event on each
deadline (a CPR/AED card's expiry too, and the end of a late window still ahead), each
with reminders 90 and 30 days before. UIDs are stable per credential and deadline, and
DTSTAMP is the day of the run, so the same input gives the same bytes.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from certadvise.render.text import clean

PRODID = "-//certadvise//renewals//EN"
UID_DOMAIN = "certadvise.invalid"  # RFC 2606: never a real host
REMINDER_DAYS = (90, 30)


def calendar_bytes(document: Mapping[str, Any]) -> bytes:
    """The calendar of a renewals document, as bytes with CRLF line ends."""
    from icalendar import Alarm, Calendar, Event

    today = dt.date.fromisoformat(document["today"])
    stamp = dt.datetime(today.year, today.month, today.day, tzinfo=dt.UTC)
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", "Credential renewals")
    for item in document["renewals"]:
        for kind, day, summary in _dates(item):
            event = Event()
            event.add("uid", f"{item['id'].lower()}-{kind}-{day.isoformat()}@{UID_DOMAIN}")
            event.add("dtstamp", stamp)
            event.add("dtstart", day)
            event.add("dtend", day + dt.timedelta(days=1))
            event.add("summary", clean(summary))
            event.add("description", clean(_description(item)))
            event.add("transp", "TRANSPARENT")
            for days in REMINDER_DAYS:
                alarm = Alarm()
                alarm.add("action", "DISPLAY")
                alarm.add("description", clean(f"{summary} in {days} days"))
                alarm.add("trigger", dt.timedelta(days=-days))
                event.add_component(alarm)
            calendar.add_component(event)
    data: bytes = calendar.to_ical()
    return data


def _dates(item: Mapping[str, Any]) -> list[tuple[str, dt.date, str]]:
    """(kind, day, summary) of each date worth an event."""
    found = []
    if item.get("expires"):
        what = "card expires" if item.get("card") else "renewal deadline"
        found.append(("deadline", dt.date.fromisoformat(item["expires"]), f"{item['id']} {what}"))
    back = item.get("way_back") or {}
    if back.get("until"):
        day = dt.date.fromisoformat(back["until"])
        kind = "late" if back["kind"] == "late renewal" else "reinstatement"
        found.append((kind, day, f"{item['id']}: {back['kind']} window ends"))
    return found


def _description(item: Mapping[str, Any]) -> str:
    lines = [f"{item['name']} ({item['organization']})", f"next step: {item['next_step']}"]
    ce = item.get("ce")
    if ce and ce.get("units") is not None:
        hours = f" ({ce['hours']:g} hours)" if ce.get("hours") is not None else ""
        lines.append(f"continuing education: {ce['units']:g} {ce.get('unit') or 'units'}{hours}")
    if item.get("fee"):
        lines.append(f"fee: {item['fee']}")
    lines += list(item.get("notes") or ())
    return "\n".join(lines)
