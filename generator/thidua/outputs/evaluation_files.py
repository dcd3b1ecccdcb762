"""The evaluate verb: read git history once, evaluate each campaign, print and write the results."""

from __future__ import annotations

import datetime as dt
import os
import sys
import tempfile
from pathlib import Path

from ..evaluation.evaluate import evaluate_registry
from ..evaluation.results import CampaignResult
from ..model import Registry, registry_from
from ..records.record import Result
from ..repo.githistory import nomination_landings
from ..speed.gcpause import paused_collection
from . import output_folder
from .report_text import render_text
from .result_json import dumps


def evaluate_tree(registry: Registry, root: Path, as_of: dt.date) -> list[CampaignResult]:
    """Every campaign evaluated, in id order, with the git landing times of nominations read in one pass."""
    return evaluate_registry(registry, as_of, nomination_landings(root))


def write_atomic(path: Path, text: str) -> None:
    """Write a file whole or not at all."""
    write_bytes_atomic(path, text.encode("utf-8"))


def write_bytes_atomic(path: Path, content: bytes) -> None:
    """Write a file whole or not at all."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    with os.fdopen(handle, "wb") as stream:
        stream.write(content)
    os.replace(temporary, path)


@paused_collection()
def evaluate_all(result: Result, root: Path, as_of: dt.date, output: Path, only: str | None) -> int:
    registry = registry_from(result.records)
    if only is not None and only not in registry.campaigns:
        sys.stderr.write(f"thidua: lỗi: không có phong trào «{only}»; các phong trào: {', '.join(sorted(registry.campaigns))}.\n")
        return 2
    output = output_folder.under(root, output)
    for evaluated in evaluate_tree(registry, root, as_of):
        if only is not None and evaluated.campaign.id != only:
            continue
        sys.stdout.write(render_text(registry, evaluated) + "\n")
        target = output / f"{evaluated.campaign.id}.json"
        write_atomic(target, dumps(registry, evaluated))
        shown = target.relative_to(root) if target.is_relative_to(root) else target
        sys.stdout.write(f"Đã ghi kết quả vào {shown}\n")
    return 0
