"""The parallel paths give what the serial ones give, byte for byte: reading records on forked workers, rendering
page sets side by side. Their thresholds are parameters, so a small tree takes them here."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from conftest import ROOT, write
from thidua.evaluation.evaluate import evaluate_registry
from thidua.model import registry_from
from thidua.records.reading import HELD, PARSED, read_all
from thidua.records.schemas import load_schemas
from thidua.records.tree import list_records
from thidua.records.validate import validate_tree
from thidua.site.render import render_pages
from thidua.speed.parallel import workers


def test_this_machine_has_workers_to_fork() -> None:
    """The comparisons below only mean something where work is really shared (fork and two cores or more)."""
    assert workers() >= 2


def test_reading_on_workers_gives_the_outcomes_of_reading_here(tree: Path) -> None:
    """Every outcome (parsed data, fast-pass verdict, a file's problem, a file the cache holds, digests) is the same
    whether the files are read in this process or in batches of 7 by forked workers."""
    write(tree, "records/units/hong.yml", "id: hong\nname: [chưa đóng\n")  # a file that cannot be read as a record
    write(tree, "records/units/sai.yml", "id: sai\nname: Sai\nkind: khong-co\n")  # fails the fast pass
    schemas = load_schemas(tree / "schemas")
    jobs = [(f"{tree}/{e.name}", e.name, e.kind.name) for e in list_records(tree).entries]

    def held(name: str, digest: bytes) -> bool:
        return name.startswith("records/laws/")

    serial = read_all(schemas, jobs, digests=True, held=held, parallel_from=len(jobs) + 1)
    forked = read_all(schemas, jobs, digests=True, held=held, parallel_from=1, batch=7)
    assert forked == serial
    assert {o.status for o in serial} == {PARSED, HELD}
    assert any(o.problem for o in serial) and any(not o.passed for o in serial if o.status == PARSED and not o.problem)


def test_rendering_side_by_side_gives_the_pages_of_rendering_in_turn() -> None:
    """The page sets rendered in forked workers are the pages, in the order, that one process renders."""
    registry = registry_from(validate_tree(ROOT).records)
    as_of = dt.date(2025, 12, 20)
    results = {r.campaign.id: r for r in evaluate_registry(registry, as_of)}
    serial = render_pages(registry, results, as_of, parallel_from=10**9)
    forked = render_pages(registry, results, as_of, parallel_from=0)
    assert [page.path for page in forked] == [page.path for page in serial]
    assert forked == serial


def test_the_preview_renders_side_by_side_and_makes_its_downloads_when_written() -> None:
    """With ``later`` (the preview), the pages are rendered by forked workers too, and the downloads come back as
    makers, whose bytes are those a build writes (as do the documents)."""
    registry = registry_from(validate_tree(ROOT).records)
    as_of = dt.date(2025, 12, 20)
    results = {r.campaign.id: r for r in evaluate_registry(registry, as_of)}
    built = render_pages(registry, results, as_of, parallel_from=10**9)
    previewed = render_pages(registry, results, as_of, parallel_from=0, later=True)
    assert [page.path for page in previewed] == [page.path for page in built]
    made = [page for page in previewed if page.make is not None]
    assert {page.path.split("/")[2] for page in made} == {"tai-ve", "van-ban"}  # downloads and documents
    assert [page.make() if page.make else page for page in previewed] == [page.data or page for page in built]


def test_work_from_another_thread_is_done_in_turn_not_forked() -> None:
    """fork_map forks only from the main thread: elsewhere (beside other threads) it runs the work here."""
    import os
    import threading

    from thidua.speed.parallel import fork_map

    pids: list[list[int]] = []
    thread = threading.Thread(target=lambda: pids.append(fork_map(lambda _: os.getpid(), list(range(4)))))
    thread.start()
    thread.join()
    assert pids == [[os.getpid()] * 4]
    assert set(fork_map(lambda _: os.getpid(), list(range(4)))) != {os.getpid()}
