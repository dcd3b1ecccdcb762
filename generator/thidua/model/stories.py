"""Exemplary people and deeds (gương điển hình): short stories the culture office publishes."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from ..text import table_date


@dataclass(frozen=True)
class Consent:
    """The written agreement of the person in a photo to its publication."""

    date: dt.date
    document: str | None  # the agreement as cited: "Giấy đồng ý số 01/GĐY ngày 03/11/2025", or a line of text


@dataclass(frozen=True)
class Photo:
    file: str  # relative to the repository root
    caption: str
    consent: Consent | None  # the schema requires it; None still means "never publish"

    @property
    def suffix(self) -> str:
        """The published file's extension: ``png`` or ``jpg``."""
        ext = self.file.rsplit(".", 1)[-1].lower()
        return "jpg" if ext == "jpeg" else ext


@dataclass(frozen=True)
class Story:
    id: str
    title: str
    date: dt.date
    unit: str
    person: str | None
    campaign: str | None
    summary: str
    body: tuple[str, ...]
    written_by: str
    photo: Photo | None
    fictional: bool

    @property
    def published_photo(self) -> Photo | None:
        """The photo, only if its publication was agreed to on or before the story's date."""
        photo = self.photo
        if photo is None or photo.consent is None or photo.consent.date > self.date:
            return None
        return photo


def _document(value: Any) -> str | None:
    if value is None or isinstance(value, str):
        return value
    issuer = f" của {value['issuer']}" if value.get("issuer") else ""
    return f"{value['kind']} số {value['number']} ngày {table_date(dt.date.fromisoformat(value['date']))}{issuer}"


def story_from(data: dict[str, Any]) -> Story:
    photo = data.get("photo")
    consent = photo.get("consent") if photo else None
    return Story(
        data["id"],
        data["title"],
        dt.date.fromisoformat(data["date"]),
        data["unit"],
        data.get("person"),
        data.get("campaign"),
        data["summary"],
        tuple(data["body"]),
        data["written_by"],
        Photo(
            photo["file"],
            photo["caption"],
            Consent(dt.date.fromisoformat(consent["date"]), _document(consent.get("document"))) if consent else None,
        )
        if photo
        else None,
        bool(data.get("fictional", False)),
    )
