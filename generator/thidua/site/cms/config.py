"""The configuration of Sveltia CMS (/quan-tri/config.yml), generated from schemas/ at every build.

One collection per kind of record, in its folder of records/ (``records/nominations/<campaign>/<id>.yml`` for the
kinds kept per campaign), each field from the schema (fields.py). Where the pull requests go is read from
``extra.cms`` in mkdocs.yml::

    extra:
      cms:
        backend: github          # or gitlab
        repo: ten-to-chuc/thidua
        branch: main

Saved records go through the editorial workflow: one branch and one pull request per change, which the workflows
check with ``thidua validate`` like any other.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import yaml

from ...records.layout import FILES_FOLDER, KINDS, Kind
from .fields import Context, Schema, _hint, field

DEFAULT_REPO = "ten-to-chuc/thidua"
API_HOSTS = {"github": "api.github.com", "gitlab": "gitlab.com"}
LABEL_FIELDS = ("name", "title")


def backend(settings: Mapping[str, Any]) -> dict[str, Any]:
    """The ``backend`` of the CMS from mkdocs.yml's ``extra.cms`` (GitHub, this repository's placeholder, when unset)."""
    extra = settings.get("extra")
    cms = extra.get("cms") if isinstance(extra, dict) else None
    cms = cms if isinstance(cms, dict) else {}
    name = cms.get("backend") if cms.get("backend") in API_HOSTS else "github"
    result: dict[str, Any] = {
        "name": name,
        "repo": str(cms.get("repo") or DEFAULT_REPO),
        "branch": str(cms.get("branch") or "main"),
    }
    for option in ("api_root", "base_url", "auth_type", "app_id"):
        if isinstance(cms.get(option), str):
            result[option] = cms[option]
    return result


def api_hosts(backend_options: Mapping[str, Any]) -> list[str]:
    """The hosts the CMS may reach besides the site: the git host's API (and its sign-in server, when set)."""
    hosts = [API_HOSTS[backend_options["name"]]]
    for option in ("api_root", "base_url"):
        value = backend_options.get(option)
        if isinstance(value, str) and "://" in value:
            hosts.append(value.split("://", 1)[1].split("/", 1)[0])
    return sorted(set(hosts))


def _label_field(schema: Schema) -> str:
    return next((name for name in LABEL_FIELDS if name in schema.get("properties", {})), "id")


def media_folder(kind: Kind) -> str:
    """Where a record's scans are uploaded: records/files/<campaign>/<id> per campaign, else records/files/<folder>.

    Sveltia CMS fills a folder's {{dirname}} with the record's folder under its collection (the campaign) and {{slug}}
    with its id; it reads the template as a regular expression, so {{fields.campaign}} (a dot) would break it."""
    if kind.per_campaign:
        return f"records/{FILES_FOLDER}/{{{{dirname}}}}/{{{{slug}}}}"  # dirname: the campaign's folder
    return f"records/{FILES_FOLDER}/{kind.folder}"


def collection(kind: Kind, schemas: Mapping[str, Schema], labels: Mapping[str, str]) -> dict[str, Any]:
    """The collection of one kind of record."""
    schema = schemas[kind.schema]
    ctx = Context(schemas, media_folder(kind), labels)
    required = set(schema.get("required", []))
    label = labels[kind.folder]
    result: dict[str, Any] = {
        "name": kind.folder,
        "label": str(schema.get("title", kind.label)),
        "description": _hint(schema.get("description")) or "",
        "folder": f"records/{kind.folder}",
        "extension": "yml",
        "format": "yaml",
        "identifier_field": "id",
        "slug": "{{id}}",
        "summary": "{{id}}" if label == "id" else f"{{{{{label}}}}} ({{{{id}}}})",
    }
    if kind.per_campaign:
        result["path"] = "{{campaign}}/{{slug}}"
    result["fields"] = [field(name, prop, name in required, kind.schema, ctx) for name, prop in schema["properties"].items()]
    return result


def cms_config(schemas: Mapping[str, Schema], settings: Mapping[str, Any]) -> dict[str, Any]:
    """The whole configuration: backend, editorial workflow, output options, one collection per kind."""
    labels = {kind.folder: _label_field(schemas[kind.schema]) for kind in KINDS}
    return {
        "app_title": "Quản trị hồ sơ thi đua – khen thưởng",
        "backend": backend(settings),
        "publish_mode": "editorial_workflow",
        "media_folder": f"records/{FILES_FOLDER}",
        "public_folder": f"/records/{FILES_FOLDER}",
        # No stock photos: Pexels, Pixabay, Unsplash and Picsum are third parties, and a scan is not a stock photo.
        "media_libraries": {"stock_assets": {"providers": []}},
        "show_preview_links": False,
        "output": {"omit_empty_optional_fields": True},
        "collections": [collection(kind, schemas, labels) for kind in KINDS],
    }


def config_text(config: Mapping[str, Any]) -> str:
    """The configuration as YAML, as the CMS reads it; the same schemas give the same bytes."""
    header = "# Sinh từ schemas/ bởi thidua build; đừng sửa tay (mọi thay đổi bị ghi đè ở lần dựng sau).\n"
    return header + yaml.safe_dump(dict(config), allow_unicode=True, sort_keys=False, width=1000)
