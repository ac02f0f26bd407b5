"""The command line, run as a user would (subprocess for the entry points, CliRunner
for the rest). These load spaCy, so they share inputs across formats."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from conftest import validate_report_json
from typer.testing import CliRunner

from rashomon import __version__
from rashomon.cli import app

ARTICLE_ONE = """Outlet: Riverside Courier
Published: 2025-05-09

Council backs new tram line
The city council voted 7-2 on Thursday to fund the Eastgate tram line, a project estimated at $84 million.
“This line will finally connect the east side,” council member Rosa Delgado said after the vote.
Opponents warned the cost could rise.
"""

ARTICLE_TWO = """Outlet: Metro Wire
Published: 2025-05-09

Eastgate tram approved
Council members approved the Eastgate tram line in a 7-2 vote on Thursday.
Delgado said the line “will finally connect the east side,” adding that work starts in the spring.
The project is estimated to cost $84 million.
"""


@pytest.fixture(scope="module")
def inputs(tmp_path_factory):
    folder = tmp_path_factory.mktemp("articles")
    (folder / "courier.txt").write_text(ARTICLE_ONE, encoding="utf-8")
    (folder / "wire.txt").write_text(ARTICLE_TWO, encoding="utf-8")
    return folder


def test_version_and_module_entry_point() -> None:
    out = subprocess.run([sys.executable, "-m", "rashomon", "--version"], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == f"rashomon {__version__}"
    helped = subprocess.run([sys.executable, "-m", "rashomon", "--help"], capture_output=True, text=True, check=True)
    assert "analyze" in helped.stdout and "demo" in helped.stdout


def test_analyze_json_to_file(inputs, tmp_path) -> None:
    target = tmp_path / "report.json"
    result = CliRunner().invoke(app, ["analyze", str(inputs), "--format", "json", "--output", str(target), "-q"])
    assert result.exit_code == 0, result.output
    data = json.loads(target.read_text(encoding="utf-8"))
    validate_report_json(data)
    assert {a["outlet"] for a in data["articles"]} == {"Riverside Courier", "Metro Wire"}
    assert len(data["stories"]) == 1
    speakers = {q["speaker"] for q in data["stories"][0]["quotes"]}
    assert "Rosa Delgado" in speakers


@pytest.mark.parametrize("fmt, marker", [("text", "Who said what"), ("markdown", "### Timeline"), ("html", "<!doctype html>")])
def test_analyze_other_formats(inputs, fmt: str, marker: str) -> None:
    result = CliRunner().invoke(app, ["analyze", str(inputs), "--format", fmt, "-q"])
    assert result.exit_code == 0, result.output
    assert marker in result.stdout


def test_partial_input_exits_1_and_names_the_bad_file(inputs, tmp_path) -> None:
    bad = tmp_path / "empty.txt"
    bad.write_text("", encoding="utf-8")
    result = CliRunner().invoke(app, ["analyze", str(inputs / "courier.txt"), str(bad), "--format", "json", "-q"])
    assert result.exit_code == 1
    assert "empty.txt" in result.stderr
    data = json.loads(result.stdout)
    assert [a["outlet"] for a in data["articles"]] == ["Riverside Courier"]


def test_nothing_usable_exits_2(tmp_path) -> None:
    result = CliRunner().invoke(app, ["analyze", str(tmp_path / "missing.txt"), "-q"])
    assert result.exit_code == 2
    assert "missing.txt" in result.stderr
    assert result.stderr.count("\n") <= 3  # one line per problem, no traceback


def test_unknown_model_is_one_clear_line(inputs) -> None:
    result = CliRunner().invoke(app, ["analyze", str(inputs), "--model", "xx_no_such_model", "-q"])
    assert result.exit_code == 2
    assert "R200" in result.stderr and "Traceback" not in result.stderr


@pytest.mark.parametrize("target", ["missing-folder/report.json", "."])
def test_unwritable_output_is_one_line_before_any_work(inputs, tmp_path, target: str) -> None:
    path = tmp_path / target
    result = CliRunner().invoke(app, ["analyze", str(inputs), "-o", str(path), "-q"])
    assert result.exit_code == 2
    assert "R500" in result.stderr and "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
