"""The loader: bad YAML is refused with a Vietnamese message and its position; good YAML reads as plain data."""

from __future__ import annotations

import signal
import time
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager

import pytest

from thidua.problems import Problem, RecordError
from thidua.records.yaml_reader import MAX_BYTES, MAX_DEPTH, Document, Position, decode, load

PATH = "records/people/nguyen-thi-lan.yml"

TAG_HINT = "; hãy xóa thẻ, chỉ để lại giá trị."
TAB = "Không dùng phím Tab để thụt lề; hãy dùng dấu cách (2 dấu cách mỗi bậc)."
EMPTY = "Tệp rỗng; hãy điền nội dung hồ sơ hoặc xóa tệp."
NOT_UTF8 = "hãy lưu lại tệp với bảng mã UTF-8."


def refused(content: str | bytes) -> Problem:
    """The problem the loader raises for ``content`` (it must raise)."""
    data = content.encode("utf-8") if isinstance(content, str) else content
    with pytest.raises(RecordError) as caught:
        load(PATH, data)
    return caught.value.problem


def read(content: str | bytes) -> Document:
    data = content.encode("utf-8") if isinstance(content, str) else content
    return load(PATH, data)


@contextmanager
def deadline(seconds: int) -> Iterator[None]:
    """Fail the test instead of hanging when the block runs longer than ``seconds``."""

    def expire(signum: int, frame: object) -> None:
        raise TimeoutError(f"the loader ran longer than {seconds} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


# --- bad input --------------------------------------------------------------


def test_duplicate_key_is_reported_at_the_second_key_naming_the_first_line() -> None:
    """A key written twice is reported where it is repeated, with the line of its first use."""
    problem = refused("id: nguyen-thi-lan\nname: Nguyễn Thị Lan\nid: nguyen-thi-lan-2\n")
    assert problem == Problem(PATH, 3, 1, "duplicate-key", "Trường «id» bị lặp lại (đã có ở dòng 1); hãy xóa một trong hai.")


def test_duplicate_key_inside_a_nested_mapping_is_reported_at_its_own_indentation() -> None:
    """A key repeated inside a nested mapping is reported at the repeated key's line and column."""
    problem = refused('id: a\nprivate:\n  phone: "0368152904"\n  email: a@example.com\n  phone: "0912345678"\n')
    assert problem == Problem(PATH, 5, 3, "duplicate-key", "Trường «phone» bị lặp lại (đã có ở dòng 3); hãy xóa một trong hai.")


def test_python_object_tag_is_refused_and_named_as_written() -> None:
    """A ``!!python/object`` tag is refused, and the message shows the tag the way the user wrote it."""
    problem = refused("id: a\nname: !!python/object:os.system x\n")
    assert problem == Problem(PATH, 2, 7, "yaml-tag", "Không dùng thẻ YAML (!!python/object:os.system)" + TAG_HINT)


def test_local_tag_is_refused() -> None:
    """A local tag such as ``!custom`` is refused at the tag."""
    problem = refused("id: a\nname: !custom Lan\n")
    assert problem == Problem(PATH, 2, 7, "yaml-tag", "Không dùng thẻ YAML (!custom)" + TAG_HINT)


def test_standard_tag_is_refused_and_named_as_written() -> None:
    """Even a standard tag such as ``!!str`` is refused, shown as ``!!str`` rather than its expanded URI."""
    problem = refused("id: a\nyear: !!str 2025\n")
    assert problem == Problem(PATH, 2, 7, "yaml-tag", "Không dùng thẻ YAML (!!str)" + TAG_HINT)


def test_tag_on_the_whole_document_is_refused() -> None:
    """A tag on the top-level mapping is refused at line 1, column 1."""
    problem = refused("!mapping\nid: a\n")
    assert problem == Problem(PATH, 1, 1, "yaml-tag", "Không dùng thẻ YAML (!mapping)" + TAG_HINT)


def test_non_specific_tag_is_refused_like_any_other_tag() -> None:
    """The bare ``!`` tag is an explicit tag too and is refused, rather than letting ``! 05`` become the number 5."""
    problem = refused("id: a\nnumber: ! 05\n")
    assert problem == Problem(PATH, 2, 9, "yaml-tag", "Không dùng thẻ YAML (!)" + TAG_HINT)


def test_anchor_is_refused_at_the_anchor() -> None:
    """An anchor ``&a`` is refused where it is written, naming the anchor."""
    problem = refused("id: a\nunit: &a van-phong-thong-ke\nparent: *a\n")
    assert problem == Problem(PATH, 2, 7, "yaml-anchor", "Không dùng neo YAML (&a); hãy xóa nó và viết đầy đủ giá trị.")


def test_alias_is_refused_at_the_alias() -> None:
    """An alias ``*a`` is refused where it is written."""
    problem = refused("id: a\nparent: *a\n")
    assert problem == Problem(PATH, 2, 9, "yaml-alias", "Không dùng bí danh YAML (*tên); hãy viết đầy đủ giá trị.")


def test_merge_key_is_refused() -> None:
    """The merge key ``<<`` is refused at the key."""
    problem = refused('id: a\nprivate:\n  <<: {phone: "0368152904"}\n  email: a@example.com\n')
    assert problem == Problem(PATH, 3, 3, "yaml-merge", "Không dùng khóa gộp YAML (<<); hãy viết đầy đủ các trường.")


def test_billion_laughs_fails_fast_with_the_anchor_message() -> None:
    """An alias bomb is refused at its first anchor, quickly, without expanding anything."""
    bomb = 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n'
    for previous, name in zip("abcdefgh", "bcdefghi", strict=True):
        bomb += f"{name}: &{name} [" + ",".join([f"*{previous}"] * 9) + "]\n"
    start = time.perf_counter()
    with deadline(5):
        problem = refused(bomb)
    assert time.perf_counter() - start < 1.0
    assert problem == Problem(PATH, 1, 4, "yaml-anchor", "Không dùng neo YAML (&a); hãy xóa nó và viết đầy đủ giá trị.")


def test_file_that_is_not_utf8_is_reported_at_the_bad_byte() -> None:
    """A Latin-1 byte is reported at its line and column, with its value in hexadecimal."""
    problem = refused(b"id: a\nname: Nguy\xe9n\n")
    assert problem == Problem(PATH, 2, 11, "not-utf8", "Tệp không phải UTF-8 (byte 0xE9); " + NOT_UTF8)


def test_column_of_a_bad_byte_counts_characters_not_bytes() -> None:
    """The column of a bad byte after Vietnamese letters counts each letter once, however many bytes it takes."""
    problem = refused("id: a\nname: Nguyễn Thị ".encode() + b"\xff\n")
    assert problem == Problem(PATH, 2, 18, "not-utf8", "Tệp không phải UTF-8 (byte 0xFF); " + NOT_UTF8)


def test_empty_file_is_refused() -> None:
    """An empty file is refused at line 1, column 1."""
    assert refused(b"") == Problem(PATH, 1, 1, "empty-file", EMPTY)


def test_file_with_only_comments_is_refused_as_empty() -> None:
    """A file holding only comments and blank lines has no record and is refused as empty."""
    assert refused("# Hồ sơ của Nguyễn Thị Lan\n\n# chưa điền\n") == Problem(PATH, 1, 1, "empty-file", EMPTY)


def test_file_over_the_size_limit_is_refused_without_a_self_contradicting_size() -> None:
    """A file one byte over MAX_BYTES is refused, and the size it reports is larger than the limit it states."""
    content = b"note: " + b"x" * (MAX_BYTES - 6) + b"\n"
    assert len(content) == MAX_BYTES + 1
    assert refused(content) == Problem(
        PATH,
        1,
        1,
        "file-too-large",
        f"Tệp quá lớn ({MAX_BYTES // 1024 + 1} KB, tối đa {MAX_BYTES // 1024} KB); "
        "mỗi hồ sơ nên là một tệp nhỏ, hãy tách thành nhiều tệp.",
    )


def test_file_of_exactly_the_size_limit_is_read() -> None:
    """A file of exactly MAX_BYTES bytes is still read."""
    content = b"note: " + b"x" * (MAX_BYTES - 7) + b"\n"
    assert len(content) == MAX_BYTES
    assert read(content).data == {"note": "x" * (MAX_BYTES - 7)}


def test_nesting_deeper_than_the_limit_is_refused_at_the_first_level_too_deep() -> None:
    """The container that goes one level past MAX_DEPTH is refused at its own column."""
    text = "a: " + "[" * MAX_DEPTH + "]" * MAX_DEPTH + "\n"
    assert refused(text) == Problem(
        PATH, 1, 3 + MAX_DEPTH, "too-deep", f"Dữ liệu lồng quá sâu (quá {MAX_DEPTH} bậc); hồ sơ không cần nhiều bậc như vậy."
    )


def test_block_nesting_deeper_than_the_limit_is_refused_at_its_line() -> None:
    """Indented mappings one level past MAX_DEPTH are refused at the first key of the level too deep."""
    lines = [" " * (2 * i) + f"k{i}:" for i in range(MAX_DEPTH + 1)]
    lines[-1] += " v"
    assert refused("\n".join(lines) + "\n") == Problem(
        PATH,
        MAX_DEPTH + 1,
        2 * MAX_DEPTH + 1,
        "too-deep",
        f"Dữ liệu lồng quá sâu (quá {MAX_DEPTH} bậc); hồ sơ không cần nhiều bậc như vậy.",
    )


def test_nesting_up_to_the_limit_is_read() -> None:
    """Exactly MAX_DEPTH levels of containers are accepted."""
    text = "a: " + "[" * (MAX_DEPTH - 1) + "]" * (MAX_DEPTH - 1) + "\n"
    value = read(text).data["a"]
    for _ in range(MAX_DEPTH - 2):
        assert isinstance(value, list) and len(value) == 1
        value = value[0]
    assert value == []


def test_second_document_is_refused_at_its_separator() -> None:
    """A second YAML document after ``---`` is refused at the separator line."""
    problem = refused("id: nguyen-thi-lan\nname: Nguyễn Thị Lan\n---\nid: pham-thi-hoa\n")
    assert problem == Problem(
        PATH, 3, 1, "multiple-documents", 'Tệp chỉ được chứa một hồ sơ; hãy xóa dòng "---" và phần sau nó, hoặc tách ra tệp khác.'
    )


def test_leading_document_marker_is_accepted() -> None:
    """A single document that starts with ``---`` is one record, not two."""
    assert read("---\nid: a\n").data == {"id": "a"}


def test_top_level_list_is_refused() -> None:
    """A file whose top level is a list, not ``field: value`` lines, is refused."""
    problem = refused("- id: nguyen-thi-lan\n- id: pham-thi-hoa\n")
    assert problem == Problem(
        PATH, 1, 1, "not-a-mapping", 'Hồ sơ phải là các dòng "tên_trường: giá trị"; tệp này không có dạng đó.'
    )


def test_tab_used_for_indentation_is_refused_at_the_tab() -> None:
    """A tab used to indent a nested field is refused at that line with the tab message."""
    problem = refused('id: a\nprivate:\n\tphone: "0368152904"\n')
    assert problem == Problem(PATH, 3, 1, "yaml-syntax", TAB)


def test_unquoted_value_containing_colon_space_is_refused_at_the_second_colon() -> None:
    """A value with an unquoted ``: `` is refused at that colon, with the advice to quote the value."""
    problem = refused("id: a\nsummary: Kết quả: 99,2% hồ sơ đúng hạn\n")
    assert problem == Problem(
        PATH,
        2,
        17,
        "yaml-syntax",
        'Giá trị có chứa dấu hai chấm (:); hãy đặt cả giá trị trong ngoặc kép, ví dụ: tên: "giá trị: có dấu hai chấm".',
    )


def test_unclosed_quote_is_reported_at_the_opening_quote() -> None:
    """A quote never closed is reported where it opens, not at the end of the file past the last line."""
    problem = refused('id: a\nname: "Nguyễn Thị Lan\nunit: van-phong-thong-ke\n')
    assert problem == Problem(PATH, 2, 7, "yaml-syntax", 'Chuỗi trong ngoặc kép chưa được đóng; hãy thêm dấu " ở cuối.')


# --- good input -------------------------------------------------------------


def test_decomposed_text_comes_back_composed() -> None:
    """Text typed in NFD (as on macOS) is returned in NFC, keys and values alike."""
    doc = read("te\u0302n: Nguye\u0302\u0303n Thi\u0323 Lan\n")
    assert doc.data == {"tên": "Nguyễn Thị Lan"}
    value = doc.data["tên"]
    assert value == unicodedata.normalize("NFC", value)
    assert len(value) == len("Nguyễn Thị Lan")


def test_date_reads_the_same_quoted_and_unquoted() -> None:
    """``2025-12-05`` and ``"2025-12-05"`` both give the string 2025-12-05."""
    doc = read("d: 2025-12-05\ne: \"2025-12-05\"\nf: '2025-12-05'\n")
    assert doc.data == {"d": "2025-12-05", "e": "2025-12-05", "f": "2025-12-05"}
    assert all(type(v) is str for v in doc.data.values())


def test_impossible_date_is_kept_as_text_for_the_schema() -> None:
    """``2025-13-40`` is not refused by the loader; it is kept as the text written."""
    assert read("date: 2025-13-40\n").data == {"date": "2025-13-40"}


def test_unquoted_number_keeps_its_text_in_raw() -> None:
    """Unquoted ``5`` reads as the number 5 while ``doc.raw`` keeps ``5`` for a hint to quote it; quoted stays text."""
    doc = read('number: 5\nquoted: "05"\nname: Lan\n')
    assert doc.data == {"number": 5, "quoted": "05", "name": "Lan"}
    assert doc.raw == {("number",): "5"}


def test_positions_of_nested_values_and_keys_are_one_based() -> None:
    """``doc.values`` and ``doc.keys`` give the 1-based line and column of nested values and of their keys."""
    doc = read(
        "id: a\n"
        "documents:\n"
        "  - type: bien-ban-hop\n"
        "    meeting:\n"
        "      chair:   dang-thi-thu-huong\n"
        "      present: [dang-thi-thu-huong, nguyen-thi-lan]\n"
    )
    meeting = ("documents", 0, "meeting")
    assert doc.values[meeting + ("chair",)] == Position(5, 16)
    assert doc.keys[meeting + ("chair",)] == Position(5, 7)
    assert doc.values[meeting + ("present", 1)] == Position(6, 37)
    assert doc.keys[meeting + ("present",)] == Position(6, 7)
    assert doc.keys[("documents", 0, "type")] == Position(3, 5)
    assert doc.values[("documents", 0, "type")] == Position(3, 11)
    assert doc.keys[("id",)] == Position(1, 1)
    assert doc.values[("id",)] == Position(1, 5)


def test_position_of_a_missing_path_falls_back_to_its_nearest_parent() -> None:
    """Asking for the place of a value that is absent gives the place of its nearest parent."""
    doc = read('id: a\nprivate:\n  phone: "0368152904"\n')
    assert doc.position(("private", "email")) == Position(3, 3)
    assert doc.position(("private", "phone"), key=True) == Position(3, 3)
    assert doc.position(("private", "phone")) == Position(3, 10)


def test_columns_count_vietnamese_letters_once() -> None:
    """Columns after Vietnamese letters count characters, not UTF-8 bytes."""
    doc = read("name: Nguyễn Thị Lan\nunit: {tên: Văn phòng, mã: van-phong-thong-ke}\n")
    assert doc.values[("unit", "mã")] == Position(2, 28)
    assert doc.keys[("unit", "mã")] == Position(2, 24)


def test_utf8_bom_is_accepted_and_not_counted_as_a_column() -> None:
    """A UTF-8 byte order mark is accepted and the first key still stands at line 1, column 1."""
    doc = read("\ufeffid: nguyen-thi-lan\nname: Nguyễn Thị Lan\n".encode("utf-8"))
    assert doc.data == {"id": "nguyen-thi-lan", "name": "Nguyễn Thị Lan"}
    assert doc.keys[("id",)] == Position(1, 1)
    assert doc.values[("id",)] == Position(1, 5)


def test_document_keeps_the_path_it_was_given() -> None:
    """The parsed document carries the path used in every problem about it."""
    assert read("id: a\n").path == PATH
    assert decode(PATH, b"\xef\xbb\xbfid: a\n") == "id: a\n"


def test_missing_space_after_colon_is_reported_on_its_own_line() -> None:
    """``key:value`` without a space is reported on that line with the corrected text, not on the next line."""
    problem = refused("id: a\nproposed_by:van-phong-thong-ke\nsummary: b\n")
    assert problem == Problem(
        PATH, 2, 13, "yaml-syntax", "Thiếu dấu cách sau dấu hai chấm; hãy viết «proposed_by: van-phong-thong-ke»."
    )


def test_over_indented_key_gets_indentation_advice_not_quoting() -> None:
    """A key indented deeper than its siblings is an indentation problem, reported at the start of its line."""
    problem = refused("id: a\ndocuments:\n  - type: to-trinh\n      date: 2025-12-01\n")
    assert problem == Problem(
        PATH,
        4,
        7,
        "yaml-syntax",
        "Thụt lề không đúng: dòng này phải thẳng cột với các trường cùng cấp ở trên "
        "(thụt vào 2 dấu cách cho mỗi bậc); hãy sửa khoảng trắng đầu dòng.",
    )
