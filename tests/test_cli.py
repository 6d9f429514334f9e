"""The command line as a user runs it: a real subprocess, real files, real exit codes."""
from __future__ import annotations

import json
import subprocess
import sys

import jsonschema

from sayso.schema import analysis_schema

from .conftest import SAMPLES


def sayso_cmd(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "sayso", *args], input=stdin, capture_output=True, timeout=300)


def test_text_report_on_a_sample():
    result = sayso_cmd("extract", str(SAMPLES[0]))
    assert result.returncode == 0, result.stderr.decode()
    out = result.stdout.decode()
    assert "Actors (" in out and "Quotes (" in out and "cue: said" in out


def test_json_follows_schema_and_offsets():
    result = sayso_cmd("extract", str(SAMPLES[0]), "--format", "json")
    assert result.returncode == 0
    data = json.loads(result.stdout)
    jsonschema.validate(data, analysis_schema())
    for quote in data["quotes"]:
        assert data["text"][quote["start"] : quote["end"]] == quote["text"]


def test_stdin_and_jsonl_for_many(tmp_path):
    result = sayso_cmd("extract", "-", "--format", "json", stdin="“Yes,” said Maria Lopez.".encode())
    assert json.loads(result.stdout)["quotes"][0]["text"] == "Yes"
    result = sayso_cmd("extract", *map(str, SAMPLES), "--format", "jsonl")
    lines = result.stdout.decode().splitlines()
    assert result.returncode == 0 and len(lines) == len(SAMPLES)
    assert {json.loads(line)["meta"]["source"] for line in lines} == {str(p) for p in SAMPLES}


def _fails_cleanly(result, words):
    err = result.stderr.decode()
    assert result.returncode != 0
    assert "Traceback" not in err and words in err


def test_bad_inputs_give_clear_errors(tmp_path):
    binary = tmp_path / "image.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    _fails_cleanly(sayso_cmd("extract", str(binary)), "binary")
    latin = tmp_path / "latin.txt"
    latin.write_bytes("caf\xe9".encode("latin-1"))
    _fails_cleanly(sayso_cmd("extract", str(latin)), "not valid UTF-8")
    huge = tmp_path / "huge.txt"
    huge.write_text("The minister said the talks failed. " * 150_000)
    _fails_cleanly(sayso_cmd("extract", str(huge)), "longer than the limit")
    _fails_cleanly(sayso_cmd("extract", str(tmp_path / "missing.txt")), "no such file")
    _fails_cleanly(sayso_cmd("extract", *map(str, SAMPLES), "--format", "json"), "use --format jsonl")


def test_empty_and_foreign_text_give_valid_empty_results(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    result = sayso_cmd("extract", str(empty), "--format", "json")
    assert result.returncode == 0 and json.loads(result.stdout)["quotes"] == []
    german = tmp_path / "de.txt"
    german.write_text("Der Präsident erklärte, dass die Lage ernst sei und dass die Regierung schnell "
                      "handeln werde, um das Vertrauen der Bürger wiederherzustellen. " * 3)
    result = sayso_cmd("extract", str(german), "--format", "json")
    data = json.loads(result.stdout)
    assert result.returncode == 0 and data["quotes"] == [] and "English" in data["warnings"][0]
    assert "warning" in result.stderr.decode()


def test_a_french_file_is_read_with_no_flag(tmp_path):
    french = tmp_path / "fr.txt"
    french.write_text("Le président Paul Durand a déclaré que la situation était grave et que le gouvernement "
                      "allait agir rapidement pour rétablir la confiance des citoyens.", encoding="utf-8")
    result = sayso_cmd("extract", str(french), "--format", "json", "--engine", "rules")
    data = json.loads(result.stdout)
    assert result.returncode == 0 and data["lang"] == "fr" and not data["warnings"]
    assert data["quotes"] and data["quotes"][0]["cue"] == "déclaré"


def test_unknown_model_is_a_config_error():
    result = sayso_cmd("extract", str(SAMPLES[0]), "--model", "no_such_model")
    _fails_cleanly(result, "cannot load spaCy model")
    assert result.returncode == 3
