"""The lookup's data, split so that a query loads only the words it types and the entries it shows."""

from __future__ import annotations

from thidua.site.pages.lookup import word_index


def test_each_word_lists_the_entries_holding_it_as_gaps_under_its_first_letter() -> None:
    """Positions are written as the first one, then steps; a word counts once per entry."""
    found = [
        {"fold": "van phong thong ke"},
        {"fold": "nguyen thi lan van phong thong ke"},
        {"fold": "le van duc van phong thong ke"},
        {"fold": "dang thi thu huong doan thanh nien"},
    ]
    letters = word_index(found)
    assert sorted(letters) == ["d", "h", "k", "l", "n", "p", "t", "v"]
    assert letters["v"] == {"van": [0, 1, 1]}
    assert letters["t"] == {"thanh": [3], "thi": [1, 2], "thong": [0, 1, 1], "thu": [3]}
    assert letters["d"] == {"dang": [3], "doan": [3], "duc": [2]}
    assert list(letters["n"]) == ["nguyen", "nien"]
