"""The ``thidua`` command: one verb per job."""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .clock import as_of_date as _clock_as_of
from .outputs import problem_formats
from .problems import Problem, Unfinished
from .records.record import Result
from .records.schemas import SchemaError
from .records.validate import validate_tree

if TYPE_CHECKING:
    from .model.campaign import Campaign

EXIT_OK, EXIT_INVALID, EXIT_USAGE = 0, 1, 2

_ARGPARSE_VI = {
    "usage: ": "Cách dùng: ",
    "positional arguments": "Tham số",
    "options": "Tùy chọn",
    "show this help message and exit": "in hướng dẫn này rồi thoát",
    "the following arguments are required: %s": "thiếu tham số: %s",
    "unrecognized arguments: %s": "tham số không nhận ra: %s",
    "invalid choice: %(value)r (choose from %(choices)s)": "lựa chọn không hợp lệ: %(value)r (chọn một trong %(choices)s)",
    "argument %(argument_name)s: %(message)s": "tham số %(argument_name)s: %(message)s",
    "expected one argument": "cần một giá trị",
}
argparse._ = lambda text: _ARGPARSE_VI.get(text, text)  # type: ignore[attr-defined]


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        sys.stderr.write(f"thidua: lỗi: {message}\n")
        raise SystemExit(EXIT_USAGE)


def as_of_date(option: str | None) -> dt.date:
    """The as-of date, with a bad SOURCE_DATE_EPOCH reported as a usage error."""
    try:
        return _clock_as_of(option)
    except ValueError as exc:
        raise UsageError(str(exc)) from None


def _date(text: str) -> str:
    import datetime as dt

    try:
        dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"«{text}» không phải ngày dạng năm-tháng-ngày, ví dụ 2025-12-05") from None
    return text


class UsageError(Exception):
    """A problem with how thidua was called, not with the records (exit 2)."""


def _validate(args: argparse.Namespace) -> tuple[Result, int]:
    root = Path(args.root)
    for needed in ("records", "schemas"):
        if not (root / needed).is_dir():
            raise UsageError(
                f"không thấy thư mục {needed}/ trong {root.resolve()}; hãy chạy lệnh ở gốc kho hồ sơ hoặc chỉ rõ --root."
            )
    result = validate_tree(root, use_cache=not args.no_cache)
    return result, EXIT_OK if result.ok else EXIT_INVALID


def _valid_or_report(args: argparse.Namespace, why: str) -> Result | None:
    """The validated records, or None after printing every problem and why the verb stops."""
    result, code = _validate(args)
    if code == EXIT_OK:
        return result
    sys.stdout.write(problem_formats.as_text(result.problems, result.files))
    sys.stdout.write(why + "\n")
    return None


def _repository_checks(args: argparse.Namespace, result: Result) -> list[Problem]:
    """Checks that need the whole valid tree: a stale CODEOWNERS, and the deadline guard when asked for."""
    from .repo.codeowners import FILE as CODEOWNERS

    root = Path(args.root).resolve()
    problems: list[Problem] = []
    if not (root / CODEOWNERS).is_file() and not args.changed_since:
        return problems  # nothing to check: the domain model is not even loaded
    from .model import Registry, registry_from
    from .repo.codeowners import stale
    from .repo.guard import GuardError, changed_nominations, deadline_problems

    def only(*kinds: str) -> Registry:  # the few kinds each check reads, so a large tree stays quick
        return registry_from([record for record in result.records if record.kind.name in kinds])

    if (root / CODEOWNERS).is_file():
        problems += stale(root, only("unit", "person"))
    if args.changed_since:
        try:
            changed = changed_nominations(root, args.changed_since)
        except GuardError as exc:
            raise UsageError(str(exc)) from None
        problems += deadline_problems(only("campaign"), changed, as_of_date(args.as_of))
    return problems


def _surely_finished(campaign: Campaign, data: dict[str, Any]) -> bool:
    """Submitted, with every document the plan asks for and its number where it needs one: nothing left to send.

    Read from the raw record, so that only the other dossiers are built into the model (``still_to_send`` decides).
    """
    if data.get("submitted_at") is None:
        return False
    first: dict[str, dict[str, Any]] = {}
    for document in data.get("documents", ()):
        first.setdefault(document["type"], document)
    return all(item.id in first and (first[item.id].get("number") or not item.numbered) for item in campaign.dossier)


def _unfinished(args: argparse.Namespace, result: Result) -> list[Unfinished]:
    """Valid dossiers their unit has not finished: what each must still send (exit stays 0: work in progress)."""
    nominations = [record for record in result.records if record.kind.name == "nomination"]
    if not nominations:
        return []  # the domain model is not even loaded
    from .evaluation.dossier import still_to_send
    from .model.campaign import campaign_from
    from .model.records import nomination_from

    plans = {record.data["id"]: campaign_from(record.data) for record in result.records if record.kind.name == "campaign"}
    as_of = as_of_date(args.as_of)
    found = []
    for record in nominations:
        campaign = plans[record.data["campaign"]]
        if _surely_finished(campaign, record.data):
            continue
        items = still_to_send(campaign, nomination_from(record.data), as_of)
        if items:
            found.append(Unfinished(str(record.doc.path), f"{record.kind.label} {record.id}", tuple(items)))
    return sorted(found)


def cmd_validate(args: argparse.Namespace) -> int:
    result, code = _validate(args)
    unfinished: list[Unfinished] = []
    if result.ok:
        result.problems = sorted(_repository_checks(args, result))
        code = EXIT_OK if result.ok else EXIT_INVALID
        unfinished = _unfinished(args, result) if result.ok else []
    if args.format == "gitlab":
        sys.stdout.write(problem_formats.as_gitlab(result.problems))
    elif args.format == "json":
        sys.stdout.write(problem_formats.as_json(result.problems, result.files, len(result.records), unfinished))
    elif args.format == "github":
        sys.stdout.write(problem_formats.as_github(result.problems, result.files, unfinished))
        summary = os.environ.get("GITHUB_STEP_SUMMARY")
        if summary:
            with open(summary, "a", encoding="utf-8") as handle:
                handle.write(problem_formats.as_step_summary(result.problems, result.files, unfinished))
    else:
        sys.stdout.write(problem_formats.as_text(result.problems, result.files, unfinished))
    return code


def cmd_evaluate(args: argparse.Namespace) -> int:
    from .outputs.evaluation_files import evaluate_all

    result = _valid_or_report(args, "Chưa xét được vì hồ sơ còn lỗi.")
    if result is None:
        return EXIT_INVALID
    return evaluate_all(result, Path(args.root).resolve(), as_of_date(args.as_of), Path(args.output), args.campaign)


def cmd_documents(args: argparse.Namespace) -> int:
    from .documents.files import write_documents
    from .outputs import output_folder

    root = Path(args.root).resolve()
    try:  # before anything is read or written: a folder that must not be replaced stops the command untouched
        output_folder.check(root, output_folder.under(root, Path(args.output)), "--output", "build/documents")
    except output_folder.FolderError as exc:
        raise UsageError(str(exc)) from None
    result = _valid_or_report(args, "Chưa soạn được văn bản vì hồ sơ còn lỗi.")
    if result is None:
        return EXIT_INVALID
    return write_documents(result, root, as_of_date(args.as_of), Path(args.output), args.campaign, args.pdf)


def cmd_build(args: argparse.Namespace) -> int:
    from .outputs import output_folder
    from .site.build import build_site

    root = Path(args.root).resolve()
    try:  # before anything is read or written: a folder that must not be replaced stops the build untouched
        output_folder.check(root, output_folder.under(root, Path(args.site_dir)))
    except output_folder.FolderError as exc:
        raise UsageError(str(exc)) from None
    result = _valid_or_report(args, "Chưa dựng trang thông tin vì hồ sơ còn lỗi; trang cũ (nếu có) được giữ nguyên.")
    if result is None:
        return EXIT_INVALID
    return build_site(result, root, Path(args.site_dir), as_of_date(args.as_of))


def cmd_serve(args: argparse.Namespace) -> int:
    from .site.serve import serve

    return serve(Path(args.root).resolve(), as_of_date(args.as_of), args.dev_addr)


def _warn_after_deadline(campaign: Campaign) -> None:
    """A dossier created after the campaign's deadline will be refused by the checks on pull requests: say so now."""
    today = as_of_date(None)
    if campaign.deadline is not None and today > campaign.deadline:
        sys.stdout.write(
            f"Lưu ý: phong trào “{campaign.name}” năm {campaign.year} đã hết hạn nhận hồ sơ (hết ngày "
            f"{campaign.deadline:%d/%m/%Y}); máy kiểm tra sẽ từ chối hồ sơ đề nghị mới gửi lên. Nếu cần bổ sung, hãy liên "
            "hệ bộ phận theo dõi phong trào.\n"
        )


def cmd_new(args: argparse.Namespace) -> int:
    from .model import registry_from
    from .records.schemas import load_schemas
    from .repo import skeleton

    root = Path(args.root).resolve()
    schemas = load_schemas(root / "schemas")
    try:
        if args.what == "nomination":
            from .records.layout import nomination_id, record_path
            from .vocabulary import NomineeKind

            kind, nominee = (NomineeKind.COLLECTIVE, args.unit) if args.unit else (NomineeKind.INDIVIDUAL, args.person)
            existing = root / record_path("nomination", nomination_id(kind, nominee), args.campaign)
            if existing.exists():  # before validating: the earlier skeleton may still be half filled
                raise skeleton.SkeletonError(f"đã có tệp {existing}; thidua new không ghi đè, hãy sửa tệp đó.")
            result = _valid_or_report(args, "Chưa tạo được hồ sơ mới vì các hồ sơ hiện có còn lỗi.")
            if result is None:
                return EXIT_INVALID
            registry = registry_from(result.records)
            path = skeleton.nomination(root, schemas, registry, args.campaign, args.unit, args.person, args.award)
            campaign = registry.campaigns[args.campaign]
        elif args.what == "codeowners":
            from .repo.codeowners import FILE, render

            result = _valid_or_report(args, "Chưa cập nhật được CODEOWNERS vì hồ sơ còn lỗi.")
            if result is None:
                return EXIT_INVALID
            path = root / FILE
            path.write_bytes(render(registry_from(result.records)).encode())  # exactly what validate compares
            sys.stdout.write(f"Đã cập nhật {FILE} từ trường owners của records/units; hãy commit tệp này.\n")
            return EXIT_OK
        elif args.what == "unit":
            path = skeleton.unit(root, schemas, args.id, args.name, args.kind, args.parent)
        elif args.what == "person":
            path = skeleton.person(root, schemas, args.id, args.name, args.unit)
        else:
            path = skeleton.campaign(root, args.source, args.id, args.year)
    except skeleton.SkeletonError as exc:
        raise UsageError(str(exc)) from None
    sys.stdout.write(f"Đã tạo {path.relative_to(root)}. Hãy điền các dòng còn trống rồi chạy «thidua validate».\n")
    if args.what == "nomination":
        _warn_after_deadline(campaign)
    return EXIT_OK


def parser() -> argparse.ArgumentParser:
    top = _Parser(prog="thidua", description="Phong trào thi đua – khen thưởng dưới dạng mã.")
    top.add_argument("--root", default=".", help="thư mục gốc của kho hồ sơ (mặc định: thư mục hiện tại)")
    top.add_argument(
        "--no-cache",
        action="store_true",
        help="đọc lại mọi hồ sơ, không dùng và không ghi bộ nhớ đệm "
        "(ở ~/.cache/thidua, hoặc thư mục trong biến THIDUA_CACHE_DIR)",
    )
    verbs = top.add_subparsers(dest="verb", required=True, metavar="LỆNH", parser_class=_Parser)

    validate = verbs.add_parser(
        "validate",
        help="kiểm tra mọi hồ sơ trong records/",
        description="Kiểm tra mọi hồ sơ theo mẫu (JSON Schema) và đối chiếu giữa các hồ sơ; "
        "báo mọi lỗi cùng lúc. Mã thoát: 0 hợp lệ, 1 hồ sơ có lỗi, 2 lỗi cách dùng.",
    )
    validate.add_argument(
        "--format",
        choices=("text", "github", "gitlab", "json"),
        default="text",
        help="text: cho người đọc; github: chú thích GitHub Actions; gitlab: báo cáo Code Quality; json: cho máy đọc",
    )
    validate.add_argument(
        "--changed-since",
        metavar="GỐC",
        help="chặn hạn nộp: báo lỗi mọi hồ sơ đề nghị được thêm hoặc sửa từ GỐC (ví dụ origin/main) "
        "khi phong trào đã hết hạn, theo ngày của máy (giờ Việt Nam)",
    )
    validate.add_argument("--as-of", type=_date, help="ngày dùng cho việc chặn hạn nộp (mặc định: hôm nay, giờ Việt Nam)")
    validate.set_defaults(run=cmd_validate)

    evaluate = verbs.add_parser(
        "evaluate",
        help="xét hồ sơ: đầy đủ, đúng hạn, tiêu chí, phiếu bầu, người được chọn",
        description="Xét mọi phong trào: hồ sơ đầy đủ và đúng hạn, từng tiêu chí (đạt, không đạt, "
        "chưa đủ căn cứ), biểu quyết của hội đồng và người được chọn trong số lượng khen. "
        "In báo cáo và ghi mỗi phong trào một tệp JSON.",
    )
    evaluate.add_argument(
        "--as-of",
        type=_date,
        help="ngày xét, dạng 2025-12-05 (mặc định: SOURCE_DATE_EPOCH, nếu không có thì hôm nay theo giờ Việt Nam)",
    )
    evaluate.add_argument("--output", default="build/evaluation", help="thư mục ghi kết quả JSON (mặc định: build/evaluation)")
    evaluate.add_argument("--campaign", help="chỉ xét một phong trào (mã phong trào)")
    evaluate.set_defaults(run=cmd_evaluate)

    documents = verbs.add_parser(
        "documents",
        help="soạn Tờ trình, Biên bản họp, Quyết định kèm danh sách, Giấy khen (.docx, PDF) từ hồ sơ",
        description="Soạn các văn bản của mỗi phong trào theo thể thức Nghị định 30/2020/NĐ-CP, từ hồ sơ: Tờ trình của "
        "từng đơn vị đề nghị, Biên bản họp của Hội đồng, Quyết định khen thưởng kèm danh sách, Giấy khen của từng người "
        "(bản đầy đủ và bản in lên phôi). Thiếu dữ kiện (chưa có số…) thì văn bản ghi «DỰ THẢO» và lệnh báo tệp, trường "
        "còn thiếu (mã thoát vẫn là 0). Mẫu Word: templates/documents/ ở gốc kho (nếu có), không thì mẫu của thidua.",
    )
    documents.add_argument("--campaign", help="chỉ soạn văn bản của một phong trào (mã phong trào)")
    documents.add_argument(
        "--as-of",
        type=_date,
        help="ngày xét, dạng 2025-12-20 (mặc định: SOURCE_DATE_EPOCH, nếu không có thì hôm nay theo giờ Việt Nam)",
    )
    documents.add_argument("--output", default="build/documents", help="thư mục ghi văn bản (mặc định: build/documents)")
    documents.add_argument(
        "--pdf",
        action="store_true",
        help="chuyển thêm sang PDF bằng LibreOffice (gói Debian libreoffice-writer-nogui và fonts-liberation2); "
        "thiếu LibreOffice thì vẫn ghi .docx, báo cách cài và trả mã thoát 1",
    )
    documents.set_defaults(run=cmd_documents)

    build = verbs.add_parser(
        "build",
        help="kiểm tra hồ sơ rồi dựng trang thông tin vào site/",
        description="Kiểm tra hồ sơ, sinh các trang Markdown từ hồ sơ rồi dựng trang thông tin bằng MkDocs (--strict).",
    )
    build.add_argument("--site-dir", default="site", help="thư mục chứa trang đã dựng (mặc định: site)")
    build.add_argument(
        "--as-of",
        type=_date,
        help="ngày tính số liệu, dạng 2025-12-05 (mặc định: SOURCE_DATE_EPOCH, nếu không có thì hôm nay theo giờ Việt Nam)",
    )
    build.set_defaults(run=cmd_build)

    new = verbs.add_parser(
        "new",
        help="tạo hồ sơ mới từ mẫu, có chú thích tiếng Việt cho từng trường",
        description="Tạo tệp hồ sơ mới với mọi trường bắt buộc và chú thích; không bao giờ ghi đè tệp đã có.",
    )
    kinds = new.add_subparsers(dest="what", required=True, metavar="LOẠI", parser_class=_Parser)
    nomination = kinds.add_parser("nomination", help="hồ sơ đề nghị khen thưởng cho một tập thể hoặc một cá nhân")
    nomination.add_argument("--campaign", required=True, help="mã phong trào")
    who = nomination.add_mutually_exclusive_group(required=True)
    who.add_argument("--unit", help="mã tập thể được đề nghị")
    who.add_argument("--person", help="mã cá nhân được đề nghị")
    nomination.add_argument("--award", help="mã hình thức khen thưởng (mặc định: hình thức đầu tiên của kế hoạch)")
    unit = kinds.add_parser("unit", help="một đơn vị")
    unit.add_argument("id", help="mã đơn vị, ví dụ van-phong-thong-ke")
    unit.add_argument("--name", required=True, help="tên đơn vị")
    unit.add_argument(
        "--kind",
        required=True,
        choices=("co-quan", "bo-phan", "mat-tran", "doan-the", "xom", "truong", "khac"),
        help="loại đơn vị",
    )
    unit.add_argument("--parent", help="mã đơn vị cấp trên")
    person = kinds.add_parser("person", help="một cá nhân")
    person.add_argument("id", help="mã cá nhân, ví dụ nguyen-thi-lan")
    person.add_argument("--name", required=True, help="họ và tên")
    person.add_argument("--unit", required=True, help="mã đơn vị công tác")
    campaign = kinds.add_parser("campaign", help="một phong trào mới, sao chép từ phong trào trước")
    campaign.add_argument("id", help="mã phong trào mới")
    campaign.add_argument("--from", dest="source", required=True, help="mã phong trào để sao chép")
    campaign.add_argument("--year", required=True, type=int, help="năm thi đua")
    kinds.add_parser("codeowners", help="cập nhật tệp CODEOWNERS từ trường owners của các đơn vị (ghi đè: tệp sinh tự động)")
    new.set_defaults(run=cmd_new)

    preview = verbs.add_parser(
        "serve",
        help="xem thử trang thông tin, tự cập nhật khi sửa hồ sơ",
        description="Sinh các trang từ hồ sơ rồi chạy máy chủ xem thử của MkDocs; "
        "mỗi lần lưu một hồ sơ, trang được sinh lại và trình duyệt tự tải lại.",
    )
    preview.add_argument("--dev-addr", default="127.0.0.1:8000", help="địa chỉ:cổng (mặc định 127.0.0.1:8000)")
    preview.add_argument("--as-of", type=_date, help="ngày tính số liệu, dạng 2025-12-05")
    preview.set_defaults(run=cmd_serve)
    _vietnamese_placeholders(top)
    return top


# What each option's value is, in the words of the help (argparse would print the option's name in capitals).
_PLACEHOLDERS = {
    "as_of": "NGÀY",
    "award": "MÃ_HÌNH_THỨC",
    "campaign": "MÃ_PHONG_TRÀO",
    "changed_since": "MỐC_GIT",
    "dev_addr": "ĐỊA_CHỈ:CỔNG",
    "id": "MÃ",
    "name": "TÊN",
    "output": "THƯ_MỤC",
    "parent": "MÃ_ĐƠN_VỊ",
    "person": "MÃ_CÁ_NHÂN",
    "root": "THƯ_MỤC",
    "site_dir": "THƯ_MỤC",
    "source": "MÃ_PHONG_TRÀO",
    "unit": "MÃ_ĐƠN_VỊ",
    "year": "NĂM",
}


def _vietnamese_placeholders(parser: argparse.ArgumentParser) -> None:
    """Every option that takes a value shows a Vietnamese placeholder, in this parser and its sub-commands."""
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for sub in set(action.choices.values()):
                _vietnamese_placeholders(sub)
        elif action.metavar is None and action.dest in _PLACEHOLDERS:
            action.metavar = _PLACEHOLDERS[action.dest]


def main(argv: Sequence[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        return int(args.run(args))
    except (UsageError, SchemaError) as exc:
        sys.stderr.write(f"thidua: lỗi: {exc}\n")
        return EXIT_USAGE
    except BrokenPipeError:  # the reader (head, less) closed the pipe: stop quietly
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_INVALID
    except KeyboardInterrupt:
        sys.stderr.write("thidua: đã dừng.\n")
        return EXIT_USAGE
    except Exception as exc:  # an internal error: say so plainly, keep the traceback for maintainers
        if os.environ.get("THIDUA_DEBUG"):
            raise
        sys.stderr.write(
            f"thidua: lỗi nội bộ ({type(exc).__name__}: {exc}). Hãy chạy lại với THIDUA_DEBUG=1 và báo cho người bảo trì.\n"
        )
        return EXIT_USAGE


if __name__ == "__main__":
    raise SystemExit(main())
