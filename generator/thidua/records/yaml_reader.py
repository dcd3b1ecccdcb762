"""Read one YAML record into plain data, with the source position of every value.

The file is read event by event (PyYAML's C parser where available), so that
nothing is ever expanded or constructed beyond plain mappings, lists and
scalars: no tags, no anchors or aliases, no merge keys, bounded depth and size.
Dates are kept as the text the user wrote, so that quoted and unquoted dates
read the same and an impossible date is reported by the schema, not here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Any, cast

import yaml

from ..problems import PRIVATE_KEY, Problem, RecordError
from ..text import character_name, nfc

MAX_BYTES = 16 * 1024 * 1024  # a province-wide rating of 50,000 people is about 3.7 MB
MAX_DEPTH = 24

Path = tuple[str | int, ...]

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_TAG = "tag:yaml.org,2002:"


@dataclass(frozen=True)
class Position:
    line: int
    column: int


class Document:
    """A parsed record file: its data and, worked out when first asked, where each value and key stands.

    Most records are never reported on, so positions are not recorded while reading: the
    first question about a place reads the text again, event by event, with positions.
    """

    def __init__(self, path: str, data: Any, text: str = "") -> None:
        self.path = path
        self.data = data
        self.text = text
        self._places: tuple[dict[Path, Position], dict[Path, Position], dict[Path, str]] | None = None

    def _located(self) -> tuple[dict[Path, Position], dict[Path, Position], dict[Path, str]]:
        if self._places is None:
            text = self.text
            located = parse(self.path, text, positions=True) if text else None
            self._places = located._places if located and located._places else ({}, {}, {})
        return self._places

    @property
    def values(self) -> dict[Path, Position]:
        return self._located()[0]

    @property
    def keys(self) -> dict[Path, Position]:
        return self._located()[1]

    @property
    def raw(self) -> dict[Path, str]:
        """The text of values that were read as numbers, booleans or null, as the user wrote it."""
        return self._located()[2]

    def position(self, path: Path, *, key: bool = False) -> Position:
        """Position of the value at ``path`` (or of its key), else of its nearest parent."""
        values, keys, _ = self._located()
        path = tuple(path)
        while True:
            if key and path in keys:
                return keys[path]
            if path in values:
                return values[path]
            if not path:
                return Position(1, 1)
            path = path[:-1]


def _pos(mark: Any) -> Position:
    return Position(mark.line + 1, mark.column + 1)


_INDENTATION = (
    "Thụt lề không đúng: dòng này phải thẳng cột với các trường cùng cấp ở trên "
    "(thụt vào 2 dấu cách cho mỗi bậc); hãy sửa khoảng trắng đầu dòng."
)

_SYNTAX_HINTS = (
    ("could not find expected ':'", "Thiếu dấu hai chấm (:) sau tên trường, hoặc một dòng bị thụt lề sai."),
    ("expected <block end>", _INDENTATION),
    ("did not find expected key", _INDENTATION),
    ("did not find expected '-' indicator", 'Thụt lề không đúng trong danh sách: mỗi mục bắt đầu bằng "- " thẳng cột với nhau.'),
    ("while scanning a quoted scalar", 'Chuỗi trong ngoặc kép chưa được đóng; hãy thêm dấu " ở cuối.'),
    ("found unexpected end of stream", "Tệp kết thúc khi một chuỗi trong ngoặc kép hoặc ngoặc vuông chưa đóng; hãy đóng ngoặc."),
    ("found unknown escape character", "Chuỗi trong ngoặc kép có dấu \\ không hợp lệ; dùng ngoặc đơn '…' hoặc viết \\\\."),
    ("special characters are not allowed", "Tệp có ký tự điều khiển không in được; hãy xóa ký tự đó."),
    ("unacceptable character", "Tệp có ký tự điều khiển không in được; hãy xóa ký tự đó."),
    (
        "found character that cannot start any token",
        "Có ký tự không thể đứng đầu giá trị (ví dụ @ hoặc `); hãy đặt giá trị trong ngoặc kép.",
    ),
    ("while parsing a flow", "Ngoặc vuông [ ] hoặc ngoặc nhọn { } chưa đóng hoặc thừa dấu phẩy."),
)


_TAB_MESSAGE = "Không dùng phím Tab để thụt lề; hãy dùng dấu cách (2 dấu cách mỗi bậc)."


_NO_SPACE = re.compile(r"^\s*(?:-\s+)?[A-Za-z_][\w-]*:[^\s:/]")
_KEY_VALUE_COLON = re.compile(r"^\s*(?:-\s+)?[A-Za-z_][\w-]*:\s+[^\"'].*:\s")


def _missing_space(lines: list[str], line: int) -> tuple[int, int, str] | None:
    """A "key:value" without its space on this line or the two above (it makes the next lines look wrong)."""
    for back in range(line, max(line - 3, -1), -1):
        text = lines[back] if back < len(lines) else ""
        if _NO_SPACE.match(text) and not text.strip().startswith("#"):
            at = text.index(":") + 1
            value = "…" if _inside_private(lines, back) else text[at:].strip()  # a private value is never shown
            return back + 1, at + 1, f"Thiếu dấu cách sau dấu hai chấm; hãy viết «{text[:at].strip()} {value}»."
    return None


def _inside_private(lines: list[str], index: int) -> bool:
    """Whether line ``index`` stands inside a ``private:`` block, as its indentation says."""
    depth = len(lines[index]) - len(lines[index].lstrip())
    for text in reversed(lines[:index]):
        stripped = text.strip()
        indent = len(text) - len(text.lstrip())
        if not stripped or stripped.startswith("#") or indent >= depth:
            continue
        if stripped.removeprefix("- ").split(":", 1)[0].strip() == PRIVATE_KEY:
            return True
        depth = indent
        if depth == 0:
            break
    return False


def _syntax_problem(exc: yaml.MarkedYAMLError, source: str) -> tuple[int, int, str]:
    """Line, column (1-based) and a Vietnamese message for a YAML syntax error."""
    mark = exc.problem_mark or exc.context_mark
    line, column = (mark.line, mark.column) if mark else (0, 0)
    if exc.context_mark is not None and "quoted scalar" in str(exc.context or ""):
        line, column = exc.context_mark.line, exc.context_mark.column  # an unclosed quote: where it opens
    lines = source.splitlines()
    here = lines[line] if line < len(lines) else ""
    if "\t" in here[: column + 1]:
        return line + 1, here.index("\t") + 1, _TAB_MESSAGE
    missing_space = _missing_space(lines, line)
    if missing_space:
        return missing_space
    problem = " ".join(str(part) for part in (exc.context or "", exc.problem or "") if part)
    if "mapping values are not allowed" in problem:
        if _KEY_VALUE_COLON.match(here):
            return (
                line + 1,
                column + 1,
                ('Giá trị có chứa dấu hai chấm (:); hãy đặt cả giá trị trong ngoặc kép, ví dụ: tên: "giá trị: có dấu hai chấm".'),
            )
        return line + 1, len(here) - len(here.lstrip()) + 1, _INDENTATION
    for needle, message in _SYNTAX_HINTS:
        if needle in problem:
            start = len(here) - len(here.lstrip()) + 1 if message == _INDENTATION else column + 1
            return line + 1, start, message
    return line + 1, column + 1, "Cú pháp YAML không hợp lệ ở đây; hãy kiểm tra thụt lề, dấu hai chấm và ngoặc kép."


def decode(path: str, content: bytes) -> str:
    """UTF-8 text of a record file, or a RecordError naming the bad byte."""
    if len(content) > MAX_BYTES:
        raise RecordError(
            Problem(
                path,
                1,
                1,
                "file-too-large",
                f"Tệp quá lớn ({-(-len(content) // 1024)} KB, tối đa {MAX_BYTES // 1024} KB); "
                "mỗi hồ sơ nên là một tệp nhỏ, hãy tách thành nhiều tệp.",
            )
        )
    try:
        text = content.decode("utf-8")
    except UnicodeDecodeError as exc:
        before = content[: exc.start]
        line = before.count(b"\n") + 1
        column = len(before[before.rfind(b"\n") + 1 :].decode("utf-8", "replace")) + 1
        raise RecordError(
            Problem(
                path,
                line,
                column,
                "not-utf8",
                f"Tệp không phải UTF-8 (byte 0x{content[exc.start]:02X}); hãy lưu lại tệp với bảng mã UTF-8.",
            )
        ) from None
    return text.removeprefix("\ufeff")


# Characters YAML cannot hold in a file at all.
_NOT_YAML = re.compile("[^\t\n\r\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
# Line breaks to YAML 1.1 (PyYAML) but not to YAML 1.2 (the editor): lines would be counted differently.
_ODD_BREAK = re.compile("[\x85\u2028\u2029]")


def parse(path: str, text: str, *, positions: bool = False) -> Document:
    """Parse YAML text into a Document, or raise RecordError with a Vietnamese message."""
    odd = _ODD_BREAK.search(text)
    if odd:
        problem = _unprintable(path, text, odd.start())
        raise RecordError(
            replace(
                problem,
                code="odd-line-break",
                message=(
                    f"Tệp có ký tự {character_name(odd.group())}, một kiểu xuống dòng mà trình soạn thảo không hiện "
                    "(thường do chép chữ từ trang web hay Word); hãy xóa nó, muốn xuống dòng thì nhấn Enter."
                ),
            )
        )
    loader = _Loader(text)
    try:
        return _build(path, text, loader, positions)
    except _Retry:
        return parse(path, text, positions=True)
    except yaml.MarkedYAMLError as exc:
        line, column, message = _syntax_problem(exc, text)
        raise RecordError(Problem(path, line, column, "yaml-syntax", message)) from None
    except yaml.reader.ReaderError:  # a character YAML cannot hold: found again here, its position counted in characters
        found = _NOT_YAML.search(text)
        raise RecordError(_unprintable(path, text, found.start() if found else 0)) from None
    except yaml.YAMLError:
        raise RecordError(
            Problem(path, 1, 1, "yaml-syntax", "Cú pháp YAML không hợp lệ; hãy kiểm tra thụt lề, dấu hai chấm và ngoặc kép.")
        ) from None
    finally:
        loader.dispose()


def _unprintable(path: str, text: str, position: int) -> Problem:
    line = text.count("\n", 0, position) + 1
    column = position - text.rfind("\n", 0, position)
    character = text[position] if position < len(text) else ""
    return Problem(
        path,
        line,
        column,
        "control-character",
        f"Tệp có ký tự điều khiển không in được ({character_name(character)}); hãy xóa ký tự đó.",
    )


def load(path: str, content: bytes) -> Document:
    """Decode and parse one record file."""
    return parse(path, decode(path, content))


class _Retry(Exception):
    """A message needs positions that a reading without them did not keep."""


def _fail(path: str, mark: Any, code: str, message: str) -> RecordError:
    pos = _pos(mark)
    return RecordError(Problem(path, pos.line, pos.column, code, message))


# Plain (unquoted) scalars are read with YAML 1.2 core semantics, as the editor's language server reads
# them: only true/false are booleans (yes, no, on, off are text), only ~, null and nothing are null.
# Numbers that a YAML 1.1 reader (PyYAML, older tools) reads otherwise are refused, never guessed.
_NULLS = frozenset({"", "~", "null", "Null", "NULL"})
_BOOLS = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
_INT = re.compile(r"[-+]?[0-9]+\Z")
_FLOAT = re.compile(r"[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?\Z")
MAX_DIGITS = 18  # beyond a signed 64-bit integer is no count or amount: an identifier, to be quoted
_QUOTE = "nếu đây là chữ (mã số, số điện thoại, giờ) thì đặt cả giá trị trong ngoặc kép"
# Each message names the value as {shown}: the text as written, or "Giá trị này" for a private value.
_REFUSED = (
    (
        re.compile(r"[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?\Z"),
        "yaml-sexagesimal",
        "{shown} bị một số công cụ đọc thành số theo hệ 60 (1:30 thành 90); " + _QUOTE + ", nếu là số thì viết số thập phân.",
    ),
    (
        re.compile(r"[-+]?0[0-9_]+(?:\.[0-9_]*)?\Z"),
        "yaml-leading-zero",
        "{shown} bắt đầu bằng số 0 nên bị một số công cụ đọc thành số hệ 8; " + _QUOTE + ", nếu là số thì bỏ số 0 ở đầu.",
    ),
    (
        re.compile(r"[-+]?0[xXoObB][0-9a-fA-F_]+\Z"),
        "yaml-radix",
        "{shown} là số viết theo hệ 16, 8 hoặc 2; hãy viết số thập phân, hoặc đặt trong ngoặc kép nếu là chữ.",
    ),
    (
        re.compile(r"[-+]?\.(?:inf|Inf|INF|nan|NaN|NAN)\Z"),
        "yaml-not-finite",
        "{shown} là giá trị vô cực hoặc không phải số; hãy viết một số cụ thể, hoặc đặt trong ngoặc kép nếu là chữ.",
    ),
    (
        re.compile(r"[-+]?[0-9][0-9_]*_[0-9_]*(?:\.[0-9_]*)?\Z"),
        "yaml-underscore",
        "{shown} có dấu gạch dưới giữa các chữ số; hãy viết số liền (ví dụ 1000), hoặc đặt trong ngoặc kép nếu là chữ.",
    ),
    (
        re.compile(rf"[-+]?[0-9]{{{MAX_DIGITS + 1},}}\Z"),
        "yaml-too-many-digits",
        f"{{shown}} có hơn {MAX_DIGITS} chữ số, không phải một số đếm hay số tiền; {_QUOTE}.",
    ),
)


class _Refused(Exception):
    """A plain scalar that YAML readers disagree on: (code, message)."""


def _plain(text: str, private: bool) -> tuple[Any, bool]:
    """The value of a plain (unquoted) scalar and whether it was converted from its text; ``private``
    values are never shown in a message."""
    first = text[:1]
    if first.isdigit() or first in "-+.~nNtTfF" or not text:
        if text in _NULLS:
            return None, True
        if text in _BOOLS:
            return _BOOLS[text], True
        for pattern, code, message in _REFUSED:
            if pattern.match(text):
                shown = "Giá trị này" if private else f"«{text[:40]}{'…' if len(text) > 40 else ''}»"
                raise _Refused(code, message.format(shown=shown))
        if _INT.match(text):
            return int(text), True
        if _FLOAT.match(text):
            value = float(text)
            if value in (float("inf"), float("-inf")):
                raise _Refused(
                    "yaml-not-finite", "Số quá lớn (thành vô cực); hãy viết một số nhỏ hơn, hoặc đặt trong ngoặc kép nếu là chữ."
                )
            return value, True
    return nfc(text), False


class _Frame:
    __slots__ = ("container", "path", "key", "key_mark", "mapping", "private")

    def __init__(self, container: Any, path: Path, private: bool) -> None:
        self.container = container
        self.path = path
        self.key: str | None = None
        self.key_mark: Any = None
        self.mapping = isinstance(container, dict)
        self.private = private  # the container is, or is inside, a private block

    def holds_private(self) -> bool:
        """Whether the value being read into this container is private."""
        return self.private or (self.mapping and self.key == PRIVATE_KEY)


_SCALAR, _MAPPING, _SEQUENCE = yaml.ScalarEvent, yaml.MappingStartEvent, yaml.SequenceStartEvent
_ENDS = (yaml.MappingEndEvent, yaml.SequenceEndEvent)


def _markup(path: str, event: Any) -> RecordError:
    """The error for YAML markup thidua refuses: an alias, an anchor, a tag."""
    if event.__class__ is yaml.AliasEvent:
        return _fail(path, event.start_mark, "yaml-alias", "Không dùng bí danh YAML (*tên); hãy viết đầy đủ giá trị.")
    if event.anchor is not None:
        return _fail(
            path, event.start_mark, "yaml-anchor", f"Không dùng neo YAML (&{event.anchor}); hãy xóa nó và viết đầy đủ giá trị."
        )
    tag = event.tag
    shown = "!!" + tag[len(_TAG) :] if tag.startswith(_TAG) else tag
    return _fail(path, event.start_mark, "yaml-tag", f"Không dùng thẻ YAML ({shown}); hãy xóa thẻ, chỉ để lại giá trị.")


def _key(path: str, event: Any, parent: _Frame, keys: dict[Path, Position], positions: bool) -> str:
    """The key a mapping's next scalar names, or the error that says why it cannot be one."""
    if event.__class__ is not _SCALAR:
        raise _fail(path, event.start_mark, "yaml-complex-key", "Tên trường phải là chữ; hãy viết tên trường rồi dấu hai chấm.")
    key = nfc(event.value)
    if key == "<<" and not event.style:
        raise _fail(path, event.start_mark, "yaml-merge", "Không dùng khóa gộp YAML (<<); hãy viết đầy đủ các trường.")
    if key in parent.container:
        if not positions:
            raise _Retry
        first = keys[parent.path + (key,)]
        raise _fail(
            path,
            event.start_mark,
            "duplicate-key",
            f"Trường «{key}» bị lặp lại (đã có ở dòng {first.line}); hãy xóa một trong hai.",
        )
    return key


def _scalar(path: str, event: Any, private: bool) -> tuple[Any, bool]:
    """A scalar's value and whether it was converted from its text (quoted and block scalars are always text)."""
    if event.style:
        return nfc(event.value), False
    try:
        return _plain(event.value, private)
    except _Refused as exc:
        raise _fail(path, event.start_mark, *exc.args) from None


def _container(path: str, event: Any, depth: int) -> dict[str, Any] | list[Any]:
    if depth >= MAX_DEPTH:
        raise _fail(
            path, event.start_mark, "too-deep", f"Dữ liệu lồng quá sâu (quá {MAX_DEPTH} bậc); hồ sơ không cần nhiều bậc như vậy."
        )
    return {} if event.__class__ is _MAPPING else []


def _document(path: str, text: str, data: Any, documents: int) -> Document:
    if documents == 0 or data is None:
        raise RecordError(Problem(path, 1, 1, "empty-file", "Tệp rỗng; hãy điền nội dung hồ sơ hoặc xóa tệp."))
    if not isinstance(data, dict):
        raise RecordError(
            Problem(path, 1, 1, "not-a-mapping", 'Hồ sơ phải là các dòng "tên_trường: giá trị"; tệp này không có dạng đó.')
        )
    return Document(path, data, text)


_VALUES = (_SCALAR, _MAPPING, _SEQUENCE)
_MULTIPLE = 'Tệp chỉ được chứa một hồ sơ; hãy xóa dòng "---" và phần sau nó, hoặc tách ra tệp khác.'


def _build(path: str, text: str, loader: Any, positions: bool) -> Document:
    """Read the events of one file into plain data (and, with ``positions``, where each value and key stands).

    The common path (a key, a value) stays in this loop; every refusal is worked out in a helper. The file's
    value is read into a root frame (a one-item list), so that every value has a container to go into.
    """
    values: dict[Path, Position] = {}
    keys: dict[Path, Position] = {}
    raw: dict[Path, str] = {}
    top = _Frame([], (), False)
    stack: list[_Frame] = [top]
    documents = 0
    check_event, get_event = loader.check_event, loader.get_event
    while check_event():
        event = get_event()
        cls = event.__class__
        if cls in _ENDS:
            stack.pop()
            continue
        if cls not in _VALUES:
            documents += _other_event(path, event, documents)
            continue
        if event.anchor is not None or event.tag is not None:
            raise _markup(path, event)
        parent = stack[-1]
        if parent.mapping and parent.key is None:
            parent.key, parent.key_mark = _key(path, event, parent, keys, positions), event.start_mark
            continue
        here = _here(parent, top, keys, values, event) if positions else ()
        private = parent.holds_private()
        if cls is _SCALAR:
            value, converted = _scalar(path, event, private)
            if converted and positions:
                raw[here] = event.value
        else:
            value = _container(path, event, len(stack) - 1)
            stack.append(_Frame(value, here, private))
        if parent.mapping:
            parent.container[parent.key] = value
            parent.key = None
        else:
            parent.container.append(value)
    doc = _document(path, text, top.container[0] if top.container else None, documents)
    if positions:
        doc._places = (values, keys, raw)
    return doc


def _other_event(path: str, event: Any, documents: int) -> int:
    """1 for the start of a document (a second one is refused), an alias refused, 0 for the rest (stream events)."""
    if event.__class__ is yaml.DocumentStartEvent:
        if documents:
            raise _fail(path, event.start_mark, "multiple-documents", _MULTIPLE)
        return 1
    if event.__class__ is yaml.AliasEvent:
        raise _markup(path, event)
    return 0


def _here(parent: _Frame, top: _Frame, keys: dict[Path, Position], values: dict[Path, Position], event: Any) -> Path:
    """Where the value being read stands, noted in ``values`` (and, in a mapping, where its key stands, in ``keys``)."""
    if parent is top:
        here: Path = ()
    elif parent.mapping:
        here = (*parent.path, cast(str, parent.key))
        keys[here] = _pos(parent.key_mark)
    else:
        here = (*parent.path, len(parent.container))
    values[here] = _pos(event.start_mark)
    return here
