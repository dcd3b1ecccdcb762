"""A campaign plan as frozen dataclasses: tasks, evidence, criteria and their rules, awards, dossier."""

from __future__ import annotations

import datetime as dt
import functools
import itertools
from dataclasses import dataclass
from typing import Any

from ..vocabulary import NomineeKind
from .commune import DocRef, doc_ref


@dataclass(frozen=True)
class LegalRef:
    law: str
    article: str | None = None
    note: str | None = None


@dataclass(frozen=True)
class Basis:
    text: str
    document: DocRef | None


@dataclass(frozen=True)
class Task:
    id: str
    name: str
    subtasks: tuple[Task, ...] = ()
    note: str | None = None


@dataclass(frozen=True)
class Window:
    """When achievements count: from a day to a day, each end counted or not as the plan says."""

    start: dt.date
    end: dt.date
    ends: str = "both"  # "both", "start", "end" or "none": which end days count

    def contains(self, day: dt.date) -> bool:
        after = day >= self.start if self.ends in ("both", "start") else day > self.start
        before = day <= self.end if self.ends in ("both", "end") else day < self.end
        return after and before

    def overlaps(self, start: dt.date, end: dt.date | None) -> bool:
        """Whether a span from ``start`` to ``end`` (None: still running) has a day in the window."""
        return start <= self.last_day and (end is None or end >= self.first_day)

    @property
    def first_day(self) -> dt.date:
        """The first day that counts."""
        return self.start if self.ends in ("both", "start") else self.start + dt.timedelta(days=1)

    @property
    def last_day(self) -> dt.date:
        """The last day that counts."""
        return self.end if self.ends in ("both", "end") else self.end - dt.timedelta(days=1)


@dataclass(frozen=True)
class AwardSource:
    """Awards held, as evidence: of this campaign (computed), or of another (decided, or computed when asked)."""

    award: str
    campaign: str | None  # None: this campaign
    decided: bool  # another campaign's decision (True) or its computed result (False)


@dataclass(frozen=True)
class Evidence:
    """A fact a rule may read, and the record that owns it."""

    id: str
    name: str
    source: str  # "rating", "discipline", "reports", "items" or "awards"
    source_id: str | None  # the rating, discipline register or item register; None for reports and awards
    case_kinds: tuple[str, ...]  # discipline: the kinds of case counted (empty: all)
    tasks: tuple[str, ...]  # reports: the tasks counted (empty: all)
    subject: str  # "nominee", "issuer" or "members"
    item_kinds: tuple[str, ...] = ()  # items: the kinds counted (empty: all)
    levels: tuple[str, ...] = ()  # items: the levels counted (empty: all)
    awards: AwardSource | None = None
    best: bool = False  # items: the fact is the best value among them, not how many there are

    @property
    def dated_items(self) -> bool:
        """Evidence made of identified, dated items (an item register, report lines, awards held): each can count once."""
        return self.source in ("items", "reports", "awards")


@dataclass(frozen=True)
class Threshold:
    """A number; or one number per value of a nominee's attribute; or a unit's target times a factor."""

    default: float | None
    by: str | None = None  # "unit_kind", "category", "unit" or an attribute the plan declares
    values: tuple[tuple[str, float], ...] = ()
    target: str | None = None  # a rating of one number per unit
    times: float = 1.0
    rounding: str | None = None


@dataclass(frozen=True)
class Compare:
    evidence: str
    at_least: str | None = None
    one_of: tuple[str, ...] = ()
    minimum: Threshold | None = None
    maximum: Threshold | None = None


@dataclass(frozen=True)
class AllOf:
    rules: tuple[Rule, ...]


@dataclass(frozen=True)
class AnyOf:
    rules: tuple[Rule, ...]


@dataclass(frozen=True)
class AtLeast:
    count: int
    rules: tuple[Rule, ...]


@dataclass(frozen=True)
class Fallback:
    primary: Rule
    otherwise: Rule


@dataclass(frozen=True)
class Members:
    """How many members (people, or sub-units) meet an individual criterion or hold a title or award."""

    criterion: str | None  # an individual criterion of the plan; or
    holds: str | None  # an evidence of awards or items: a member holds it with one item in the window
    min_share: float | None
    min_count: Threshold | None
    rounding: str | None = None  # of the share times the denominator
    excluding: tuple[str, ...] = ()  # statuses left out of the count and the denominator
    count: str = "people"  # or "units": sub-units
    scope: str = "direct"  # or "all": the members of every unit below too


@dataclass(frozen=True)
class HasAttribute:
    """The nominee's attribute has one of the values (a route open to one cohort, one group of majors)."""

    attribute: str
    values: tuple[str, ...]


Rule = Compare | AllOf | AnyOf | AtLeast | Fallback | Members | HasAttribute


@dataclass(frozen=True)
class Criterion:
    id: str
    applies_to: NomineeKind
    text: str
    mandatory: bool
    basis: tuple[LegalRef, ...]
    rule: Rule
    points: float | None = None


@dataclass(frozen=True)
class Quota:
    count: int | None = None
    percent: float | None = None
    of: str | None = None
    rounding: str | None = None
    target: str | None = None  # a rating of one number per unit: each unit's winners are capped by its target


@dataclass(frozen=True)
class ValueRanking:
    """Rank by a measured value (the highest or the lowest first), within each group of an attribute."""

    evidence: str
    highest: bool
    per: str | None


@dataclass(frozen=True)
class Award:
    id: str
    name: str
    conferred_by: str | None
    quota: tuple[tuple[NomineeKind, Quota], ...]
    criteria: tuple[str, ...]
    basis: tuple[LegalRef, ...]
    ranking: str | ValueRanking = "votes"
    min_points: float | None = None
    amount: str | None = None  # the money that goes with it: an amount the law sets (model.amounts)


@dataclass(frozen=True)
class DossierItem:
    id: str
    name: str
    form: str
    signed_by: str | None
    basis: tuple[LegalRef, ...]
    numbered: bool = True


@dataclass(frozen=True)
class Responsibility:
    text: str
    units: tuple[str, ...]
    unit_kinds: tuple[str, ...]


@dataclass(frozen=True)
class Recipient:
    name: str
    units: tuple[str, ...]
    unit_kinds: tuple[str, ...]


@dataclass(frozen=True)
class Signer:
    authority: str
    title: str
    person: str


@dataclass(frozen=True)
class PlanDocument:
    kind: str
    number: int | None
    symbol: str
    place: str
    date: dt.date
    title: str
    file: str | None

    @property
    def number_text(self) -> str:
        """``Số: 05/KH-UBND``, or ``Số: /KH-UBND`` while the plan has no number yet."""
        number = f"{self.number:02d}" if self.number is not None else ""
        return f"{number}/{self.symbol}"


@dataclass(frozen=True)
class UnitVote:
    """What the proposing unit's own meeting must reach (the plan's rule, else the default: over half of those present
    in favour, over half of the members present)."""

    threshold_percent: float = 50
    inclusive: bool = False
    denominator: str = "present"  # or "members": present and absent
    quorum_percent: float = 50
    basis: str | None = None  # where the plan or the unit's regulation sets it; None: the default
    declared: bool = False  # the plan wrote the rule (else thidua's default applies)


@dataclass(frozen=True)
class PostingRule:
    """The plan's public posting of the proposed list: how many days opinions are taken, where, who receives them."""

    days: int
    where: str
    receiver: str
    basis: str | None = None

    def last_day(self, posted: dt.date) -> dt.date:
        """The last day opinions are taken on a list posted on ``posted`` (the day of posting counts)."""
        return posted + dt.timedelta(days=self.days - 1)


def posting_rule_from(data: dict[str, Any] | None) -> PostingRule | None:
    """A plan's ``posting``, or None where the plan posts no list."""
    return PostingRule(data["days"], data["where"], data["receiver"], data.get("basis")) if data else None


@dataclass(frozen=True)
class Attribute:
    """A person's attribute a plan reads (a major, a cohort), with the names of its values where the plan gives them."""

    id: str
    name: str
    values: tuple[tuple[str, str], ...] = ()  # value id -> the name a reader sees


@dataclass(frozen=True)
class Campaign:
    id: str
    name: str
    short_name: str | None
    year: int
    period_from: dt.date | None
    period_to: dt.date | None
    issuer: str
    document: PlanDocument
    basis: tuple[Basis, ...]
    legal_basis: tuple[LegalRef, ...]
    preamble: str | None
    purposes: tuple[str, ...]
    requirements: tuple[str, ...]
    participants_text: str
    participant_kinds: tuple[NomineeKind, ...]
    participant_unit_kinds: tuple[str, ...]
    content: str
    tasks: tuple[Task, ...]
    evidence: tuple[Evidence, ...]
    criteria: tuple[Criterion, ...]
    awards: tuple[Award, ...]
    dossier: tuple[DossierItem, ...]
    deadline: dt.date | None  # None: the plan sets no deadline (a standing regulation)
    deadline_text: str | None
    deadline_receiver: str | None
    deadline_git_tracked: bool
    responsibilities: tuple[Responsibility, ...]
    closing: str | None
    recipients: tuple[Recipient, ...]
    signer: Signer
    fictional: bool
    tie_breakers: tuple[str, ...] = ()
    evidence_once: bool = False  # an item counts for one requirement only
    council: bool = True  # nominations go to the council's vote
    unit_vote: UnitVote = UnitVote()
    posting: PostingRule | None = None  # the proposed list is posted for opinions before the decision
    attributes: tuple[Attribute, ...] = ()
    statuses: tuple[tuple[str, str], ...] = ()  # person statuses the plan leaves out of denominators, with their names
    together: tuple[tuple[str, ...], ...] = ()  # awards one nominee may hold at once
    exclusive: tuple[tuple[str, ...], ...] = ()  # awards one nominee holds only one of, highest first
    ends: str = "both"  # which ends of the period count

    def attribute_name(self, ident: str) -> str:
        """The name of an attribute the plan declares (``Nhóm ngành``), or its id."""
        return next((a.name for a in self.attributes if a.id == ident), ident)

    def value_name(self, attribute: str, value: str) -> str:
        """The name of an attribute's value (``Công nghệ thông tin``), or the value itself where the plan gives none."""
        found = next((a for a in self.attributes if a.id == attribute), None)
        return dict(found.values).get(value, value) if found else value

    def status_name(self, status: str) -> str:
        return dict(self.statuses).get(status, status)

    @property
    def window(self) -> Window:
        """When achievements count: the plan's period, or its calendar year (both ends counted)."""
        return Window(self.period_from or dt.date(self.year, 1, 1), self.period_to or dt.date(self.year, 12, 31), self.ends)

    def evidence_named(self, ident: str) -> Evidence | None:
        return next((e for e in self.evidence if e.id == ident), None)

    def award(self, ident: str) -> Award | None:
        return next((a for a in self.awards if a.id == ident), None)

    def criterion(self, ident: str) -> Criterion | None:
        return next((c for c in self.criteria if c.id == ident), None)

    @functools.cached_property
    def criterion_points(self) -> dict[str, float | None]:
        """Each criterion's points, by id (None where the plan gives none)."""
        return {c.id: c.points for c in self.criteria}

    def criteria_for(self, award: Award, kind: NomineeKind) -> tuple[Criterion, ...]:
        """The criteria an award checks for one kind of nominee (all of that kind when the award lists none)."""
        chosen = [c for c in self.criteria if c.applies_to == kind]
        return tuple(c for c in chosen if not award.criteria or c.id in award.criteria)

    def evidence_read(self, rule: Rule) -> set[str]:
        """Every evidence a rule reads, through the criteria its members rules count too."""
        found: set[str] = set()
        for leaf in leaves(rule):
            if isinstance(leaf, Compare):
                found.add(leaf.evidence)
            elif isinstance(leaf, Members):
                found |= {leaf.holds} if leaf.holds else set()
                criterion = self.criterion(leaf.criterion or "")
                found |= self.evidence_read(criterion.rule) if criterion and criterion.rule is not rule else set()
        return found

    def awards_read(self, award: Award) -> set[AwardSource]:
        """The awards (of this campaign or others) whose holders an award's criteria look at."""
        read: set[AwardSource] = set()
        for kind, _ in award.quota:
            for criterion in self.criteria_for(award, kind):
                for ident in self.evidence_read(criterion.rule):
                    evidence = self.evidence_named(ident)
                    if evidence is not None and evidence.awards is not None:
                        read.add(evidence.awards)
        return read

    def award_edges(self) -> set[tuple[str, str]]:
        """(before, after): awards selected before others, because the others count their holders or rank below them."""
        edges = {
            (source.award, award.id) for award in self.awards for source in self.awards_read(award) if source.campaign is None
        }
        edges |= {(higher, lower) for group in self.exclusive for higher, lower in itertools.pairwise(group)}
        return edges

    def campaigns_read(self) -> set[str]:
        """Other campaigns whose awards this one reads, computed or decided (they are evaluated first: whether one of
        their nominees may still win tells a missing decision from a refusal)."""
        return {s.campaign for a in self.awards for s in self.awards_read(a) if s.campaign}

    def outranks(self, higher: str, lower: str) -> bool:
        """Whether ``higher`` comes before ``lower`` in a group of awards one holds only one of."""
        return any(higher in group and lower in group and group.index(higher) < group.index(lower) for group in self.exclusive)


MAX_WAYS = 64  # ways of meeting one criterion, its rule written as alternatives (validation refuses more)
MAX_CHOICES = 4096  # combinations of ways over one award's criteria, each item counted once (validation refuses more)


def alternatives(rule: Rule) -> list[tuple[Rule, ...]]:
    """The rule as alternatives, each the leaves that together meet it: all multiplies, any and fallback add up,
    at least k of n takes every k. Stops growing past MAX_WAYS (validation refuses such a rule where it matters)."""
    if isinstance(rule, AllOf):
        found: list[tuple[Rule, ...]] = [()]
        for inner in rule.rules:
            found = [a + b for a in found for b in alternatives(inner)][: MAX_WAYS + 1]
        return found
    if isinstance(rule, AnyOf):
        return [way for inner in rule.rules for way in alternatives(inner)][: MAX_WAYS + 1]
    if isinstance(rule, Fallback):
        return (alternatives(rule.primary) + alternatives(rule.otherwise))[: MAX_WAYS + 1]
    if isinstance(rule, AtLeast):
        return [way for chosen in itertools.combinations(rule.rules, rule.count) for way in alternatives(AllOf(chosen))][
            : MAX_WAYS + 1
        ]
    return [(rule,)]


def leaves(rule: Rule) -> list[Rule]:
    """The rules at the leaves of a rule (comparisons, members counts, attributes), in order."""
    if isinstance(rule, (AllOf, AnyOf, AtLeast)):
        return [leaf for inner in rule.rules for leaf in leaves(inner)]
    if isinstance(rule, Fallback):
        return leaves(rule.primary) + leaves(rule.otherwise)
    return [rule]


def _date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def _legal(items: list[dict[str, Any]] | None) -> tuple[LegalRef, ...]:
    return tuple(LegalRef(i["law"], i.get("article"), i.get("note")) for i in items or [])


def _threshold(value: float | dict[str, Any] | None) -> Threshold | None:
    if value is None:
        return None
    if isinstance(value, dict) and "target" in value:
        return Threshold(None, target=value["target"], times=float(value["times"]), rounding=value["rounding"])
    if isinstance(value, dict):
        return Threshold(value.get("default"), value["by"], tuple(sorted(value["values"].items())))
    return Threshold(float(value))


def _rule(data: dict[str, Any]) -> Rule:
    if "all" in data:
        return AllOf(tuple(_rule(r) for r in data["all"]))
    if "any" in data:
        return AnyOf(tuple(_rule(r) for r in data["any"]))
    if "at_least_of" in data:
        group = data["at_least_of"]
        return AtLeast(group["count"], tuple(_rule(r) for r in group["rules"]))
    if "fallback" in data:
        return Fallback(_rule(data["fallback"]["primary"]), _rule(data["fallback"]["otherwise"]))
    if "members" in data:
        group = data["members"]
        return Members(
            group.get("criterion"),
            group.get("holds"),
            group.get("min_share"),
            _threshold(group.get("min_count")),
            group.get("rounding"),
            tuple(group.get("excluding", ())),
            group.get("count", "people"),
            group.get("scope", "direct"),
        )
    if "attribute" in data:
        return HasAttribute(data["attribute"], tuple(data["in"]))
    return Compare(
        data["evidence"],
        data.get("at_least"),
        tuple(data.get("in", ())),
        _threshold(data.get("min")),
        _threshold(data.get("max")),
    )


_NUMBERED_FORMS = ("to-trinh", "bien-ban-hop")


def _quota(value: int | dict[str, Any]) -> Quota:
    if isinstance(value, int):
        return Quota(count=value)
    if "target" in value:
        return Quota(target=value["target"])
    return Quota(percent=value["percent"], of=value["of"], rounding=value["rounding"])


def _ranking(value: str | dict[str, Any] | None) -> str | ValueRanking:
    if isinstance(value, dict):
        return ValueRanking(value["evidence"], value["order"] == "highest", value.get("per"))
    return value or "votes"


def campaign_from(data: dict[str, Any]) -> Campaign:
    doc = data["document"]
    period = data.get("period", {})
    participants = data["participants"]
    deadline = data.get("deadline", {})
    return Campaign(
        id=data["id"],
        name=data["name"],
        short_name=data.get("short_name"),
        year=data["year"],
        period_from=_date(period.get("from")),
        period_to=_date(period.get("to")),
        issuer=data["issuer"],
        document=PlanDocument(
            doc["kind"],
            doc.get("number"),
            doc["symbol"],
            doc["place"],
            dt.date.fromisoformat(doc["date"]),
            doc["title"],
            doc.get("file"),
        ),
        basis=tuple(Basis(b["text"], doc_ref(b.get("document"))) for b in data.get("basis", [])),
        legal_basis=_legal(data.get("legal_basis")),
        preamble=data.get("preamble"),
        purposes=tuple(data["purposes"]),
        requirements=tuple(data["requirements"]),
        participants_text=participants["text"],
        participant_kinds=tuple(NomineeKind(k) for k in participants["kinds"]),
        participant_unit_kinds=tuple(participants.get("unit_kinds", ())),
        content=data["content"],
        tasks=tuple(
            Task(t["id"], t["name"], tuple(Task(s["id"], s["name"]) for s in t.get("subtasks", [])), t.get("note"))
            for t in data["tasks"]
        ),
        evidence=tuple(_evidence(e) for e in data["evidence"]),
        criteria=tuple(
            Criterion(
                c["id"],
                NomineeKind(c["applies_to"]),
                c["text"],
                c["mandatory"],
                _legal(c.get("basis")),
                _rule(c["rule"]),
                c.get("points"),
            )
            for c in data["criteria"]
        ),
        awards=tuple(
            Award(
                a["id"],
                a["name"],
                a.get("conferred_by"),
                tuple((NomineeKind(kind), _quota(q)) for kind, q in a["quota"].items()),
                tuple(a.get("criteria", ())),
                _legal(a.get("basis")),
                _ranking(a.get("ranking")),
                a.get("min_points"),
                a.get("amount"),
            )
            for a in data["awards"]
        ),
        dossier=tuple(
            DossierItem(
                d["id"],
                d["name"],
                d["form"],
                d.get("signed_by"),
                _legal(d.get("basis")),
                d.get("numbered", d["form"] in _NUMBERED_FORMS),
            )
            for d in data.get("dossier", ())
        ),
        deadline=_date(deadline.get("date")),
        deadline_text=deadline.get("text"),
        deadline_receiver=deadline.get("receiver"),
        deadline_git_tracked=deadline.get("git_tracked", True),
        responsibilities=tuple(
            Responsibility(r["text"], tuple(r.get("units", ())), tuple(r.get("unit_kinds", ()))) for r in data["responsibilities"]
        ),
        closing=data.get("closing"),
        recipients=tuple(
            Recipient(r["name"], tuple(r.get("units", ())), tuple(r.get("unit_kinds", ()))) for r in data["recipients"]
        ),
        signer=Signer(data["signer"]["authority"], data["signer"]["title"], data["signer"]["person"]),
        fictional=bool(data.get("fictional", False)),
        tie_breakers=tuple(data.get("tie_breakers", ())),
        evidence_once=bool(data.get("evidence_once", False)),
        council=bool(data.get("council", True)),
        unit_vote=_unit_vote(data.get("unit_vote")),
        posting=posting_rule_from(data.get("posting")),
        attributes=tuple(Attribute(a["id"], a["name"], tuple(a.get("values", {}).items())) for a in data.get("attributes", ())),
        statuses=tuple(data.get("statuses", {}).items()),
        together=tuple(tuple(group) for group in data.get("awards_held", {}).get("together", ())),
        exclusive=tuple(tuple(group) for group in data.get("awards_held", {}).get("exclusive", ())),
        ends=period.get("ends", "both"),
    )


def _unit_vote(data: dict[str, Any] | None) -> UnitVote:
    if data is None:
        return UnitVote()
    default = UnitVote()
    return UnitVote(
        float(data.get("threshold_percent", default.threshold_percent)),
        bool(data.get("inclusive", default.inclusive)),
        data.get("denominator", default.denominator),
        float(data.get("quorum_percent", default.quorum_percent)),
        data.get("basis"),
        True,
    )


def _evidence(data: dict[str, Any]) -> Evidence:
    source = data["source"]
    kind = next(iter(source))
    value = source[kind]
    items = value if kind == "items" else {}
    awards = value if kind == "awards" else None
    return Evidence(
        data["id"],
        data["name"],
        kind,
        value if kind in ("rating", "discipline") else items.get("register"),
        tuple(data.get("case_kinds", ())),
        tuple(value.get("tasks", ())) if kind == "reports" else (),
        data["subject"],
        tuple(items.get("kinds", ())),
        tuple(items.get("levels", ())),
        AwardSource(awards["award"], awards.get("campaign"), awards.get("as", "decided") == "decided") if awards else None,
        data.get("measure") == "best",
    )
