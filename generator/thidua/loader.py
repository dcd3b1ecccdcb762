"""Read one YAML record into plain data, with the source position of every value.

The file is read event by event (PyYAML's C parser where available), so that
nothing is ever expanded or constructed beyond plain mappings, lists and
scalars: no tags, no anchors or aliases, no merge keys, bounded depth and size.
Dates are kept as the text the user wrote, so that quoted and unquoted dates
read the same and an impossible date is reported by the schema, not here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import yaml

from .problems import Problem, RecordError
from .text import nfc

MAX_BYTES = 2 * 1024 * 1024  # a province-wide rating of 10,000 people is about 0.7 MB
MAX_DEPTH = 24

Path = tuple[str | int, ...]

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_RESOLVER = yaml.resolver.Resolver()
_CONSTRUCTOR = yaml.constructor.SafeConstructor()
_TAG = "tag:yaml.org,2002:"


@dataclass(frozen=True)
class Position:
    line: int
    column: int


@dataclass
class Document:
    """A parsed record file: its data and where each value and key stands."""

    path: str
    data: Any
    values: dict[Path, Position] = field(default_factory=dict)
    keys: dict[Path, Position] = field(default_factory=dict)
    raw: dict[Path, str] = field(default_factory=dict)

    def position(self, path: Path, *, key: bool = False) -> Position:
        """Position of the value at ``path`` (or of its key), else of its nearest parent."""
        path = tuple(path)
        while True:
            if key and path in self.keys:
                return self.keys[path]
            if path in self.values:
                return self.values[path]
            if not path:
                return Position(1, 1)
            path = path[:-1]


def _pos(mark: Any) -> Position:
    return Position(mark.line + 1, mark.column + 1)


_INDENTATION = ("Thụt lề không đúng: dòng này phải thẳng cột với các trường cùng cấp ở trên "
                "(thụt vào 2 dấu cách cho mỗi bậc); hãy sửa khoảng trắng đầu dòng.")

_SYNTAX_HINTS = (
    ("could not find expected ':'", "Thiếu dấu hai chấm (:) sau tên trường, hoặc một dòng bị thụt lề sai."),
    ("expected <block end>", _INDENTATION),
    ("did not find expected key", _INDENTATION),
    ("did not find expected '-' indicator", "Thụt lề không đúng trong danh sách: mỗi mục bắt đầu bằng \"- \" thẳng cột với nhau."),
    ("while scanning a quoted scalar", "Chuỗi trong ngoặc kép chưa được đóng; hãy thêm dấu \" ở cuối."),
    ("found unexpected end of stream", "Tệp kết thúc khi một chuỗi trong ngoặc kép hoặc ngoặc vuông chưa đóng; hãy đóng ngoặc."),
    ("found unknown escape character", "Chuỗi trong ngoặc kép có dấu \\ không hợp lệ; dùng ngoặc đơn '…' hoặc viết \\\\."),
    ("special characters are not allowed", "Tệp có ký tự điều khiển không in được; hãy xóa ký tự đó."),
    ("unacceptable character", "Tệp có ký tự điều khiển không in được; hãy xóa ký tự đó."),
    ("found character that cannot start any token", "Có ký tự không thể đứng đầu giá trị (ví dụ @ hoặc `); hãy đặt giá trị trong ngoặc kép."),
    ("while parsing a flow", "Ngoặc vuông [ ] hoặc ngoặc nhọn { } chưa đóng hoặc thừa dấu phẩy."),
)


_TAB_MESSAGE = "Không dùng phím Tab để thụt lề; hãy dùng dấu cách (2 dấu cách mỗi bậc)."


_NO_SPACE = re.compile(r"^\s*(?:-\s+)?[A-Za-z_][\w-]*:[^\s:/]")
_KEY_VALUE_COLON = re.compile(r"^\s*(?:-\s+)?[A-Za-z_][\w-]*:\s+[^\"'].*:\s")


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
    for back in range(line, max(line - 3, -1), -1):  # "key:value" makes the next lines look wrong
        text = lines[back] if back < len(lines) else ""
        if _NO_SPACE.match(text) and not text.strip().startswith("#"):
            at = text.index(":") + 1
            return back + 1, at + 1, f"Thiếu dấu cách sau dấu hai chấm; hãy viết «{text[:at].strip()} {text[at:].strip()}»."
    problem = " ".join(str(part) for part in (exc.context or "", exc.problem or "") if part)
    if "mapping values are not allowed" in problem:
        if _KEY_VALUE_COLON.match(here):
            return line + 1, column + 1, ("Giá trị có chứa dấu hai chấm (:); hãy đặt cả giá trị trong ngoặc kép, "
                                          "ví dụ: tên: \"giá trị: có dấu hai chấm\".")
        return line + 1, len(here) - len(here.lstrip()) + 1, _INDENTATION
    for needle, message in _SYNTAX_HINTS:
        if needle in problem:
            start = len(here) - len(here.lstrip()) + 1 if message == _INDENTATION else column + 1
            return line + 1, start, message
    return line + 1, column + 1, "Cú pháp YAML không hợp lệ ở đây; hãy kiểm tra thụt lề, dấu hai chấm và ngoặc kép."


def decode(path: str, content: bytes) -> str:
    """UTF-8 text of a record file, or a RecordError naming the bad byte."""
    if len(content) > MAX_BYTES:
        raise RecordError(Problem(path, 1, 1, "file-too-large",
                                  f"Tệp quá lớn ({-(-len(content) // 1024)} KB, tối đa {MAX_BYTES // 1024} KB); "
                                  "mỗi hồ sơ nên là một tệp nhỏ, hãy tách thành nhiều tệp."))
    try:
        text = content.decode("utf-8")
    except UnicodeDecodeError as exc:
        before = content[: exc.start]
        line = before.count(b"\n") + 1
        column = len(before[before.rfind(b"\n") + 1:].decode("utf-8", "replace")) + 1
        raise RecordError(Problem(path, line, column, "not-utf8",
                                  f"Tệp không phải UTF-8 (byte 0x{content[exc.start]:02X}); "
                                  "hãy lưu lại tệp với bảng mã UTF-8.")) from None
    return text.removeprefix("\ufeff")


def parse(path: str, text: str) -> Document:
    """Parse YAML text into a Document, or raise RecordError with a Vietnamese message."""
    loader = _Loader(text)
    try:
        return _build(path, loader)
    except yaml.MarkedYAMLError as exc:
        line, column, message = _syntax_problem(exc, text)
        raise RecordError(Problem(path, line, column, "yaml-syntax", message)) from None
    except yaml.YAMLError:
        raise RecordError(Problem(path, 1, 1, "yaml-syntax",
                                  "Cú pháp YAML không hợp lệ; hãy kiểm tra thụt lề, dấu hai chấm và ngoặc kép.")) from None
    finally:
        loader.dispose()


def load(path: str, content: bytes) -> Document:
    """Decode and parse one record file."""
    return parse(path, decode(path, content))


def _fail(path: str, mark: Any, code: str, message: str) -> RecordError:
    pos = _pos(mark)
    return RecordError(Problem(path, pos.line, pos.column, code, message))


def _scalar(event: yaml.ScalarEvent) -> tuple[Any, bool]:
    """The value of a scalar and whether it was converted from its text."""
    value = nfc(event.value)
    if event.style:  # quoted or block scalar: always text (plain is None or "")
        return value, False
    tag = _RESOLVER.resolve(yaml.ScalarNode, event.value, (True, False))  # type: ignore[no-untyped-call]
    if tag == _TAG + "null":
        return None, True
    if tag == _TAG + "bool":
        return event.value.lower() in ("yes", "true", "on", "y"), True
    if tag in (_TAG + "int", _TAG + "float"):
        node = yaml.ScalarNode(tag, event.value)
        method = _CONSTRUCTOR.construct_yaml_int if tag.endswith("int") else _CONSTRUCTOR.construct_yaml_float
        return method(node), True
    return value, False


class _Frame:
    __slots__ = ("container", "path", "key", "key_mark")

    def __init__(self, container: Any, path: Path) -> None:
        self.container = container
        self.path = path
        self.key: str | None = None
        self.key_mark: Any = None


def _build(path: str, loader: Any) -> Document:
    doc = Document(path, None)
    stack: list[_Frame] = []
    documents = 0
    while loader.check_event():
        event = loader.get_event()
        if isinstance(event, yaml.DocumentStartEvent):
            documents += 1
            if documents > 1:
                raise _fail(path, event.start_mark, "multiple-documents",
                            "Tệp chỉ được chứa một hồ sơ; hãy xóa dòng \"---\" và phần sau nó, hoặc tách ra tệp khác.")
            continue
        if isinstance(event, yaml.AliasEvent):
            raise _fail(path, event.start_mark, "yaml-alias",
                        "Không dùng bí danh YAML (*tên); hãy viết đầy đủ giá trị.")
        if isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            finished = stack.pop()
            if not stack:
                doc.data = finished.container
            continue
        if not isinstance(event, yaml.NodeEvent):
            continue
        if event.anchor is not None:
            raise _fail(path, event.start_mark, "yaml-anchor",
                        f"Không dùng neo YAML (&{event.anchor}); hãy xóa nó và viết đầy đủ giá trị.")
        tag = getattr(event, "tag", None)  # scalars, mappings and sequences carry one
        if tag is not None:
            shown = "!!" + tag[len(_TAG):] if tag.startswith(_TAG) else tag
            raise _fail(path, event.start_mark, "yaml-tag",
                        f"Không dùng thẻ YAML ({shown}); hãy xóa thẻ, chỉ để lại giá trị.")
        parent = stack[-1] if stack else None
        if parent is not None and isinstance(parent.container, dict) and parent.key is None:
            if not isinstance(event, yaml.ScalarEvent):
                raise _fail(path, event.start_mark, "yaml-complex-key",
                            "Tên trường phải là chữ; hãy viết tên trường rồi dấu hai chấm.")
            key = nfc(event.value)
            if key == "<<" and not event.style:
                raise _fail(path, event.start_mark, "yaml-merge",
                            "Không dùng khóa gộp YAML (<<); hãy viết đầy đủ các trường.")
            if key in parent.container:
                first = doc.keys[parent.path + (key,)]
                raise _fail(path, event.start_mark, "duplicate-key",
                            f"Trường «{key}» bị lặp lại (đã có ở dòng {first.line}); hãy xóa một trong hai.")
            parent.key, parent.key_mark = key, event.start_mark
            continue
        if parent is None:
            here: Path = ()
        elif isinstance(parent.container, dict):
            here = parent.path + (parent.key,)  # type: ignore[operator]
            doc.keys[here] = _pos(parent.key_mark)
        else:
            here = parent.path + (len(parent.container),)
        doc.values[here] = _pos(event.start_mark)
        if isinstance(event, yaml.ScalarEvent):
            value, converted = _scalar(event)
            if converted:
                doc.raw[here] = event.value
        else:
            if len(stack) >= MAX_DEPTH:
                raise _fail(path, event.start_mark, "too-deep",
                            f"Dữ liệu lồng quá sâu (quá {MAX_DEPTH} bậc); hồ sơ không cần nhiều bậc như vậy.")
            value = {} if isinstance(event, yaml.MappingStartEvent) else []
            stack.append(_Frame(value, here))
        if parent is None:
            doc.data = value
        elif isinstance(parent.container, dict):
            parent.container[parent.key] = value
            parent.key = None
        else:
            parent.container.append(value)
    if documents == 0 or doc.data is None:
        raise RecordError(Problem(path, 1, 1, "empty-file",
                                  "Tệp rỗng; hãy điền nội dung hồ sơ hoặc xóa tệp."))
    if not isinstance(doc.data, dict):
        raise RecordError(Problem(path, 1, 1, "not-a-mapping",
                                  "Hồ sơ phải là các dòng \"tên_trường: giá trị\"; tệp này không có dạng đó."))
    return doc
