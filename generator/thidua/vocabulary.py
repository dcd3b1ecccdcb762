"""The words records and results share: each value as it is written (an ASCII slug) and as a reader sees it.

Each set is a StrEnum, so a member is the very string records and result files hold
(``NomineeKind.COLLECTIVE == "tap-the"``), and ``.label`` gives the Vietnamese words.
"""

from __future__ import annotations

from enum import StrEnum


class NomineeKind(StrEnum):
    """Who is nominated: a collective (a unit) or an individual (a person)."""

    COLLECTIVE = "tap-the"
    INDIVIDUAL = "ca-nhan"

    @property
    def label(self) -> str:
        return _NOMINEE_KINDS[self]


_NOMINEE_KINDS = {NomineeKind.COLLECTIVE: "tập thể", NomineeKind.INDIVIDUAL: "cá nhân"}


class CriterionState(StrEnum):
    """A criterion (or a rule) for one nominee: met, not met, or not yet known ("chưa đủ căn cứ")."""

    MET = "met"
    NOT_MET = "not-met"
    UNKNOWN = "unknown"

    @property
    def label(self) -> str:
        return _CRITERION_STATES[self]


_CRITERION_STATES = {CriterionState.MET: "đạt", CriterionState.NOT_MET: "không đạt", CriterionState.UNKNOWN: "chưa đủ căn cứ"}


class Timing(StrEnum):
    """When a dossier came in, against the deadline."""

    NOT_SUBMITTED = "not-submitted"
    ON_TIME = "on-time"
    LATE = "late"

    @property
    def label(self) -> str:
        return _TIMINGS[self]


_TIMINGS = {Timing.NOT_SUBMITTED: "Chưa nộp", Timing.ON_TIME: "Đúng hạn", Timing.LATE: "Trễ hạn"}


class Standing(StrEnum):
    """Where a nomination stands, in the order a dossier moves through the steps."""

    NOT_SUBMITTED = "chua-nop"
    INCOMPLETE = "thieu-ho-so"
    LATE = "tre-han"
    NOT_ELIGIBLE = "khong-du-dieu-kien"
    PENDING = "chua-du-can-cu"
    BLOCKED = "khong-duoc-xet"
    AWAITING_COUNCIL = "cho-hoi-dong"
    BELOW_THRESHOLD = "khong-du-phieu"
    TIE = "bang-phieu"
    OUTSIDE_QUOTA = "ngoai-so-luong"
    CHOSEN_ELSEWHERE = "da-chon-hinh-thuc-khac"
    WINNER = "duoc-chon"

    @property
    def label(self) -> str:
        return _STANDINGS[self]

    @property
    def eligible(self) -> bool:
        """Whether a nomination standing here met every condition before the council's vote."""
        return self in _ELIGIBLE


_STANDINGS = {
    Standing.NOT_SUBMITTED: "Chưa nộp",
    Standing.INCOMPLETE: "Thiếu hồ sơ",
    Standing.LATE: "Nộp trễ hạn",
    Standing.NOT_ELIGIBLE: "Không đạt tiêu chí",
    Standing.PENDING: "Chưa đủ căn cứ",
    Standing.BLOCKED: "Không được xét",
    Standing.AWAITING_COUNCIL: "Chờ hội đồng",
    Standing.BELOW_THRESHOLD: "Không đủ phiếu",
    Standing.TIE: "Bằng phiếu, chờ hội đồng quyết định",
    Standing.OUTSIDE_QUOTA: "Ngoài số lượng khen",
    Standing.CHOSEN_ELSEWHERE: "Đã được chọn cho hình thức khác",
    Standing.WINNER: "Được đề nghị khen",
}
_ELIGIBLE = frozenset(
    {
        Standing.AWAITING_COUNCIL,
        Standing.BELOW_THRESHOLD,
        Standing.TIE,
        Standing.OUTSIDE_QUOTA,
        Standing.CHOSEN_ELSEWHERE,
        Standing.WINNER,
    }
)


class CampaignState(StrEnum):
    """Where a campaign stands on the as-of date."""

    OPEN = "dang-nhan-ho-so"
    REVIEWING = "dang-xet"
    DECIDED = "da-quyet-dinh"

    @property
    def label(self) -> str:
        return _CAMPAIGN_STATES[self]


_CAMPAIGN_STATES = {
    CampaignState.OPEN: "Đang nhận hồ sơ",
    CampaignState.REVIEWING: "Đã hết hạn nộp, đang xét",
    CampaignState.DECIDED: "Đã có quyết định khen thưởng",
}


class Step(StrEnum):
    """A step of the procedure from a unit's meeting to the award, in the order it happens; a provision of a law
    record names the steps it is the basis of."""

    UNIT_VOTE = "binh-xet-tai-don-vi"
    DOSSIER = "lap-ho-so"
    DEADLINE = "nop-dung-han"
    CONDITIONS = "dieu-kien-duoc-xet"
    CRITERIA = "xet-tieu-chi"
    ONE_ACHIEVEMENT = "mot-thanh-tich-mot-lan"
    COUNCIL = "hoi-dong-xet"
    QUOTA = "so-luong-khen"
    POSTING = "cong-khai"
    DECISION = "quyet-dinh"
    AMOUNT = "tien-thuong"
    REVOCATION = "huy-bo"

    @property
    def label(self) -> str:
        return _STEPS[self]


_STEPS = {
    Step.UNIT_VOTE: "Bình xét tại đơn vị",
    Step.DOSSIER: "Lập hồ sơ đề nghị",
    Step.DEADLINE: "Nộp hồ sơ đúng hạn",
    Step.CONDITIONS: "Điều kiện để được xét",
    Step.CRITERIA: "Xét tiêu chí theo kết quả chính thức",
    Step.ONE_ACHIEVEMENT: "Mỗi thành tích chỉ khen một lần",
    Step.COUNCIL: "Hội đồng Thi đua - Khen thưởng họp xét",
    Step.QUOTA: "Chọn trong số lượng khen",
    Step.POSTING: "Công khai danh sách, lấy ý kiến",
    Step.DECISION: "Quyết định khen thưởng",
    Step.AMOUNT: "Tiền thưởng",
    Step.REVOCATION: "Hủy bỏ khen thưởng khi gian dối",
}
