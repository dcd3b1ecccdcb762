"""Fill a Word template (docxtpl) with a document's facts: the same bytes again for the same facts."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path
from typing import Any

import jinja2
from docx.oxml.ns import qn
from docxtpl import DocxTemplate
from jinja2.sandbox import SandboxedEnvironment

from .fixed_zip import fixed

TWIPS_PER_MM = 56.6929


class TemplateProblem(Exception):
    """A Word template that cannot be filled (a commune's own, edited by hand), and why."""

    def __init__(self, template: Path, reason: str) -> None:
        super().__init__(reason)
        self.template = template
        self.reason = reason

    def message(self, root: Path) -> str:
        """What to do, in Vietnamese, naming the template by its path in the repository."""
        shown = self.template.relative_to(root) if self.template.is_relative_to(root) else self.template
        return (
            f"{shown}: mẫu Word không điền được ({self.reason}). Hãy sửa các trường {{{{ … }}}} và {{% … %}} của mẫu trong "
            "Word theo hướng dẫn (trang «Soạn văn bản từ hồ sơ» của Hướng dẫn), hoặc bỏ tệp mẫu này để dùng mẫu của thidua."
        )


def _shift_frames(document: Any, offset: tuple[float, float]) -> None:
    """Move every framed paragraph (the fields of the pre-printed certificate) by the printer's offset, in mm."""
    dx, dy = (round(v * TWIPS_PER_MM) for v in offset)
    for frame in document.element.body.iter(qn("w:framePr")):
        for attribute, delta in (("w:x", dx), ("w:y", dy)):
            value = frame.get(qn(attribute))
            if value is not None and value.lstrip("-").isdigit():
                frame.set(qn(attribute), str(int(value) + delta))


def render(
    template: Path,
    context: dict[str, Any],
    *,
    day: dt.date,
    author: str,
    title: str,
    offset: tuple[float, float] = (0.0, 0.0),
) -> bytes:
    """The filled document: text escaped for XML, frames moved by ``offset``, core properties and zip times fixed to
    ``day`` (the document's own date), so that the same facts give the same bytes."""
    doc = DocxTemplate(str(template))
    try:  # sandboxed: a template is a file anyone may replace, and its fields may only read the facts given
        doc.render(context, jinja_env=SandboxedEnvironment(undefined=jinja2.StrictUndefined), autoescape=True)
    except jinja2.TemplateError as exc:
        raise TemplateProblem(template, f"{type(exc).__name__}: {exc}") from None
    document = doc.docx
    if offset != (0.0, 0.0):
        _shift_frames(document, offset)
    moment = dt.datetime(day.year, day.month, day.day)
    props = document.core_properties
    props.author, props.last_modified_by, props.title = author, author, title
    props.created, props.modified, props.revision = moment, moment, 1
    for printed in props._element.findall(qn("cp:lastPrinted")):  # no "last printed": it says nothing of the facts
        props._element.remove(printed)
    props.comments, props.keywords, props.subject, props.category = "", "", "", ""
    buffer = io.BytesIO()
    document.save(buffer)
    return fixed(buffer.getvalue(), (max(day.year, 1980), day.month, day.day, 0, 0, 0))
