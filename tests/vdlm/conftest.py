"""Fixtures of the site-wide tests: a Redis of their own."""

import shutil
import signal
import socket
import subprocess
import time

import pytest

from bench.load import free_port


@pytest.fixture
def redis_server(tmp_path):
    """A redis-server (Debian's) on a free port, for these tests alone: (process, port)."""
    binary = shutil.which("redis-server")
    if binary is None:
        pytest.skip("redis-server is not installed (apt-get install redis-server)")
    port = free_port()
    server = subprocess.Popen(
        [binary, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
        cwd=tmp_path,
        stdout=subprocess.DEVNULL,
    )
    for _ in range(100):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            break
        except OSError:
            time.sleep(0.05)
    yield server, port
    server.send_signal(signal.SIGCONT)
    server.terminate()
    server.wait(timeout=10)
