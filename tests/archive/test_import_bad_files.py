"""import_meetups on a checkout with a broken file: one line naming the file, nothing imported."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

SOURCE = Path(__file__).resolve().parents[2] / "fixtures" / "source"


@pytest.fixture
def checkout(tmp_path):
    shutil.copytree(SOURCE, tmp_path / "source")
    return tmp_path / "source"


def import_meetups(checkout: Path, tmp_path: Path) -> subprocess.CompletedProcess:
    database = tmp_path / "db.sqlite3"
    env = {"DJANGO_DEBUG": "1", "DATABASE_URL": f"sqlite:///{database}", "PATH": ""}
    manage = [sys.executable, "manage.py"]
    cwd = SOURCE.parents[1]
    subprocess.run([*manage, "migrate", "-v0"], cwd=cwd, env=env, check=True, timeout=120)
    return subprocess.run(
        [*manage, "import_meetups", str(checkout / "vdlm-meetups")],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.parametrize(
    ("relative", "content", "expected"),
    [
        ("vdlm-meetups/README.md", b"## Meetups\n\xff\xfe\x00binary", "not UTF-8 text (line 2, byte 11)"),
        ("corrections.json", b'{"events": {', "not valid JSON (line 1"),
        ("corrections.json", b"\x89PNG\r\n\x1a\n", "not UTF-8 text (line 1, byte 0)"),
    ],
)
def test_import_bad_file_gives_one_line_naming_it(checkout, tmp_path, relative, content, expected):
    (checkout / relative).write_bytes(content)

    result = import_meetups(checkout, tmp_path)

    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert str(checkout / relative) in lines[0]
    assert expected in lines[0]
    assert "Traceback" not in result.stderr
