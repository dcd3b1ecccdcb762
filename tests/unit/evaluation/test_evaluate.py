"""thidua evaluate on the sample campaign: every state, the decision, the JSON result, the CLI."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import jsonschema
import pytest

from conftest import ROOT, write
from thidua.evaluation.evaluate import evaluate_campaign
from thidua.model import registry_from
from thidua.outputs.result_json import dumps
from thidua.records.validate import validate_tree

CAMPAIGN = "chung-tay-cchc-2025"
AFTER_DECISION = dt.date(2025, 12, 20)


@pytest.fixture(scope="module")
def registry():  # type: ignore[no-untyped-def]
    return registry_from(validate_tree(ROOT).records)


@pytest.fixture(scope="module")
def result(registry):  # type: ignore[no-untyped-def]
    return evaluate_campaign(registry, registry.campaigns[CAMPAIGN], AFTER_DECISION)


EXPECTED = {
    "tap-the-tu-phap-ho-tich": "duoc-chon",  # tied 6–6 at the cut-off, chosen by the council's resolution
    "tap-the-van-phong-thong-ke": "ngoai-so-luong",  # the other side of that tie
    "tap-the-dia-chinh-xay-dung": "thieu-ho-so",  # no Biên bản họp
    "tap-the-van-hoa-xa-hoi": "khong-du-dieu-kien",  # rated "hoàn thành tốt" and a member disciplined
    "ca-nhan-nguyen-thi-lan": "duoc-chon",
    "ca-nhan-pham-thi-hoa": "khong-du-dieu-kien",  # rated "hoàn thành tốt"
    "ca-nhan-dinh-van-cuong": "tre-han",  # submitted 08/12/2025
    "ca-nhan-dam-van-khoi": "chua-du-can-cu",  # a hamlet head: in no official rating
    "ca-nhan-do-van-hai": "khong-duoc-xet",  # an open complaint
    "ca-nhan-la-thi-nhung": "chua-nop",  # not submitted
}


@pytest.mark.parametrize("nomination", sorted(EXPECTED))
def test_each_sample_state(result, nomination) -> None:  # type: ignore[no-untyped-def]
    """Each sample nomination ends in the state it was written to show."""
    assert result.result(nomination).outcome == EXPECTED[nomination]


def test_criteria_are_explained_with_their_evidence(result) -> None:  # type: ignore[no-untyped-def]
    """A failed criterion names the evidence, its value, its owner and what was needed."""
    [failed] = [c for c in result.result("ca-nhan-pham-thi-hoa").criteria if c.outcome.state != "met"]
    assert failed.criterion == "cn-hoan-thanh-xuat-sac"
    assert failed.outcome.state == "not-met"
    assert failed.outcome.reason == (
        "Xếp loại chất lượng cán bộ, công chức năm 2025: Hoàn thành tốt nhiệm vụ (nguồn: Xếp loại chất lượng cán bộ, "
        "công chức xã năm 2025, do Văn phòng - thống kê giữ, theo Quyết định số 198/QĐ-UBND ngày 03/12/2025): chưa đạt mức «Hoàn thành xuất sắc nhiệm vụ»"
    )
    [fact] = failed.outcome.facts
    assert (fact.evidence, fact.value) == ("xep-loai-ca-nhan", "hoan-thanh-tot-nhiem-vu")


def test_missing_evidence_is_not_yet_known_never_passed(result) -> None:  # type: ignore[no-untyped-def]
    """A nominee absent from the official ratings gets 'chưa đủ căn cứ', not a pass."""
    states = {c.criterion: c.outcome.state for c in result.result("ca-nhan-dam-van-khoi").criteria}
    assert states == {
        "cn-hoan-thanh-xuat-sac": "unknown",
        "cn-thuc-hien-tot-cchc": "unknown",
        "cn-van-ban-dung-han": "unknown",
        "cn-ky-luat-ky-cuong": "met",
    }


def test_collective_discipline_counts_its_members(result) -> None:  # type: ignore[no-untyped-def]
    """A collective fails the discipline criterion when one of its members was disciplined in the year."""
    states = {c.criterion: c.outcome.state for c in result.result("tap-the-van-hoa-xa-hoi").criteria}
    assert states["tt-ky-cuong-hanh-chinh"] == "not-met"


def test_tie_settled_by_the_council_resolution(result) -> None:  # type: ignore[no-untyped-def]
    """The two collectives tie on votes at the cut-off; the council's recorded resolution chooses one."""
    [collective] = [a for a in result.awards if a.kind == "tap-the"]
    assert collective.winners == ("tap-the-tu-phap-ho-tich",)
    assert collective.tied == ()
    assert collective.resolution is not None and collective.resolution.startswith("Hai hồ sơ tập thể")


def test_tie_without_resolution_is_never_broken_silently(registry) -> None:  # type: ignore[no-untyped-def]
    """Without the council's resolution, the tie is reported and nobody wins that place."""
    from dataclasses import replace

    meetings = tuple(replace(m, resolutions=()) for m in registry.meetings[CAMPAIGN])
    bare = replace(registry, meetings={CAMPAIGN: meetings})
    result = evaluate_campaign(bare, bare.campaigns[CAMPAIGN], AFTER_DECISION)
    [collective] = [a for a in result.awards if a.kind == "tap-the"]
    assert collective.winners == ()
    assert collective.tied == ("tap-the-tu-phap-ho-tich", "tap-the-van-phong-thong-ke")
    assert result.result("tap-the-van-phong-thong-ke").outcome == "bang-phieu"
    assert result.differences == (
        "Quyết định khen hồ sơ «tap-the-tu-phap-ho-tich» (giay-khen-chu-tich-ubnd-xa) nhưng kết quả tính không chọn hồ sơ này.",
    )


def test_decision_is_what_was_granted(result) -> None:  # type: ignore[no-untyped-def]
    """The chairman's decision grants the computed winners; no difference is reported."""
    assert [(g.nomination, g.decision, g.revoked_by) for g in result.granted] == [
        ("tap-the-tu-phap-ho-tich", "qd-khen-thuong-2025", None),
        ("ca-nhan-nguyen-thi-lan", "qd-khen-thuong-2025", None),
    ]
    assert result.differences == ()
    assert result.state == "da-quyet-dinh"


def test_before_the_deadline_the_campaign_is_open(registry) -> None:  # type: ignore[no-untyped-def]
    """Before the deadline, with no decision, a campaign is open with its days left."""
    from dataclasses import replace

    undecided = replace(registry, decisions={})
    result = evaluate_campaign(undecided, undecided.campaigns[CAMPAIGN], dt.date(2025, 11, 20))
    assert (result.state, result.days_left) == ("dang-nhan-ho-so", 15)
    after = evaluate_campaign(undecided, undecided.campaigns[CAMPAIGN], dt.date(2025, 12, 6))
    assert (after.state, after.days_left) == ("dang-xet", -1)


def test_json_is_stable_and_follows_its_schema(registry, result) -> None:  # type: ignore[no-untyped-def]
    """The JSON result validates against schemas/result.schema.json and is byte-identical when evaluated again."""
    text = dumps(registry, result)
    again = dumps(registry, evaluate_campaign(registry, registry.campaigns[CAMPAIGN], AFTER_DECISION))
    assert text == again
    schema = json.loads((ROOT / "schemas/result.schema.json").read_text("utf-8"))
    validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())
    assert [e.message for e in validator.iter_errors(json.loads(text))] == []


def test_json_has_no_private_value(registry, result) -> None:  # type: ignore[no-untyped-def]
    """No private field of any person reaches the JSON result."""
    import yaml

    text = dumps(registry, result)
    secrets = [
        str(v)
        for p in sorted((ROOT / "records/people").glob("*.yml"))
        for v in (yaml.safe_load(p.read_text("utf-8")).get("private") or {}).values()
    ]
    assert secrets and [s for s in secrets if s in text] == []


def test_cli_evaluate_prints_and_writes(tree: Path, cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """thidua evaluate prints the Vietnamese report and writes one JSON file per campaign."""
    out = tmp_path / "ket-qua"
    run = cli("--root", str(tree), "evaluate", "--as-of", "2025-12-20", "--output", str(out))
    assert run.code == 0, run.out + run.err
    assert run.out.startswith("Phong trào “Chung tay Cải cách hành chính” năm 2025 — tính đến ngày 20/12/2025\n")
    assert "  1. Tư pháp - hộ tịch (tap-the-tu-phap-ho-tich): 6/8 phiếu — Được đề nghị khen\n" in run.out
    data = json.loads((out / f"{CAMPAIGN}.json").read_text("utf-8"))
    assert data["counts"] == {
        "complete": 8,
        "dossiers_sent": 9,
        "eligible": 3,
        "nominations": 10,
        "units_taking_part": 9,
        "winners": 2,
    }


def test_cli_evaluate_refuses_invalid_records(tree: Path, cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """With invalid records, evaluate exits 1, reports the problems and writes nothing."""
    write(tree, "records/units/hong.yml", "id: hong\n")
    out = tmp_path / "ket-qua"
    run = cli("--root", str(tree), "evaluate", "--as-of", "2025-12-20", "--output", str(out))
    assert run.code == 1
    assert "Chưa xét được vì hồ sơ còn lỗi." in run.out
    assert not out.exists()


def test_cli_evaluate_unknown_campaign_is_a_usage_error(cli) -> None:  # type: ignore[no-untyped-def]
    """Asking for a campaign that does not exist exits 2 and lists the campaigns."""
    run = cli("--root", str(ROOT), "evaluate", "--as-of", "2025-12-20", "--campaign", "khong-co")
    assert run.code == 2
    assert run.err == "thidua: lỗi: không có phong trào «khong-co»; các phong trào: chung-tay-cchc-2025.\n"


def test_report_and_json_golden(tree: Path, cli, golden, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """The sample campaign's terminal report and JSON result match their golden files exactly."""
    out = tmp_path / "ket-qua"
    run = cli("--root", str(tree), "evaluate", "--as-of", "2025-12-20", "--output", str(out))
    assert run.code == 0
    golden("evaluate-sample.txt", run.out.replace(str(out), "<output>"))
    golden("evaluate-sample.json", (out / f"{CAMPAIGN}.json").read_text("utf-8"))


def test_the_as_of_date_hides_what_came_later(registry) -> None:  # type: ignore[no-untyped-def]
    """As of 20/11/2025 the campaign is open: later submissions, the council meeting and the decision are not known yet."""
    result = evaluate_campaign(registry, registry.campaigns[CAMPAIGN], dt.date(2025, 11, 20))
    assert (result.state, result.days_left, result.meeting, result.granted) == ("dang-nhan-ho-so", 15, None, ())
    assert {r.outcome for r in result.nominations} == {"chua-nop"}
    on_the_27th = evaluate_campaign(registry, registry.campaigns[CAMPAIGN], dt.date(2025, 11, 27))
    # The ratings of officials are decided on 03/12/2025: on 27/11 they are not known yet, so Lan is not yet known.
    lan = on_the_27th.result("ca-nhan-nguyen-thi-lan")
    assert lan.outcome == "chua-du-can-cu"
    assert lan.criteria[0].outcome.facts[0].shown == "chưa có kết quả vào ngày xét (văn bản ban hành sau)"
    assert on_the_27th.result("tap-the-tu-phap-ho-tich").outcome == "chua-nop"  # sent on 28/11
    on_the_4th = evaluate_campaign(registry, registry.campaigns[CAMPAIGN], dt.date(2025, 12, 4))
    assert on_the_4th.result("ca-nhan-nguyen-thi-lan").outcome == "cho-hoi-dong"
