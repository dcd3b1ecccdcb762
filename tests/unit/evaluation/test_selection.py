"""Several awards per nominee, selected in an order the plan's declarations fix (never the order they are written in);
the highest value per group wins, ties left to the council; a target as a cap per unit; dependencies ordered, loops refused."""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factory import campaign_data, registry
from thidua.evaluation.evaluate import evaluate_campaign
from thidua.evaluation.results import may_still_win
from thidua.model import Registry
from thidua.model.campaign import campaign_from
from thidua.model.commune import Person, Rating, RatingEntry, Unit
from thidua.model.records import AwardGrant, Decision, Signer, nomination_from
from thidua.ordering import Cycle, loop_through, ordered
from thidua.vocabulary import Standing

AS_OF = dt.date(2025, 9, 15)
# Students (GPA; major; class): the university's annual titles, as a plan would write them.
STUDENTS = {
    "an": (3.9, "ke-toan", "lop-1"),
    "binh": (3.9, "ke-toan", "lop-1"),
    "cuong": (3.5, "ke-toan", "lop-1"),
    "dung": (3.7, "luat", "lop-2"),
    "giang": (3.3, "luat", "lop-2"),
    "hoa": (2.9, "luat", "lop-2"),
}
EVIDENCE = [
    {"id": "gpa", "name": "Điểm trung bình tích lũy", "source": {"rating": "gpa"}, "subject": "nominee"},
    {"id": "giu-gioi", "name": "Sinh viên Giỏi", "source": {"awards": {"award": "gioi"}}, "subject": "nominee"},
    {"id": "giu-xuat-sac", "name": "Sinh viên Xuất sắc", "source": {"awards": {"award": "xuat-sac"}}, "subject": "nominee"},
]
CRITERIA = [
    {"id": "xs", "applies_to": "ca-nhan", "text": "Điểm từ 3,6", "mandatory": True, "rule": {"evidence": "gpa", "min": 3.6}},
    {"id": "gi", "applies_to": "ca-nhan", "text": "Điểm từ 3,2", "mandatory": True, "rule": {"evidence": "gpa", "min": 3.2}},
    {"id": "tk", "applies_to": "ca-nhan", "text": "Có điểm", "mandatory": True, "rule": {"evidence": "gpa", "min": 0}},
    {
        "id": "lop",
        "applies_to": "tap-the",
        "text": "Có sinh viên giỏi, xuất sắc",
        "mandatory": True,
        "rule": {
            "any": [{"members": {"holds": "giu-gioi", "min_count": 2}}, {"members": {"holds": "giu-xuat-sac", "min_count": 1}}]
        },
    },
]
AWARDS = [
    {
        "id": "xuat-sac",
        "name": "Sinh viên Xuất sắc",
        "quota": {"ca-nhan": {"percent": 100, "of": "nominations", "rounding": "down"}},
        "criteria": ["xs"],
    },
    {
        "id": "gioi",
        "name": "Sinh viên Giỏi",
        "quota": {"ca-nhan": {"percent": 100, "of": "nominations", "rounding": "down"}},
        "criteria": ["gi"],
    },
    {
        "id": "thu-khoa",
        "name": "Thủ khoa ngành",
        "quota": {"ca-nhan": 1},
        "criteria": ["tk"],
        "ranking": {"evidence": "gpa", "order": "highest", "per": "nganh"},
    },
    {"id": "lop-tien-tien", "name": "Lớp tiên tiến", "quota": {"tap-the": 5}, "criteria": ["lop"]},
]


def _registry(awards: list[dict[str, Any]]) -> Registry:
    data = campaign_data(
        CRITERIA,
        EVIDENCE,
        awards=awards,
        council=False,
        dossier=[],
        attributes=[{"id": "nganh", "name": "Ngành"}],
        awards_held={"exclusive": [["xuat-sac", "gioi"]], "together": [["thu-khoa", "xuat-sac"], ["thu-khoa", "gioi"]]},
    )
    reg = registry(data)
    units = dict(reg.units) | {u: Unit(u, f"Lớp {u[-1]}", "khac", "ubnd", None, ()) for u in ("lop-1", "lop-2")}
    people = {
        s: Person(s, s.capitalize(), unit, None, None, True, (("nganh", major),)) for s, (_, major, unit) in STUDENTS.items()
    }
    gpa = Rating(
        "gpa",
        "Điểm trung bình tích lũy",
        2025,
        "ubnd",
        "people",
        None,
        "điểm",
        tuple(RatingEntry(s, v[0], None) for s, v in sorted(STUDENTS.items())),
    )
    nominations = [
        nomination_from(
            {"id": f"{a}-{s}", "campaign": "thu", "award": a, "nominee": {"person": s}, "proposed_by": STUDENTS[s][2]}
        )
        for a in ("xuat-sac", "gioi", "thu-khoa")
        for s in STUDENTS
    ]
    nominations += [
        nomination_from(
            {"id": f"lop-tien-tien-{u}", "campaign": "thu", "award": "lop-tien-tien", "nominee": {"unit": u}, "proposed_by": u}
        )
        for u in ("lop-1", "lop-2")
    ]
    return dataclasses.replace(
        reg, units=units, people=people, ratings={"gpa": gpa}, nominations={"thu": tuple(sorted(nominations, key=lambda n: n.id))}
    )


def _standings(awards: list[dict[str, Any]]) -> dict[str, str]:
    reg = _registry(awards)
    result = evaluate_campaign(reg, reg.campaigns["thu"], AS_OF)
    return {r.nomination.id: str(r.outcome) for r in result.nominations}


def test_exclusive_awards_give_the_higher_only_and_together_awards_both() -> None:
    """GPA ≥ 3,6 is Xuất sắc, ≥ 3,2 Giỏi, the two exclusive: an, binh, dung get Xuất sắc only; cuong and giang Giỏi;
    hoa neither. Thủ khoa is held together with either: the highest in each major (luật: dung)."""
    found = _standings(AWARDS)
    assert [s for s in STUDENTS if found[f"xuat-sac-{s}"] == Standing.WINNER] == ["an", "binh", "dung"]
    assert [s for s in STUDENTS if found[f"gioi-{s}"] == Standing.WINNER] == ["cuong", "giang"]
    assert {s: found[f"gioi-{s}"] for s in ("an", "binh", "dung")} == dict.fromkeys(
        ("an", "binh", "dung"), Standing.CHOSEN_ELSEWHERE
    )
    assert found["gioi-hoa"] == Standing.NOT_ELIGIBLE and found["thu-khoa-dung"] == Standing.WINNER


def test_the_highest_value_per_group_wins_and_a_tie_at_the_top_goes_to_the_council() -> None:
    """Kế toán: an and binh both at 3,9 for one place: both tied, neither chosen silently; cuong outside the quota.
    Luật: dung at 3,7 alone."""
    found = _standings(AWARDS)
    assert (found["thu-khoa-an"], found["thu-khoa-binh"], found["thu-khoa-cuong"]) == (
        Standing.TIE,
        Standing.TIE,
        Standing.OUTSIDE_QUOTA,
    )
    assert (found["thu-khoa-dung"], found["thu-khoa-giang"], found["thu-khoa-hoa"]) == (
        Standing.WINNER,
        Standing.OUTSIDE_QUOTA,
        Standing.OUTSIDE_QUOTA,
    )


def test_a_collective_title_counts_the_individual_titles_selected_before_it() -> None:
    """Lớp tiên tiến reads who holds Giỏi and Xuất sắc, so it is selected after them: lop-1 has an and binh (Xuất sắc),
    lop-2 has dung (Xuất sắc) and giang (Giỏi)."""
    found = _standings(AWARDS)
    assert found["lop-tien-tien-lop-1"] == found["lop-tien-tien-lop-2"] == Standing.WINNER


@settings(max_examples=24, deadline=None)
@given(st.permutations(AWARDS))
def test_winners_do_not_depend_on_the_order_awards_are_written_in(awards: list[dict[str, Any]]) -> None:
    """Any order of the plan's awards gives the same standing to every nomination."""
    assert _standings(list(awards)) == _standings(AWARDS)


def test_an_award_that_waits_on_itself_has_no_order() -> None:
    """Edges before → after with a loop (an award counting its own holders, or two counting each other) are refused."""
    assert ordered(["b", "a", "c"], [("a", "b")]) == ["a", "b", "c"]
    with pytest.raises(Cycle) as caught:
        ordered(["a", "b", "c"], [("a", "b"), ("b", "a")])
    assert caught.value.members == ["a", "b"]
    looped = [dict(a, criteria=["lop"]) if a["id"] == "lop-tien-tien" else a for a in AWARDS]
    plan = campaign_from(
        campaign_data(
            CRITERIA,
            [
                *EVIDENCE,
                {
                    "id": "giu-lop",
                    "name": "Lớp tiên tiến",
                    "subject": "nominee",
                    "source": {"awards": {"award": "lop-tien-tien"}},
                },
            ],
            awards=looped,
        )
    )
    assert ("gioi", "lop-tien-tien") in plan.award_edges() and ("xuat-sac", "gioi") not in plan.award_edges()


def test_a_target_as_a_cap_limits_each_unit() -> None:
    """Quota ``{target: ...}``: each class's winners at most its own target (lop-1: 1, lop-2: 2), ranked by GPA."""
    capped = [
        dict(a, quota={"ca-nhan": {"target": "chi-tieu"}}, ranking={"evidence": "gpa", "order": "highest"})
        if a["id"] == "gioi"
        else a
        for a in AWARDS
        if a["id"] != "xuat-sac"
    ]
    reg = _registry(capped)
    data = dict(
        campaign_data(
            CRITERIA,
            EVIDENCE,
            awards=capped,
            council=False,
            dossier=[],
            attributes=[{"id": "nganh", "name": "Ngành"}],
            awards_held={"together": [["thu-khoa", "gioi"]]},
        )
    )
    targets = Rating(
        "chi-tieu",
        "Chỉ tiêu",
        2025,
        "ubnd",
        "units",
        None,
        "sinh viên",
        (RatingEntry("lop-1", 1, None), RatingEntry("lop-2", 2, None)),
    )
    reg = dataclasses.replace(reg, campaigns={"thu": campaign_from(data)}, ratings={**reg.ratings, "chi-tieu": targets})
    result = evaluate_campaign(reg, reg.campaigns["thu"], AS_OF)
    found = {r.nomination.id: r.outcome for r in result.nominations if r.nomination.award == "gioi"}
    # lop-1: an 3,9, binh 3,9, cuong 3,5 eligible, 1 place: an and binh tie. lop-2: dung 3,7, giang 3,3: both within 2.
    assert (found["gioi-an"], found["gioi-binh"], found["gioi-cuong"]) == (Standing.TIE, Standing.TIE, Standing.OUTSIDE_QUOTA)
    assert (found["gioi-dung"], found["gioi-giang"], found["gioi-hoa"]) == (
        Standing.WINNER,
        Standing.WINNER,
        Standing.NOT_ELIGIBLE,
    )
    groups = {a.group: a.quota for a in result.awards if a.award == "gioi"}
    assert groups == {"lop-1": 1, "lop-2": 2}


def _result_with(
    conduct: dict[str, float],
    gpa: dict[str, float] | None = None,
    needing: tuple[str, ...] = ("thu-khoa",),
    granted: tuple[str, ...] = (),
    places: int = 1,
    ranking: dict[str, Any] | str | None = None,
    unplaced: str | None = None,
) -> dict[str, Any]:
    """The awards ``needing`` also need a conduct score (``rl``) read from a table holding only ``conduct``'s students;
    GPAs as STUDENTS unless ``gpa`` says otherwise (a student left out has none). Thủ khoa has ``places`` per major
    (ranked by ``ranking`` if given, by votes if "votes"); a decision of 01/09/2025 grants it to the nominations
    ``granted``; the student ``unplaced`` has no major recorded."""
    awards = [dict(a, criteria=[*a["criteria"], "rl"]) if a["id"] in needing else a for a in AWARDS]
    tk = {"quota": {"ca-nhan": places}} | ({"ranking": ranking} if isinstance(ranking, dict) else {})
    awards = [dict(a, **tk) if a["id"] == "thu-khoa" else a for a in awards]
    if ranking == "votes":
        awards = [{k: v for k, v in a.items() if k != "ranking"} for a in awards]
    rl = {
        "id": "rl",
        "applies_to": "ca-nhan",
        "text": "Rèn luyện từ 80",
        "mandatory": True,
        "rule": {"evidence": "ren-luyen", "min": 80},
    }
    evidence = [*EVIDENCE, {"id": "ren-luyen", "name": "Điểm rèn luyện", "source": {"rating": "ren-luyen"}, "subject": "nominee"}]
    reg = _registry(awards)
    data = campaign_data(
        [*CRITERIA, rl],
        evidence,
        awards=awards,
        council=False,
        dossier=[],
        attributes=[{"id": "nganh", "name": "Ngành"}],
        awards_held={"exclusive": [["xuat-sac", "gioi"]], "together": [["thu-khoa", "xuat-sac"], ["thu-khoa", "gioi"]]},
    )
    values = gpa if gpa is not None else {s: v[0] for s, v in STUDENTS.items()}
    ratings = {
        "gpa": dataclasses.replace(reg.ratings["gpa"], entries=tuple(RatingEntry(s, v, None) for s, v in sorted(values.items()))),
        "ren-luyen": Rating(
            "ren-luyen",
            "Điểm rèn luyện",
            2025,
            "ubnd",
            "people",
            None,
            "điểm",
            tuple(RatingEntry(s, v, None) for s, v in sorted(conduct.items())),
        ),
    }
    grants = tuple(AwardGrant("thu-khoa", ident) for ident in granted)
    decision = Decision("qd-1", "thu", "khen-thuong", "12/QĐ-ĐHX", dt.date(2025, 9, 1), Signer(None, "A", None), grants, (), None)
    decisions = {"thu": (decision,)} if grants else {}
    people = dict(reg.people) | ({unplaced: dataclasses.replace(reg.people[unplaced], attributes=())} if unplaced else {})
    reg = dataclasses.replace(reg, campaigns={"thu": campaign_from(data)}, ratings=ratings, decisions=decisions, people=people)
    result = evaluate_campaign(reg, reg.campaigns["thu"], AS_OF)
    return {r.nomination.id: r for r in result.nominations}


def test_a_winner_a_waiting_nomination_could_outrank_is_not_yet_known() -> None:
    """Luật's Thủ khoa: dung (3,7) has no conduct score yet, so he may still qualify and would rank above giang (3,3):
    giang is not chosen yet but "chưa đủ căn cứ", saying who may still rank above. Once dung's score is in and too low,
    giang wins; a waiting student ranked below the winner (hoa, 2,9) changes nothing."""
    everyone = {s: 90.0 for s in STUDENTS}
    waiting = _result_with({s: v for s, v in everyone.items() if s != "dung"})
    assert waiting["thu-khoa-dung"].outcome == Standing.PENDING
    assert waiting["thu-khoa-giang"].outcome == Standing.PENDING
    assert waiting["thu-khoa-giang"].reasons[-1] == (
        "Chưa chắc trong số lượng khen: hồ sơ của Dung còn chờ kết quả và có thể xếp ngang hoặc trên."
    )
    assert _result_with(everyone | {"dung": 50.0})["thu-khoa-giang"].outcome == Standing.WINNER
    below = _result_with({s: v for s, v in everyone.items() if s != "hoa"})
    assert (below["thu-khoa-hoa"].outcome, below["thu-khoa-dung"].outcome) == (Standing.PENDING, Standing.WINNER)


def test_a_waiting_nomination_without_its_value_may_rank_anywhere() -> None:
    """Dung's GPA is not in the table: his place in Luật's ranking is unknown, so nobody of Luật is chosen yet."""
    found = _result_with({s: 90.0 for s in STUDENTS}, {s: v[0] for s, v in STUDENTS.items() if s != "dung"})
    assert (found["thu-khoa-dung"].outcome, found["thu-khoa-giang"].outcome) == (Standing.PENDING, Standing.PENDING)
    assert found["thu-khoa-an"].outcome == Standing.TIE  # Kế toán is unaffected


def test_a_lower_exclusive_award_waits_while_the_higher_may_still_come() -> None:
    """When Xuất sắc also needs a conduct score and dung's is not in yet, his Xuất sắc is not yet known: his Giỏi, which
    he meets, waits for it rather than being given now, since one holds only the higher of the two."""
    found = _result_with({s: 90.0 for s in STUDENTS if s != "dung"}, needing=("xuat-sac",))
    assert found["xuat-sac-dung"].outcome == Standing.PENDING
    assert found["gioi-dung"].outcome == Standing.PENDING
    assert found["gioi-dung"].reasons[-1] == (
        "Đang chờ kết quả xét Sinh viên Xuất sắc: người được chọn hình thức đó không nhận thêm hình thức này."
    )


def test_a_tie_the_decision_settled_stays_settled_while_a_rival_below_waits() -> None:
    """Kế toán: an and binh tie at 3,9 for one place and the decision grants an; cuong (3,5) still waits for his conduct
    score but cannot reach 3,9: an is chosen, binh is beyond the quota, for the decision's reason."""
    found = _result_with({s: 90.0 for s in STUDENTS if s != "cuong"}, granted=("thu-khoa-an",))
    assert (found["thu-khoa-an"].outcome, found["thu-khoa-binh"].outcome) == (Standing.WINNER, Standing.OUTSIDE_QUOTA)
    assert found["thu-khoa-an"].reasons[-1] == (
        "Bằng nhau ở ngưỡng số lượng khen; người có thẩm quyền đã chọn theo Quyết định số 12/QĐ-ĐHX ngày 01/09/2025"
    )


def test_a_decision_granting_fewer_than_the_places_left_keeps_the_others_tied() -> None:
    """Three equal for two places (cuong raised to 3,9): the decision grants an only; binh and cuong stay tied for the
    place still open, never beyond the quota; granting three would be reported, not cut by id."""
    gpa = {s: v[0] for s, v in STUDENTS.items()} | {"cuong": 3.9}
    everyone = {s: 90.0 for s in STUDENTS}
    found = _result_with(everyone, gpa, granted=("thu-khoa-an",), places=2)
    assert [found[f"thu-khoa-{s}"].outcome for s in ("an", "binh", "cuong")] == [Standing.WINNER, Standing.TIE, Standing.TIE]
    too_many = _result_with(everyone, gpa, granted=("thu-khoa-an", "thu-khoa-binh", "thu-khoa-cuong"), places=2)
    assert [too_many[f"thu-khoa-{s}"].outcome for s in ("an", "binh", "cuong")] == [Standing.TIE] * 3


def test_without_a_council_a_waiting_nomination_could_tie_a_winner_ranked_by_votes() -> None:
    """A plan without a council ranking by votes: nobody votes, so every eligible nomination is level. Five students
    fill five places, while hoa still waits for her conduct score: she would be level with them for five places, so
    none is chosen yet. Ranked by GPA instead, hoa (2,9) cannot reach an and binh (3,9), who are chosen."""
    waiting = {s: 90.0 for s in STUDENTS if s != "hoa"}
    level = _result_with(waiting, places=5, ranking="votes")
    assert {level[f"thu-khoa-{s}"].outcome for s in ("an", "binh", "cuong", "dung", "giang")} == {Standing.PENDING}
    assert level["thu-khoa-an"].reasons[-1] == (
        "Chưa chắc trong số lượng khen: hồ sơ của Hoa còn chờ kết quả và có thể xếp ngang hoặc trên."
    )
    by_value = _result_with(waiting, places=2, ranking={"evidence": "gpa", "order": "highest"})
    assert (by_value["thu-khoa-an"].outcome, by_value["thu-khoa-binh"].outcome) == (Standing.WINNER, Standing.WINNER)


def test_a_student_without_the_ranking_attribute_is_never_a_group_of_one() -> None:
    """Thủ khoa is ranked per major; hoa's record has no major: she waits (not chosen in a group of her own), and
    since she could belong to either major, she is a rival in both."""
    found = _result_with({s: 90.0 for s in STUDENTS}, gpa={s: v[0] for s, v in STUDENTS.items()} | {"hoa": 4.0}, unplaced="hoa")
    assert found["thu-khoa-hoa"].outcome == Standing.PENDING
    assert found["thu-khoa-hoa"].reasons[-1] == "Hồ sơ cá nhân chưa ghi ngành, nên chưa xếp hạng được."
    assert found["thu-khoa-dung"].outcome == Standing.PENDING  # hoa, at 4,0, could rank above in Luật


def test_a_loop_names_only_what_is_in_it() -> None:
    """a ↔ b wait on each other and c only waits on b: the loop through a or b is [a, b]; c is in no loop (it is not the
    one to change), and neither is d, which waits on itself alone: [d]."""
    edges = [("a", "b"), ("b", "a"), ("b", "c"), ("d", "d")]
    assert loop_through("a", edges) == loop_through("b", edges) == ["a", "b"]
    assert loop_through("c", edges) == [] and loop_through("d", edges) == ["d"]


@pytest.mark.parametrize(
    ("standing", "as_of", "may"),
    [
        (Standing.INCOMPLETE, dt.date(2025, 12, 5), True),  # documents may still be added before the deadline
        (Standing.INCOMPLETE, dt.date(2025, 12, 6), False),
        (Standing.NOT_SUBMITTED, dt.date(2025, 12, 5), True),
        (Standing.LATE, dt.date(2025, 12, 5), False),
        (Standing.PENDING, dt.date(2026, 1, 1), True),
        (Standing.OUTSIDE_QUOTA, dt.date(2025, 12, 1), False),
    ],
)
def test_who_may_still_win(standing: Standing, as_of: dt.date, may: bool) -> None:
    """Before the deadline (05/12/2025) a dossier not sent or not complete may still come; after it, it may not."""
    plan = dataclasses.replace(campaign_from(campaign_data(CRITERIA, EVIDENCE, awards=AWARDS)), deadline=dt.date(2025, 12, 5))
    assert may_still_win(standing, plan, as_of) is may
