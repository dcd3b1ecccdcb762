"""Vietnamese text helpers: NFC normalisation, ASCII slugs, collation, dates."""

from __future__ import annotations

import datetime as dt
import functools
import re
import unicodedata

_NOT_SLUG = re.compile(r"[^a-z0-9]+")
_ALPHABET = "aăâbcdđeêghiklmnoôơpqrstuưvxy"
_LETTER_RANK = {ch: i for i, ch in enumerate(_ALPHABET)}
# Tone marks in the order Vietnamese dictionaries use: none, huyền, hỏi, ngã, sắc, nặng.
_TONES = {"\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}
_BASE_MARKS = {"\u0306", "\u0302", "\u031b"}  # breve, circumflex, horn: part of the letter


# Characters no text field may hold (controls, bidi overrides, zero-width, line and paragraph separators),
# as the patterns of common.schema.json refuse them (these are those patterns, written once more for the
# messages): a single-line field (name) refuses every one, a paragraph (text) allows tab and line feed.
_INVISIBLE = r"\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb"
SINGLE_LINE_CLASS = r"\u0000-\u001f" + _INVISIBLE
MULTI_LINE_CLASS = r"\u0000-\u0008\u000b-\u001f" + _INVISIBLE
NAME_PATTERN = rf"^(?![\s\S]*[{SINGLE_LINE_CLASS}])\S(?:[\s\S]*\S)?$"
TEXT_PATTERN = rf"^(?![\s\S]*[{MULTI_LINE_CLASS}])[\s\S]*\S"
SINGLE_LINE_REFUSED = re.compile(f"[{SINGLE_LINE_CLASS}]")
MULTI_LINE_REFUSED = re.compile(f"[{MULTI_LINE_CLASS}]")
_ESCAPES = {"\n": r"\n", "\r": r"\r", "\t": r"\t"}


def visible(text: str) -> str:
    """``text`` on one line with every invisible character written as an escape: ``Lan\\u202e``, ``a\\nb``."""
    return SINGLE_LINE_REFUSED.sub(lambda m: _ESCAPES.get(m.group(), f"\\u{ord(m.group()):04x}"), text)


# Unicode gives control characters no name; these are their usual ones.
_CONTROL_NAMES = {
    "\x00": "NULL",
    "\x07": "BELL",
    "\x08": "BACKSPACE",
    "\t": "CHARACTER TABULATION",
    "\n": "LINE FEED",
    "\x0b": "LINE TABULATION",
    "\x0c": "FORM FEED",
    "\r": "CARRIAGE RETURN",
    "\x1b": "ESCAPE",
    "\x7f": "DELETE",
    "\x85": "NEXT LINE",
}


def character_name(character: str) -> str:
    """``U+202E RIGHT-TO-LEFT OVERRIDE``: how a message names a character that cannot be shown."""
    code = f"U+{ord(character):04X}" if character else "?"
    name = (_CONTROL_NAMES.get(character) or unicodedata.name(character, "")) if character else ""
    return f"{code} {name}" if name else code


def nfc(text: str) -> str:
    """Return ``text`` in Unicode NFC, the form every string is kept in."""
    return unicodedata.normalize("NFC", text)


def slugify(text: str) -> str:
    """Turn Vietnamese text into an ASCII slug: ``Đặng Văn Đức`` → ``dang-van-duc``.

    Word by word (a space is a separator either way), each word's slug cached: names share their words.
    """
    return "-".join(slug for slug in map(_slug_word, text.split()) if slug)


@functools.lru_cache(maxsize=1 << 16)
def _slug_word(text: str) -> str:
    text = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).lower()
    return _NOT_SLUG.sub("-", text).strip("-")


def fold(text: str) -> str:
    """Lowercase ASCII form used to match text typed without diacritics."""
    return " ".join(slugify(text).split("-"))


def _letter_key(ch: str) -> tuple[tuple[int, int], int]:
    """(letter rank, tone) of one character, for collation."""
    decomposed = unicodedata.normalize("NFD", ch.lower())
    base = decomposed[0]
    marks = decomposed[1:]
    tone = 0
    kept = ""
    for mark in marks:
        if mark in _TONES:
            tone = _TONES[mark]
        elif mark in _BASE_MARKS:
            kept += mark
    letter = unicodedata.normalize("NFC", base + kept)
    if letter in _LETTER_RANK:
        return (0, _LETTER_RANK[letter]), tone
    return (1, ord(letter)), tone


@functools.cache  # names and titles repeat across thousands of rows
def sort_key(text: str) -> tuple[tuple[tuple[int, int], ...], tuple[int, ...], str]:
    """Vietnamese collation: letters first (a ă â … đ … ư), tones second."""
    keys = [_letter_key(ch) for ch in nfc(text)]
    return tuple(k for k, _ in keys), tuple(t for _, t in keys), text


@functools.cache
def name_sort_key(full_name: str) -> tuple[object, ...]:
    """Sort people by given name, then middle names, then family name."""
    words = nfc(full_name).split()
    if not words:
        return ()
    ordered = [words[-1], *words[1:-1], words[0]] if len(words) > 1 else words
    return tuple(sort_key(word) for word in ordered)


def lower_first(text: str) -> str:
    """``Đang nhận hồ sơ`` → ``đang nhận hồ sơ``: a label inside a sentence."""
    return text[:1].lower() + text[1:]


def decimal(value: float) -> str:
    """A number the Vietnamese way: ``2,5``, ``99,2``, ``7``."""
    return f"{value:g}".replace(".", ",")


def dong(value: int) -> str:
    """A sum of money the Vietnamese way, thousands separated by dots: ``2.340.000``."""
    return f"{value:,}".replace(",", ".")


def document_date(value: dt.date) -> str:
    """Date as written in documents (Nghị định 30/2020): ``ngày 05 tháng 12 năm 2025``."""
    return f"ngày {value.day:02d} tháng {value.month:02d} năm {value.year}"


def table_date(value: dt.date) -> str:
    """Date as written in tables: ``05/12/2025``."""
    return f"{value.day:02d}/{value.month:02d}/{value.year}"
