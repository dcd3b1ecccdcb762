"""Problems found in records: collected as data, reported together."""

from __future__ import annotations

from dataclasses import dataclass

# Values under this key are private (birth date, phone, ID number…): no message, report or page shows them.
PRIVATE_KEY = "private"


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with one record, at one place in one file.

    ``line`` and ``column`` count from 1; ``message`` is a Vietnamese sentence
    that says what is wrong and what to write instead.
    """

    file: str
    line: int
    column: int
    code: str
    message: str
    record: str = ""

    def location(self) -> str:
        return f"{self.file}:{self.line}:{self.column}"


@dataclass(frozen=True, order=True)
class Unfinished:
    """A valid dossier that is not finished yet: what its unit must still send (a warning, never an error)."""

    file: str
    record: str
    items: tuple[str, ...]

    def sentence(self) -> str:
        return "Hồ sơ chưa đủ, còn phải: " + "; ".join(self.items) + "."


class RecordError(Exception):
    """Raised by the loader when a file cannot be read as a record at all."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(problem.message)
        self.problem = problem
