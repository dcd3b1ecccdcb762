"""The forms of /quan-tri/: Sveltia CMS's configuration follows schemas/, and the vendored files are the pinned ones."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import jsonschema
import yaml

from conftest import ROOT
from thidua.records.layout import KINDS
from thidua.site.cms.config import api_hosts, backend, cms_config, config_text
from thidua.site.cms.fields import DATE_FORMAT, DATETIME_FORMAT, Context, resolve
from thidua.site.cms.publish import ASSETS, publish_cms, schemas_of, worker
from thidua.site.cms.vendor import VENDOR, read_manifest

SCHEMAS = schemas_of(ROOT)
CONFIG = cms_config(SCHEMAS, {})
COLLECTIONS = {collection["name"]: collection for collection in CONFIG["collections"]}


def _fields(collection: str, *path: str) -> dict[str, dict[str, Any]]:
    """The fields of a collection, or of the object or list reached by ``path``, by name."""
    fields = COLLECTIONS[collection]["fields"]
    for name in path:
        fields = {f["name"]: f for f in fields}[name]["fields"]
    return {f["name"]: f for f in fields}


def _pairs(
    schema: dict[str, Any], base: str, fields: list[dict[str, Any]], where: str
) -> Iterator[tuple[str, dict[str, Any], dict[str, Any], str]]:
    """Each property of an object schema with its field, recursively through objects and lists of objects."""
    ctx = Context(SCHEMAS, "", {})
    by_name = {f["name"]: f for f in fields}
    assert set(by_name) == set(schema.get("properties", {})), where
    for name, prop in schema.get("properties", {}).items():
        node, node_base, _ = resolve(prop, base, ctx)
        field = by_name[name]
        yield f"{where}.{name}", node, field, node_base
        if field["widget"] == "object" and "properties" in node:
            yield from _pairs(node, node_base, field["fields"], f"{where}.{name}")
        if field["widget"] == "list" and "fields" in field:
            item, item_base, _ = resolve(node["items"], node_base, ctx)
            if "properties" in item:
                yield from _pairs(item, item_base, field["fields"], f"{where}.{name}[]")


ALL = [
    pair for kind in KINDS for pair in _pairs(SCHEMAS[kind.schema], kind.schema, COLLECTIONS[kind.folder]["fields"], kind.folder)
]


def test_one_collection_per_kind_in_its_folder() -> None:
    """Every kind of record has its collection, in its folder of records/, per campaign where the records are."""
    assert [c["name"] for c in CONFIG["collections"]] == [kind.folder for kind in KINDS]
    for kind in KINDS:
        collection = COLLECTIONS[kind.folder]
        assert collection["folder"] == f"records/{kind.folder}"
        assert (collection["extension"], collection["format"], collection["slug"]) == ("yml", "yaml", "{{id}}")
        assert collection.get("path") == ("{{campaign}}/{{slug}}" if kind.per_campaign else None)
        assert collection["label"] == SCHEMAS[kind.schema]["title"]


def test_every_property_of_every_schema_is_a_field_with_its_title_and_required_flag() -> None:
    """Schemas and forms do not drift: each property (nested ones too) is a field, labelled by its title, required as in the schema."""
    assert len(ALL) > 300
    for where, node, field, _ in ALL:
        assert field["label"] == node.get("title", field["name"]), where
        if field["widget"] != "hidden" and isinstance(node.get("description"), str):
            assert field["hint"].replace("&lt;", "<").replace("&gt;", ">") == node["description"], where


def test_required_fields_are_required_and_optional_ones_optional() -> None:
    """A field is optional exactly when its schema does not require it (hidden fields keep their value as written)."""
    checked = 0
    for kind in KINDS:
        schema = SCHEMAS[kind.schema]
        for name, field in _fields(kind.folder).items():
            if field["widget"] != "hidden":
                assert field.get("required", True) == (name in schema.get("required", [])), f"{kind.folder}.{name}"
                checked += 1
    meeting = _fields("nominations", "documents", "meeting")
    assert meeting["chair"].get("required", True) and _fields("nominations", "documents")["meeting"]["required"] is False
    assert checked > 100


def test_widgets_follow_the_schema_types() -> None:
    """Enums are selects with the same options, integers numbers, dates date pickers, slugs never free numbers."""
    kinds = {"select": 0, "number": 0, "date": 0}
    for where, node, field, _ in ALL:
        if "enum" in node and all(isinstance(v, str) for v in node["enum"]):
            assert field["widget"] == "select" and field["options"] == node["enum"], where
            kinds["select"] += 1
        elif node.get("type") in ("integer", "number"):
            assert field["widget"] == "number", where
            assert field["value_type"] == ("int" if node["type"] == "integer" else "float"), where
            kinds["number"] += 1
        elif node.get("format") == "date":
            assert field["widget"] == "datetime" and field["format"] == DATE_FORMAT and field["time_format"] is False, where
            kinds["date"] += 1
    assert all(count > 5 for count in kinds.values()), kinds


def test_references_to_records_are_choices_among_those_records() -> None:
    """The campaign, the unit, the person, the award and the dossier's documents are picked, not typed."""
    nomination = _fields("nominations")
    assert nomination["campaign"]["widget"] == "relation" and nomination["campaign"]["collection"] == "campaigns"
    assert nomination["proposed_by"]["collection"] == "units"
    nominee = _fields("nominations", "nominee")
    assert (nominee["unit"]["collection"], nominee["person"]["collection"]) == ("units", "people")
    assert nomination["award"]["value_field"] == "awards.*.id"
    document = _fields("nominations", "documents")
    assert document["type"]["value_field"] == "dossier.*.id"
    assert document["signer"]["fields"][0]["collection"] == "people"
    assert _fields("nominations", "documents", "meeting")["present"] == {
        **_fields("nominations", "documents", "meeting")["present"],
        "widget": "relation",
        "collection": "people",
        "multiple": True,
    }
    assert nomination["submitted_at"]["format"] == DATETIME_FORMAT
    relations = [field for _, _, field, _ in ALL if field["widget"] == "relation"]
    assert {field["collection"] for field in relations} >= {"campaigns", "units", "people", "laws", "scales"}
    assert all(field["collection"] in COLLECTIONS for field in relations)


def test_a_scan_is_uploaded_into_the_folder_the_nomination_expects() -> None:
    """records/files/<campaign>/<nomination>/: the campaign is the record's folder under nominations, the id its slug."""
    scan = _fields("nominations", "documents")["file"]
    assert scan["widget"] == "file" and scan["choose_url"] is False
    assert scan["media_folder"] == "/records/files/{{dirname}}/{{slug}}"
    assert scan["public_folder"] == "records/files/{{dirname}}/{{slug}}"
    assert _fields("stories", "photo")["file"]["widget"] == "image"


def test_the_configuration_is_valid_for_sveltia_cms() -> None:
    """The generated configuration validates against the JSON schema Sveltia CMS publishes for its own configuration."""
    meta = json.loads((ROOT / VENDOR / "sveltia-cms.schema.json").read_text("utf-8"))
    errors = list(jsonschema.Draft7Validator(meta).iter_errors(CONFIG))
    assert [e.message[:200] for e in errors] == []


def test_the_configuration_text_is_stable_and_reads_back() -> None:
    """The same schemas give the same bytes; the YAML reads back as the configuration."""
    text = config_text(CONFIG)
    assert text == config_text(cms_config(schemas_of(ROOT), {}))
    assert yaml.safe_load(text) == CONFIG


def test_the_backend_comes_from_mkdocs_extra_cms() -> None:
    """extra.cms names the git host and the repository; the service worker lets the CMS reach that host's API only."""
    settings = {"extra": {"cms": {"backend": "gitlab", "repo": "xa/thidua", "branch": "chinh"}}}
    assert backend(settings) == {"name": "gitlab", "repo": "xa/thidua", "branch": "chinh"}
    assert api_hosts(backend(settings)) == ["gitlab.com"]
    enterprise = {"name": "github", "repo": "a/b", "branch": "main", "api_root": "https://git.tinh.gov.vn/api/v3"}
    assert api_hosts(enterprise) == ["api.github.com", "git.tinh.gov.vn"]
    assert CONFIG["publish_mode"] == "editorial_workflow"
    assert CONFIG["output"] == {"omit_empty_optional_fields": True}


def test_vendored_files_are_the_pinned_ones() -> None:
    """Every vendored file is present with the sha256 the manifest records, from a package pinned with its integrity."""
    vendored = read_manifest(ROOT)
    assert vendored.problems() == []
    assert vendored.cms_version == "0.221.1"
    assert all(integrity.startswith("sha512-") for integrity in vendored.integrity.values())
    assert {file.package for file in vendored.files} == set(vendored.versions)


def test_a_changed_vendored_file_stops_the_cms_from_being_published(tmp_path: Path) -> None:
    """A vendored file whose bytes are not the manifest's is reported by name, and nothing is written."""
    root = tmp_path / "repo"
    shutil.copytree(ROOT / "schemas", root / "schemas")
    shutil.copytree(ROOT / VENDOR, root / VENDOR)
    (root / VENDOR / "locales" / "vi.json").write_text("{}", "utf-8")
    site = tmp_path / "site"
    problems = publish_cms(site, root, {})
    assert problems == [
        f"{VENDOR}/locales/vi.json: nội dung khác bản ghi trong manifest.json (chạy python -m thidua.site.cms.vendor để lấy lại)."
    ]
    assert not (site / "quan-tri").exists()


def test_the_service_worker_answers_every_cdn_address_with_a_served_copy(tmp_path: Path) -> None:
    """Each address a vendored file stands for is mapped to that file, which is published under /quan-tri/."""
    vendored = read_manifest(ROOT)
    assert publish_cms(tmp_path, ROOT, {}) == []
    text = worker(vendored, ["api.github.com"])
    addresses = [file for file in vendored.files if file.stands_for]
    assert len(addresses) >= 6
    for file in addresses:
        assert f'"{file.stands_for}": "{ASSETS}/{file.path}"' in text
        assert (tmp_path / "quan-tri" / ASSETS / file.path).read_bytes() == (ROOT / VENDOR / file.path).read_bytes()
    assert not (tmp_path / "quan-tri" / ASSETS / "sveltia-cms.schema.json").exists()
    assert 'const ALLOWED_HOSTS = ["api.github.com"];' in text


def test_the_pull_requests_the_cms_opens_are_checked_like_any_other() -> None:
    """GitHub checks every pull request (the CMS's branches cms/… included); GitLab's check job runs on every branch."""
    workflow = yaml.load((ROOT / ".github" / "workflows" / "thidua.yml").read_text("utf-8"), yaml.BaseLoader)
    assert workflow["on"]["pull_request"] in ("", None, {}) or not {"branches", "branches-ignore", "paths"} & set(
        workflow["on"]["pull_request"]
    )
    steps = [step.get("run", "") for job in workflow["jobs"].values() for step in job["steps"]]
    assert any(run.startswith(".venv/bin/thidua validate") for run in steps)
    gitlab = yaml.safe_load((ROOT / ".gitlab-ci.yml").read_text("utf-8"))
    assert not {"rules", "only", "except"} & set(gitlab["check"])
    assert any("thidua validate" in line for line in gitlab["check"]["script"])


def test_a_tree_without_the_vendored_cms_is_told_what_is_missing(tmp_path: Path) -> None:
    """Without vendor/sveltia-cms/, the build says which file is missing instead of failing with a traceback."""
    (tmp_path / "schemas").mkdir()
    assert publish_cms(tmp_path / "site", tmp_path, {}) == [
        f"{VENDOR}/manifest.json: thiếu tệp; trang quản trị /quan-tri/ cần thư mục {VENDOR}/ của kho (lấy lại từ git)."
    ]
