"""The command line prints JSON Lines as the scoring contract says."""

import json
import subprocess
import sys
from pathlib import Path

from ingest.extraction import Figure
from ingest.extraction.__main__ import main

ROOT = Path(__file__).resolve().parents[3]
FIELDS = ["file", *Figure.__dataclass_fields__]


def test_it_prints_one_json_line_per_figure_with_every_field(tmp_path, capsys):
    article = tmp_path / "a.txt"
    article.write_text("Selon l'OSDH, au moins 12 civils ont été tués jeudi à Raqqa.", encoding="utf-8")
    assert main(["--published", "2017-06", "--language", "fr", str(article)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 1
    row = json.loads(lines[0])
    assert list(row) == FIELDS
    assert (row["file"], row["claimant"], row["value"], row["qualifier"]) == (
        str(article),
        "SOHR",
        12,
        "at_least",
    )


def test_it_reads_the_publication_date_from_a_date_header(tmp_path, capsys):
    article = tmp_path / "a.txt"
    article.write_text(
        " date 2019-05 La coalition a reconnu 1.302 civils tués depuis 2014.", encoding="utf-8"
    )
    assert main([str(article)]) == 0
    row = json.loads(capsys.readouterr().out)
    assert row["as_of"] == "2019-05"
    assert row["quote"].startswith("La coalition")


def test_it_fails_clearly_on_an_unreadable_file(tmp_path, capsys):
    binary = tmp_path / "b.txt"
    binary.write_bytes(b"\xff\xfe\x00\x00\x81")
    status = main([str(tmp_path / "missing.txt"), str(binary)])
    err = capsys.readouterr().err
    assert status == 1
    assert "missing.txt" in err and "b.txt" in err


def test_it_runs_as_a_module(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("According to the UN, 30 civilians were killed in Mosul.", encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "ingest.extraction", str(article)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["claimant"] == "UN"
