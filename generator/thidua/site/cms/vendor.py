"""The vendored copy of Sveltia CMS and the fonts it loads: what vendor/sveltia-cms/manifest.json lists, checked.

Sveltia CMS loads its translation from unpkg.com and its fonts (Source Sans 3, Noto Mono, Material Symbols for the
icons) from cdn.jsdelivr.net. The site serves copies instead: each file comes from a package of the npm registry at a
pinned version, checked against the tarball's integrity (sha512) when it is refreshed and against its sha256 when the
site is built. A file that ``stands_for`` an address is the one the service worker of /quan-tri/ answers that address
with.

Refresh (or, after changing a version and its integrity in the manifest, update) the copies with npm's own client::

    python -m thidua.site.cms.vendor
"""

from __future__ import annotations

import base64
import hashlib
import io
import json
import subprocess
import sys
import tarfile
import tempfile
from dataclasses import dataclass
from pathlib import Path

VENDOR = Path("vendor") / "sveltia-cms"
MANIFEST = "manifest.json"
CMS_PACKAGE = "@sveltia/cms"


@dataclass(frozen=True)
class VendoredFile:
    path: str  # under vendor/sveltia-cms/, and under /quan-tri/ when served
    package: str
    source: str  # the file's path in the package's tarball, under package/
    sha256: str
    stands_for: str | None  # the CDN address this copy answers for
    served: bool


@dataclass(frozen=True)
class Vendored:
    folder: Path
    versions: dict[str, str]
    integrity: dict[str, str]
    files: tuple[VendoredFile, ...]

    @property
    def cms_version(self) -> str:
        return self.versions[CMS_PACKAGE]

    def problems(self) -> list[str]:
        """Each vendored file that is missing or whose bytes are not the manifest's, in Vietnamese."""
        found = []
        for file in self.files:
            path = self.folder / file.path
            if not path.is_file():
                found.append(f"{VENDOR}/{file.path}: thiếu tệp (chạy python -m thidua.site.cms.vendor để lấy lại).")
            elif hashlib.sha256(path.read_bytes()).hexdigest() != file.sha256:
                found.append(
                    f"{VENDOR}/{file.path}: nội dung khác bản ghi trong {MANIFEST} "
                    "(chạy python -m thidua.site.cms.vendor để lấy lại)."
                )
        return found


def read_manifest(root: Path) -> Vendored:
    folder = root / VENDOR
    data = json.loads((folder / MANIFEST).read_text("utf-8"))
    packages = data["packages"]
    versions = {name: entry["version"] for name, entry in packages.items()}
    files = tuple(
        VendoredFile(
            path=entry["path"],
            package=entry["package"],
            source=entry["from"],
            sha256=entry.get("sha256", ""),
            stands_for=entry["stands_for"].format(version=versions[entry["package"]]) if "stands_for" in entry else None,
            served=entry.get("served", True),
        )
        for entry in data["files"]
    )
    return Vendored(folder, versions, {name: entry["integrity"] for name, entry in packages.items()}, files)


def sri(data: bytes) -> str:
    """The npm registry's integrity string of a tarball."""
    return "sha512-" + base64.b64encode(hashlib.sha512(data).digest()).decode("ascii")


def _tarball(package: str, version: str, into: Path) -> bytes:
    """The package's tarball, fetched from the npm registry by npm itself."""
    done = subprocess.run(
        ["npm", "pack", f"{package}@{version}", "--json", "--pack-destination", str(into)],
        capture_output=True,
        text=True,
        check=True,
    )
    name = str(json.loads(done.stdout)[0]["filename"])
    return (into / name).read_bytes()


def refresh(root: Path) -> list[str]:
    """Fetch each pinned package, check its integrity, copy the listed files and record their sha256."""
    vendored = read_manifest(root)
    manifest_path = vendored.folder / MANIFEST
    data = json.loads(manifest_path.read_text("utf-8"))
    problems = []
    with tempfile.TemporaryDirectory(prefix="thidua-vendor-") as work:
        for package, version in vendored.versions.items():
            raw = _tarball(package, version, Path(work))
            if sri(raw) != vendored.integrity[package]:
                problems.append(f"{package}@{version}: integrity {sri(raw)} is not the manifest's; nothing copied")
                continue
            with tarfile.open(fileobj=io.BytesIO(raw), mode="r:gz") as archive:
                for entry in data["files"]:
                    if entry["package"] != package:
                        continue
                    member = archive.extractfile(f"package/{entry['from']}")
                    if member is None:
                        problems.append(f"{package}@{version}: no file {entry['from']}")
                        continue
                    content = member.read()
                    target = vendored.folder / entry["path"]
                    target.parent.mkdir(parents=True, exist_ok=True)
                    target.write_bytes(content)
                    entry["sha256"] = hashlib.sha256(content).hexdigest()
    manifest_path.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", "utf-8")
    return problems


def main() -> int:
    problems = refresh(Path.cwd())
    for problem in problems:
        sys.stderr.write(problem + "\n")
    return 1 if problems else 0


if __name__ == "__main__":
    raise SystemExit(main())
