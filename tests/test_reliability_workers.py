"""After a kill -9 of `ingest --workers 2`, its worker processes die too (Linux)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

DOSSIER = Path(sys.executable).parent / "dossier"
TEXT = (
    "Russian President Vladimir Putin met North Korean leader Kim Jong-il in Pyongyang "
    "on Wednesday. The two leaders signed a declaration, and Putin urged Seoul to resume "
    "talks. "
)


def children(pid: int) -> set[int]:
    """The processes whose parent is `pid`, read from /proc."""
    found = set()
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            found.add(int(entry.name))
    return found


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def wait_for(condition, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.2)
    return condition()


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs Linux /proc")
def test_workers_die_with_a_killed_ingest(tmp_path):
    folder = tmp_path / "news"
    folder.mkdir()
    for number in range(400):
        (folder / f"report-{number:03d}.txt").write_text(TEXT * 20, encoding="utf-8")
    command = [str(DOSSIER), "ingest", str(folder), "--db", str(tmp_path / "db.duckdb")]
    ingest = subprocess.Popen([*command, "--workers", "2", "--published", "2000-07-20"])
    try:
        # the two workers (spawned) and the resource tracker are the ingest's children
        assert wait_for(lambda: len(children(ingest.pid)) >= 2, 180), "no workers started"
        workers = children(ingest.pid)
        os.kill(ingest.pid, signal.SIGKILL)
        ingest.wait()
        assert wait_for(lambda: not any(alive(pid) for pid in workers), 60), [
            pid for pid in workers if alive(pid)
        ]
    finally:
        if ingest.poll() is None:
            ingest.kill()
