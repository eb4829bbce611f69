"""Small, real filesystems for fault tests: a tmpfs that fills up, or that is read-only.

A tmpfs is the real thing a full or read-only disk is to medcite: every write, whether
from Python, SQLite or tantivy's Rust, gets ENOSPC or EROFS from the kernel. Mounting needs
root with CAP_SYS_ADMIN (as in CI's container); elsewhere the tests skip, saying so.
"""

from __future__ import annotations

import errno
import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest


class SmallDisk:
    """A tmpfs mounted at ``path``; fill it, empty it, make it read-only or writable."""

    FILLER = ".filler"

    def __init__(self, path: Path) -> None:
        self.path = path

    def fill(self) -> None:
        """Take every free byte (medcite's next write gets ENOSPC)."""
        chunk = b"\0" * 65536
        descriptor = os.open(self.path / self.FILLER, os.O_WRONLY | os.O_CREAT | os.O_APPEND)
        try:
            while True:
                try:
                    os.write(descriptor, chunk)
                except OSError as exc:
                    if exc.errno != errno.ENOSPC:
                        raise
                    if len(chunk) == 1:
                        break
                    chunk = chunk[: len(chunk) // 2]
        finally:
            os.close(descriptor)

    def free(self) -> None:
        """Give the space back."""
        (self.path / self.FILLER).unlink(missing_ok=True)

    def read_only(self, read_only: bool = True) -> None:
        """Remount read-only (every write gets EROFS, even root's), or writable again."""
        flags = "remount,ro" if read_only else "remount,rw"
        subprocess.run(["mount", "-o", flags, str(self.path)], check=True, capture_output=True)


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[SmallDisk]:
    """A 16 MiB tmpfs of this test's own, unmounted afterwards."""
    mount_point = tmp_path / "disk"
    mount_point.mkdir()
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=16m,mode=0755", "medcite-test", str(mount_point)],
        capture_output=True,
        text=True,
        check=False,
    )
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here (needs root with CAP_SYS_ADMIN): {mounted.stderr}")
    try:
        yield SmallDisk(mount_point)
    finally:
        subprocess.run(["umount", "-l", str(mount_point)], capture_output=True, check=False)
