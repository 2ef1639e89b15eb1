"""Backups restore: the drill on SQLite, and a damaged backup refused before anything changes."""

import json

import pytest

from tests.restore_drill import _manage, drill


def test_a_site_lost_after_a_backup_comes_back_identical(tmp_path):
    """Part of the demo (the site, taxonomy and knowledge base, with documents): backed up, the
    database and folders deleted, restored; counts, sampled pages and document checksums match.
    CI runs the same drill on PostgreSQL with the whole demo."""
    before, after = drill(tmp_path, only="home,core,knowledge", log=lambda line: None)
    assert before["counts"]["pages"] > 10 and before["documents"], before["counts"]
    assert after == before

    # A damaged backup is refused, with the reason, before anything is replaced.
    manifest = json.loads((tmp_path / "backup" / "manifest.json").read_text())
    archive = tmp_path / "backup" / manifest["files"]["documents"]["file"]
    archive.write_bytes(archive.read_bytes()[:-10])

    env_probe = pytest.raises(RuntimeError, match="checksum")
    with env_probe:
        import os

        _manage(
            {
                **os.environ,
                "MUSEUMSITE_ENV": "local",
                "DATABASE_URL": f"sqlite:///{tmp_path / 'site.sqlite3'}",
            },
            "restore",
            str(tmp_path / "backup"),
            "--yes",
        )
