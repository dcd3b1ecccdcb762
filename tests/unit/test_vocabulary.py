"""The words records hold are defined once: the schemas' lists of allowed values match the vocabulary."""

from __future__ import annotations

import json
from pathlib import Path

from thidua.vocabulary import Step

SCHEMAS = Path(__file__).resolve().parents[2] / "schemas"


def test_the_steps_a_provision_may_name_are_the_steps_of_the_procedure() -> None:
    law = json.loads((SCHEMAS / "law.schema.json").read_text("utf-8"))
    steps = law["properties"]["provisions"]["items"]["properties"]["steps"]["items"]
    assert steps["enum"] == [str(step) for step in Step]
    assert steps["description"].endswith(", ".join(str(step) for step in Step) + ".")
    assert all(step.label for step in Step)
