"""Dossier completeness and the deadline: the end of its day in Vietnam, and what git history says."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
from dataclasses import replace
from pathlib import Path

import pytest

from conftest import ROOT
from thidua.evaluation.dossier import check_dossier
from thidua.model import registry_from
from thidua.model.records import moment
from thidua.records.validate import validate_tree
from thidua.repo.githistory import first_landings
from thidua.vocabulary import Timing

CAMPAIGN = "chung-tay-cchc-2025"
AS_OF = dt.date(2025, 12, 20)


@pytest.fixture(scope="module")
def registry():  # type: ignore[no-untyped-def]
    return registry_from(validate_tree(ROOT).records)


def _nomination(registry, ident="ca-nhan-nguyen-thi-lan"):  # type: ignore[no-untyped-def]
    return next(n for n in registry.nominations[CAMPAIGN] if n.id == ident)


def _check(registry, nomination, landed=None):  # type: ignore[no-untyped-def]
    return check_dossier(registry.campaigns[CAMPAIGN], nomination, landed, AS_OF, registry)


@pytest.mark.parametrize(
    ("submitted", "timing"),
    [
        ("2025-12-05T23:59:59+07:00", Timing.ON_TIME),
        ("2025-12-05", Timing.ON_TIME),
        ("2025-12-05T16:59:59Z", Timing.ON_TIME),  # 23:59:59 in Vietnam
        ("2025-12-05T17:00:00Z", Timing.LATE),  # 00:00 on 06/12 in Vietnam
        ("2025-12-06T00:00:00+07:00", Timing.LATE),
    ],
)
def test_deadline_is_the_end_of_its_day_in_vietnam(registry, submitted, timing) -> None:  # type: ignore[no-untyped-def]
    """A dossier is on time until 23:59:59 of the deadline day in Asia/Ho_Chi_Minh, whatever the offset it was written in."""
    nomination = replace(_nomination(registry), submitted_at=moment(submitted))
    assert _check(registry, nomination).timing == timing


def test_complete_dossier(registry) -> None:  # type: ignore[no-untyped-def]
    """Every required document present, numbered where needed, dated in order: complete, nothing to send."""
    status = _check(registry, _nomination(registry))
    assert (status.complete, status.missing, status.problems, status.to_send, status.timing) == (True, (), (), (), Timing.ON_TIME)


def test_missing_document_is_named(registry) -> None:  # type: ignore[no-untyped-def]
    """A missing Biên bản makes the dossier incomplete and is listed as still to send."""
    status = _check(registry, _nomination(registry, "tap-the-dia-chinh-xay-dung"))
    assert (status.complete, status.missing, status.to_send) == (False, ("bien-ban-hop",), ("Biên bản họp của cơ quan",))


def test_number_is_required_where_the_form_has_one(registry) -> None:  # type: ignore[no-untyped-def]
    """A Tờ trình without its number is incomplete; a Báo cáo thành tích needs none."""
    nomination = _nomination(registry)
    documents = tuple(replace(d, number=None) for d in nomination.documents)
    status = _check(registry, replace(nomination, documents=documents))
    assert status.problems == (
        "Tờ trình khen thưởng của cơ quan chưa ghi số văn bản.",
        "Biên bản họp của cơ quan chưa ghi số văn bản.",
    )


def test_meeting_after_the_proposal_and_documents_after_submission(registry) -> None:  # type: ignore[no-untyped-def]
    """The meeting must come before the Tờ trình, and no document may be dated after the submission."""
    nomination = _nomination(registry)
    documents = tuple(replace(d, date=dt.date(2025, 11, 28)) if d.type == "bien-ban-hop" else d for d in nomination.documents)
    status = _check(registry, replace(nomination, documents=documents))
    assert status.problems == (
        "Biên bản họp (28/11/2025) ghi ngày sau Tờ trình (26/11/2025): cuộc họp phải diễn ra trước khi trình.",
        "Biên bản họp của cơ quan ghi ngày 28/11/2025, sau ngày nộp hồ sơ 27/11/2025.",
    )


def test_proposal_signed_outside_the_proposing_unit(registry) -> None:  # type: ignore[no-untyped-def]
    """A Tờ trình signed by someone outside the proposing unit is a dossier problem."""
    nomination = _nomination(registry)
    signer = replace(nomination.documents[0].signer, person="truong-anh-tu")
    documents = (replace(nomination.documents[0], signer=signer), *nomination.documents[1:])
    status = _check(registry, replace(nomination, documents=documents))
    assert status.problems == (
        "Tờ trình khen thưởng của cơ quan phải do thủ trưởng đơn vị đề nghị (Đặng Thị Thu Hương) ký, hoặc người của đơn "
        "vị ký thay (KT.), thừa lệnh (TL.); người ký Trương Anh Tú không phải.",
    )


def test_not_submitted(registry) -> None:  # type: ignore[no-untyped-def]
    """A dossier without a submission time is not submitted, and says what remains to send."""
    status = _check(registry, _nomination(registry, "ca-nhan-la-thi-nhung"))
    assert status.timing == Timing.NOT_SUBMITTED
    assert status.missing == ("to-trinh", "bien-ban-hop")


def test_git_landing_after_the_recorded_submission_is_a_disagreement(registry) -> None:  # type: ignore[no-untyped-def]
    """When the file reached the main branch after the recorded submission, both dates are reported."""
    landed = moment("2025-12-07T10:00:00+07:00")
    status = _check(registry, _nomination(registry), landed)
    assert status.timing == Timing.ON_TIME
    assert status.disagreement == (
        "Hồ sơ ghi nộp ngày 27/11/2025 nhưng tệp hồ sơ chỉ vào kho ngày 07/12/2025; "
        "văn phòng cần xác minh thời điểm nộp. Theo lịch sử kho, hồ sơ đã nộp sau hạn chót."
    )
    assert _check(registry, _nomination(registry), moment("2025-11-27T08:00:00+07:00")).disagreement is None


def _git(repo: Path, *args: str, when: str | None = None) -> None:
    env = dict(
        os.environ,
        GIT_AUTHOR_NAME="t",
        GIT_AUTHOR_EMAIL="t@example.invalid",
        GIT_COMMITTER_NAME="t",
        GIT_COMMITTER_EMAIL="t@example.invalid",
    )
    if when:
        env.update(GIT_AUTHOR_DATE=when, GIT_COMMITTER_DATE=when)
    subprocess.run(["git", "-C", str(repo), *args], check=True, env=env, capture_output=True)


def test_first_landings_reads_history_in_one_pass(tmp_path: Path) -> None:
    """The first commit on the main line that added each file gives its landing time; later edits do not move it."""
    repo = tmp_path / "kho"
    repo.mkdir()
    _git(repo, "init", "-q", "-b", "main")
    folder = repo / "records" / "nominations" / "p"
    folder.mkdir(parents=True)
    (folder / "a.yml").write_text("id: a\n")
    _git(repo, "add", ".")
    _git(repo, "commit", "-q", "-m", "a", when="2025-12-04T10:00:00+07:00")
    (folder / "b.yml").write_text("id: b\n")
    (folder / "a.yml").write_text("id: a\nx: 1\n")
    _git(repo, "add", ".")
    _git(repo, "commit", "-q", "-m", "b", when="2025-12-06T09:00:00+07:00")
    landed = first_landings(repo)
    assert landed == {
        "records/nominations/p/a.yml": dt.datetime.fromisoformat("2025-12-04T10:00:00+07:00"),
        "records/nominations/p/b.yml": dt.datetime.fromisoformat("2025-12-06T09:00:00+07:00"),
    }


def test_outside_a_git_repository_there_is_no_history(tmp_path: Path) -> None:
    """Outside a git repository, landing times are simply unknown."""
    assert first_landings(tmp_path) == {}
