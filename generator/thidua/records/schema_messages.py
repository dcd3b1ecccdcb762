"""Vietnamese messages for JSON Schema errors: what is wrong and what to write instead."""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..problems import PRIVATE_KEY
from ..text import MULTI_LINE_REFUSED, NAME_PATTERN, SINGLE_LINE_REFUSED, TEXT_PATTERN, character_name, decimal, slugify, visible
from .yaml_reader import Path

if TYPE_CHECKING:  # jsonschema is loaded only when a record fails its schema
    from jsonschema import ValidationError

_TYPES = {
    "string": "chữ",
    "integer": "số nguyên",
    "number": "số",
    "boolean": "true hoặc false",
    "object": "nhóm trường (mỗi dòng «tên: giá trị»)",
    "array": "danh sách (mỗi mục một dòng bắt đầu bằng «- »)",
    "null": "để trống",
}
SLUG_PATTERN = "^[a-z0-9]+(-[a-z0-9]+)*(?![\\s\\S])"
_VN_DATE = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$")
_ISO_LIKE = re.compile(r"^\d{4}-\d{2}-\d{2}")
_LOOSE_DATE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T](\d{1,2}:\d{2}(?::\d{2})?))?$")


@dataclass(frozen=True)
class Message:
    path: Path
    at_key: bool
    code: str
    text: str
    character: str = ""  # an invisible character the value holds: the problem points at it where it is written raw


def _type_of(value: Any) -> str:
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    if isinstance(value, float):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, list):
        return "array"
    if isinstance(value, dict):
        return "object"
    return "null"


def _has_type(value: Any, declared: Any) -> bool:
    """Whether ``value`` is of the JSON type(s) a schema declares (any value where it declares none)."""
    if declared is None:
        return True
    types = declared if isinstance(declared, list) else [declared]
    kind = _type_of(value)
    return kind in types or (kind == "integer" and "number" in types)


def _looks_numeric(text: str) -> bool:
    try:
        float(text.strip())
    except ValueError:
        return False
    return True


def _field(path: Path) -> str:
    for part in reversed(path):
        if isinstance(part, str):
            return part
    return "hồ sơ"


def _subject(path: Path) -> str:
    if not path:
        return "Hồ sơ"
    if isinstance(path[-1], int):
        return f"Mục thứ {path[-1] + 1} của «{_field(path)}»"
    return f"Trường «{path[-1]}»"


def _show(value: Any) -> str:
    if isinstance(value, str):
        return f"«{visible(value)}»"
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return "giá trị trống"
    if isinstance(value, (int, float)):
        return f"«{value}»"
    return "giá trị này"


def suggest(word: str, choices: Iterable[str]) -> str:
    """`` Có phải ý bạn là «x»?`` for the closest choice, or nothing."""
    options = list(choices)
    close = difflib.get_close_matches(word, options, n=1, cutoff=0.75)
    if not close and len(word) >= 4:  # a shortened id: "van-phong" for "van-phong-thong-ke"
        close = sorted(c for c in options if c.startswith(word) or word.startswith(c))[:1]
    return f" Có phải ý bạn là «{close[0]}»?" if close else ""


def _schema_text(schema: Any) -> tuple[str, str]:
    """The description and first example of a schema, for hints."""
    if not isinstance(schema, dict):
        return "", ""
    examples = schema.get("examples") or []
    return schema.get("description", ""), str(examples[0]) if examples else ""


def _real(year: int, month: int, day: int) -> bool:
    try:
        dt.date(year, month, day)
    except ValueError:
        return False
    return True


def _date_message(subject: str, value: str, with_time: bool) -> str:
    match = _VN_DATE.match(value.strip())
    if match:
        day, month, year = (int(g) for g in match.groups())
        iso = f"{year:04d}-{month:02d}-{day:02d}"
        return f"{subject}: ngày phải viết theo dạng năm-tháng-ngày; hãy viết {iso} thay cho {value}."
    loose = _LOOSE_DATE.match(value.strip())
    if loose:
        year, month, day = (int(g) for g in loose.group(1, 2, 3))
        rest = loose.group(4)
        fixed = f"{year:04d}-{month:02d}-{day:02d}"
        if rest:
            hour, minute = (int(x) for x in rest.split(":")[:2])
            fixed += f"T{hour:02d}:{minute:02d}:00+07:00"
        if fixed != value.strip() and (with_time or not rest) and _real(year, month, day):
            return f"{subject}: «{value}» chưa đúng dạng; hãy viết {fixed}."
    if _ISO_LIKE.match(value) and not with_time:
        return f"{subject}: ngày {value} không có thật; hãy kiểm tra tháng (01–12) và ngày trong tháng."
    if with_time:
        return (
            f"{subject}: «{value}» không phải thời điểm hợp lệ; hãy viết ngày 2025-12-03, "
            "hoặc ngày giờ kèm múi giờ 2025-12-03T09:15:00+07:00."
        )
    return f"{subject}: «{value}» không phải ngày hợp lệ; hãy viết theo dạng năm-tháng-ngày, ví dụ 2025-12-05."


def _empty(subject: str) -> str:
    return f"{subject} không được để trống; hãy điền nội dung."


def _pattern_code(error: ValidationError) -> str:
    value = error.instance
    if _invisible_in(value, error.validator_value):
        return "invisible-character"
    return "empty" if isinstance(value, str) and not value.strip() else "pattern"


_LINE_BREAKS = frozenset("\n\r\u2028\u2029\x85\x0b\x0c")


def _invisible_message(subject: str, character: str) -> str:
    if character in _LINE_BREAKS:
        return f"{subject} phải viết trên một dòng nhưng có ký tự xuống dòng ({character_name(character)}); hãy nối lại thành một dòng."
    return (
        f"{subject} có ký tự không in được {character_name(character)}; hãy xóa ký tự đó "
        "(thường bị dán vào cùng chữ chép từ trang web hay tệp khác)."
    )


def _pattern_message(subject: str, error: ValidationError) -> str:
    value: Any = error.instance
    pattern: Any = error.validator_value
    description, example = _schema_text(error.schema)
    character = _invisible_in(value, pattern)
    if character:
        return _invisible_message(subject, character)
    if pattern == SLUG_PATTERN:
        slug = slugify(value)
        hint = f" hãy viết {slug}" if slug else " hãy viết chữ thường không dấu, nối bằng gạch ngang"
        return f"{subject}: {_show(value)} không phải mã hợp lệ (chỉ chữ thường không dấu, số và gạch ngang, đ viết là d);{hint}."
    if isinstance(value, str) and not value.strip():
        return _empty(subject)
    if "/" in str(pattern) and isinstance(value, str):
        fixed = re.sub(r"^([1-9])/", r"0\1/", value)
        if fixed != value and re.match(pattern, fixed):
            return f"{subject}: số văn bản nhỏ hơn 10 viết hai chữ số; hãy viết {fixed} thay cho {value}."
    if pattern == NAME_PATTERN:
        return f"{subject}: {_show(value)} có dấu cách thừa ở đầu hoặc cuối; hãy xóa chúng."
    hint = f" {description}" if description else ""
    sample = f" Ví dụ: {example}." if example and "ví dụ" not in description.lower() else ""
    return f"{subject}: {_show(value)} không đúng dạng.{hint}{sample}"


def _invisible_in(value: Any, pattern: Any) -> str:
    """The first character of ``value`` that its pattern refuses as invisible, if any."""
    if not isinstance(value, str) or pattern not in (NAME_PATTERN, TEXT_PATTERN):
        return ""
    found = (SINGLE_LINE_REFUSED if pattern == NAME_PATTERN else MULTI_LINE_REFUSED).search(value)
    return found.group() if found else ""


def _branch_errors(error: ValidationError) -> dict[Any, list[ValidationError]]:
    """The errors of each branch of a oneOf/anyOf, by branch index."""
    branches: dict[Any, list[ValidationError]] = {}
    for inner in error.context or []:
        branches.setdefault(inner.relative_schema_path[0], []).append(inner)
    return branches


def _specific(error: ValidationError) -> ValidationError | None:
    """The most useful error inside a oneOf/anyOf: from a branch of the value's own type.

    None when no branch has the value's type (the caller then lists the types wanted).
    """
    branches = [
        errors
        for errors in _branch_errors(error).values()
        if not any(e.validator == "type" and not e.relative_path for e in errors)
    ]
    if not branches:
        return None
    # The branch the value was meant for: the one whose own keys are all there (its errors lie deeper), else the first.
    inner_errors = min(branches, key=lambda errors: sum(1 for e in errors if not e.relative_path))
    from jsonschema.exceptions import best_match, relevance

    best: ValidationError | None = best_match(inner_errors, key=relevance)
    if best is not None and best.context:
        return _specific(best) or best
    return best


def _wanted_types(error: ValidationError) -> list[str]:
    wanted: list[str] = []
    for inner in error.context or []:
        if inner.validator == "type" and not inner.relative_path:
            values = inner.validator_value if isinstance(inner.validator_value, list) else [inner.validator_value]
            wanted += [str(v) for v in values if str(v) not in wanted]
    return wanted


# Words that YAML 1.1 read as booleans and YAML 1.2 (thidua, the editor) reads as text.
_YAML11_BOOLEANS = {"yes": True, "y": True, "on": True, "no": False, "n": False, "off": False}


def _private_message(path: Path, subject: str, schema: dict[str, Any], expected: Any) -> Message:
    """A message about a private value that does not show it (nor anything worked out from it)."""
    description, example = _schema_text(schema)
    if expected is not None:
        types = expected if isinstance(expected, list) else [expected]
        what = "phải là " + " hoặc ".join(_TYPES.get(str(t), str(t)) for t in types)
    else:
        what = "chưa đúng dạng"
    hint = f" {description}" if description else ""
    sample = f" Ví dụ: {example}." if example and "ví dụ" not in description.lower() else ""
    return Message(
        path, False, "private-invalid", f"{subject} {what} (thông tin riêng tư: giá trị không được in ra).{hint}{sample}"
    )


@dataclass(frozen=True)
class _Error:
    """One schema error, with what every message about it needs."""

    error: ValidationError
    raw: dict[Path, str]  # the text of values read as numbers, booleans or null, as written
    kind_label: str
    path: Path
    subject: str  # «Trường …», «Mục thứ …»: how the message names the place
    value: Any
    expected: Any  # the validator's value in the schema
    schema: dict[str, Any]


Handler = Callable[[_Error], Iterator[Message]]


def describe(error: ValidationError, raw: dict[Path, str], kind_label: str) -> Iterator[Message]:
    """Vietnamese messages for one schema error (several for several unknown keys)."""
    path: Path = tuple(error.absolute_path)
    schema: dict[str, Any] = error.schema if isinstance(error.schema, dict) else {}
    e = _Error(error, raw, kind_label, path, _subject(path), error.instance, error.validator_value, schema)
    validator: Any = error.validator
    if PRIVATE_KEY in path[:-1] and validator not in ("required", "additionalProperties"):
        yield _private_message(path, e.subject, schema, e.expected if validator == "type" else None)
        return
    yield from _HANDLERS.get(validator, _invalid)(e)


def _choice(e: _Error) -> Iterator[Message]:
    """oneOf / anyOf: the message of the branch the value was meant for, else the types wanted."""
    if not _has_type(e.value, e.schema.get("type")):
        return  # the schema's own "type" is reported on its own: one message for one mistake
    formats = {inner.validator_value for inner in e.error.context if inner.validator == "format"}
    if "date-time" in formats and isinstance(e.value, str):
        yield Message(e.path, False, "format", _date_message(e.subject, e.value, True))
        return
    if e.error.validator == "oneOf" and not e.error.context:
        yield Message(
            e.path, False, "ambiguous", f"{e.subject} khớp với nhiều dạng cùng lúc; hãy chỉ giữ các trường của một dạng."
        )
        return
    inner = _specific(e.error)
    if inner is not None:
        yield from describe(inner, e.raw, e.kind_label)
        return
    types = _wanted_types(e.error)
    if types:
        shown_types = " hoặc ".join(_TYPES.get(t, t) for t in types)
        yield Message(e.path, False, "type", f"{e.subject} phải là {shown_types}, không phải {_TYPES[_type_of(e.value)]}.")
    else:
        yield from _invalid(e)


def _required(e: _Error) -> Iterator[Message]:
    properties = e.schema.get("properties", {})
    for name in (name for name in e.expected if name not in e.value):
        title = properties[name].get("title") if isinstance(properties.get(name), dict) else None
        label = f"«{name}» ({title})" if title else f"«{name}»"
        where = "hồ sơ" if not e.path else f"«{_field(e.path)}»"
        yield Message(e.path, True, "required", f"Thiếu trường {label} trong {where}; hãy thêm dòng «{name}: …».")


def _unknown_keys(e: _Error) -> Iterator[Message]:
    allowed = sorted(e.schema.get("properties", {}))
    for name in sorted(k for k in e.value if k not in allowed):
        hint = suggest(name, allowed) or f" Các trường được dùng: {', '.join(allowed)}."
        yield Message(e.path + (name,), True, "unknown-key", f"Trường «{name}» không có trong mẫu {e.kind_label}.{hint}")


def _not(e: _Error) -> Iterator[Message]:
    if e.expected != {}:  # only {"not": {}} is used: a field that may not be there in this case
        yield from _invalid(e)
        return
    reason = e.schema.get("description")
    text = (
        f"{e.subject} không được dùng ở đây: {reason[:1].lower()}{reason[1:]}"
        if reason
        else f"{e.subject} không được dùng ở đây; hãy xóa dòng này."
    )
    yield Message(e.path, True, "not-allowed", text)


def _type(e: _Error) -> Iterator[Message]:
    expected = e.expected if isinstance(e.expected, list) else [e.expected]
    wanted = " hoặc ".join(_TYPES.get(str(t), str(t)) for t in expected)
    value, subject = e.value, e.subject
    _, example = _schema_text(e.schema)
    if value is None:
        text = f"{subject} đang để trống; hãy điền {wanted}.{f' Ví dụ: {example}.' if example else ''}"
        yield Message(e.path, False, "empty", text)
        return
    if "integer" in expected and isinstance(value, float):
        text = f"{subject} phải là số nguyên (không có phần lẻ), không phải {decimal(value)}."
    elif expected == ["boolean"] and isinstance(value, str) and value.lower() in _YAML11_BOOLEANS:
        meant = "true" if _YAML11_BOOLEANS[value.lower()] else "false"
        text = f"{subject} phải là true hoặc false; «{visible(value)}» được đọc là chữ (YAML 1.2, như trình soạn thảo), hãy viết {meant}."
    elif set(expected) & {"integer", "number"} and isinstance(value, str) and _looks_numeric(value):
        text = f"{subject} phải là {wanted}; hãy bỏ dấu ngoặc kép: {value.strip()}."
    elif "string" in expected and e.path in e.raw:
        text = f'{subject} phải là {wanted}; hãy đặt giá trị trong ngoặc kép: "{e.raw[e.path]}".'
    else:
        text = f"{subject} phải là {wanted}, không phải {_TYPES[_type_of(value)]}."
    yield Message(e.path, False, "type", text)


def _enum(e: _Error) -> Iterator[Message]:
    choices = e.expected if e.error.validator == "enum" else [e.expected]
    shown = ", ".join(str(choice) for choice in choices)
    hint = suggest(str(e.value), [str(c) for c in choices]) if isinstance(e.value, str) else ""
    yield Message(
        e.path, False, str(e.error.validator), f"{e.subject}: {_show(e.value)} không hợp lệ; hãy chọn một trong: {shown}.{hint}"
    )


def _format(e: _Error) -> Iterator[Message]:
    yield Message(e.path, False, "format", _date_message(e.subject, str(e.value), e.expected == "date-time"))


def _pattern(e: _Error) -> Iterator[Message]:
    yield Message(e.path, False, _pattern_code(e.error), _pattern_message(e.subject, e.error), _invisible_in(e.value, e.expected))


def _min_length(e: _Error) -> Iterator[Message]:
    yield Message(e.path, False, "empty", _empty(e.subject))


def _max_length(e: _Error) -> Iterator[Message]:
    yield Message(
        e.path, False, "too-long", f"{e.subject} quá dài ({len(e.value)} ký tự, tối đa {e.expected}); hãy viết ngắn lại."
    )


_BOUNDS = {
    "minimum": "từ {} trở lên",
    "exclusiveMinimum": "lớn hơn {}",
    "maximum": "không quá {}",
    "exclusiveMaximum": "nhỏ hơn {}",
}


def _bound(e: _Error) -> Iterator[Message]:
    rule = _BOUNDS[str(e.error.validator)].format(e.expected)
    yield Message(e.path, False, "range", f"{e.subject}: {_show(e.value)} không hợp lệ; giá trị phải {rule}.")


def _min_items(e: _Error) -> Iterator[Message]:
    yield Message(e.path, False, "too-few", f"{e.subject} phải có ít nhất {e.expected} mục.")


def _max_items(e: _Error) -> Iterator[Message]:
    yield Message(e.path, False, "too-many", f"{e.subject} có nhiều nhất {e.expected} mục.")


def _unique_items(e: _Error) -> Iterator[Message]:
    index = next(i for i, item in enumerate(e.value) if item in e.value[:i])
    yield Message(
        e.path + (index,),
        False,
        "duplicate-item",
        f"Trường «{_field(e.path)}» có mục bị lặp lại ({_show(e.value[index])}); hãy xóa mục thừa.",
    )


def _properties_count(e: _Error) -> Iterator[Message]:
    names = sorted(e.schema.get("properties", {}))
    if len(names) > 1 and e.schema.get("maxProperties") == 1:
        yield Message(e.path, False, "one-of-keys", f"{e.subject} phải ghi đúng một trong các trường: {', '.join(names)}.")
    else:
        yield Message(e.path, False, "empty", f"{e.subject} không được để trống.")


def _dependent(e: _Error) -> Iterator[Message]:
    for name, needs in e.expected.items():
        missing = [n for n in needs if name in e.value and n not in e.value]
        if missing:
            yield Message(
                e.path + (name,),
                True,
                "required",
                f"Trường «{name}» cần ghi kèm {', '.join(f'«{m}»' for m in missing)}; hãy thêm dòng «{missing[0]}: …».",
            )


def _invalid(e: _Error) -> Iterator[Message]:
    yield Message(e.path, False, "invalid", f"{e.subject} không hợp lệ; hãy đối chiếu với mẫu {e.kind_label}.")


# The message of each JSON Schema keyword; a keyword without one gets the general sentence.
_HANDLERS: dict[str, Handler] = {
    "oneOf": _choice,
    "anyOf": _choice,
    "required": _required,
    "additionalProperties": _unknown_keys,
    "not": _not,
    "type": _type,
    "enum": _enum,
    "const": _enum,
    "format": _format,
    "pattern": _pattern,
    "minLength": _min_length,
    "maxLength": _max_length,
    "minimum": _bound,
    "exclusiveMinimum": _bound,
    "maximum": _bound,
    "exclusiveMaximum": _bound,
    "minItems": _min_items,
    "maxItems": _max_items,
    "uniqueItems": _unique_items,
    "minProperties": _properties_count,
    "maxProperties": _properties_count,
    "dependentRequired": _dependent,
}
