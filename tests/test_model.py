from __future__ import annotations

from datetime import date

import pytest

from rashomon.model import PartialDate, Problem


@pytest.mark.parametrize(
    "text, granularity, value",
    [("2024", "year", date(2024, 1, 1)), ("2024-07", "month", date(2024, 7, 1)), ("2024-07-12", "day", date(2024, 7, 12))],
)
def test_partial_date_parse_and_iso_round_trip(text: str, granularity: str, value: date) -> None:
    parsed = PartialDate.parse(text)
    assert parsed.granularity == granularity
    assert parsed.value == value
    assert parsed.iso() == text


@pytest.mark.parametrize("bad", ["24-07", "2024/07/12", "July 2024", "", "2024-13"])
def test_partial_date_parse_rejects_other_shapes(bad: str) -> None:
    with pytest.raises(ValueError):
        PartialDate.parse(bad)


def test_compatible_is_containment_either_way() -> None:
    july = PartialDate.of(2024, 7)
    assert july.compatible(PartialDate.of(2024, 7, 12))
    assert PartialDate.of(2024, 7, 12).compatible(july)
    assert PartialDate.of(2024).contains(july)
    assert not july.compatible(PartialDate.of(2024, 8, 1))
    assert not PartialDate.of(2024, 7, 12).compatible(PartialDate.of(2024, 7, 15))
    assert july.last_day == date(2024, 7, 31)


def test_problem_line_names_input_code_and_hint() -> None:
    line = Problem("x.txt", "R104", "the file is empty", "remove it or add text").line()
    assert line == "x.txt: error [R104] the file is empty (remove it or add text)"
