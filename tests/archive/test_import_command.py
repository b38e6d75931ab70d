"""import_meetups on the real archive in fixtures/source/, and on bad input."""

import shutil
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from events.models import Event
from talks.models import Speaker, Talk

pytestmark = pytest.mark.django_db

SOURCE = Path(__file__).resolve().parents[2] / "fixtures" / "source"
CHECKOUT = SOURCE / "vdlm-meetups"


def test_import_rejects_a_path_that_is_not_a_checkout(tmp_path, capsys):
    (tmp_path / "notes.txt").write_text("hello")
    with pytest.raises(CommandError) as error:
        call_command("import_meetups", str(tmp_path))
    assert "\n" not in str(error.value)
    assert str(tmp_path) in str(error.value)
    assert Event.objects.count() == 0


def test_import_command_exits_with_status_1_and_one_line_for_a_bad_path(tmp_path):
    import subprocess
    import sys

    result = subprocess.run(
        [sys.executable, "manage.py", "import_meetups", str(tmp_path / "missing")],
        cwd=SOURCE.parents[1],
        capture_output=True,
        text=True,
        env={"DJANGO_DEBUG": "1", "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}", "PATH": ""},
        timeout=60,
    )
    assert result.returncode == 1
    assert len(result.stderr.strip().splitlines()) == 1


def test_import_dry_run_writes_nothing(capsys):
    call_command("import_meetups", str(CHECKOUT), "--dry-run")
    out = capsys.readouterr().out
    assert "Dry run, nothing written" in out
    assert "events: 77 created" in out
    assert Event.objects.count() == 0


def test_import_of_the_history_then_again_changes_nothing(capsys, tmp_path):
    report = tmp_path / "report.md"
    call_command("import_meetups", str(CHECKOUT), "--report", str(report))
    counts = (Event.objects.count(), Talk.objects.count(), Speaker.objects.count())
    call_command("import_meetups", str(CHECKOUT))
    out = capsys.readouterr().out
    assert (Event.objects.count(), Talk.objects.count(), Speaker.objects.count()) == counts
    assert "events: 0 created, 0 updated, 77 unchanged, 0 skipped" in out
    text = report.read_text()
    assert text.startswith("# Import report")
    assert "## Summary" in text
    assert "2021-05-18" in text  # meetup 44's README date, corrected to 2022


def test_import_warns_about_an_unreadable_readme_and_imports_the_rest(tmp_path, capsys):
    checkout = tmp_path / "vdlm-meetups"
    shutil.copytree(CHECKOUT, checkout)
    (checkout / "Meetups" / "Meetup_72" / "README.md").write_bytes(b"\xff\xfe not utf-8 \x00\x81")
    call_command("import_meetups", str(checkout), "--corrections", str(SOURCE / "corrections.json"))
    err = capsys.readouterr().err
    assert "Meetups/Meetup_72/README.md" in err
    assert Event.objects.filter(number=71).exists() and Event.objects.filter(number=73).exists()
