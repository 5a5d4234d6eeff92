"""The offline copy as one zip in the site (site/offline.py): what goes in, and where its pages link it."""

from __future__ import annotations

import os
import zipfile

import pytest
from samverkan.site import offline


def fake_build(config, folder):
    (folder / "en").mkdir(parents=True)
    (folder / "index.html").write_text("<html lang=sv></html>", encoding="utf-8")
    (folder / "en" / "index.html").write_text("<html lang=en></html>", encoding="utf-8")
    os.symlink("/etc/passwd", folder / "passwd.html")


def test_the_zip_holds_one_folder_with_the_copy_and_no_symlink(tmp_path):
    zipped = offline.build_zip(tmp_path / "mkdocs-offline.yml", tmp_path, fake_build)
    with zipfile.ZipFile(zipped) as archive:
        assert sorted(archive.namelist()) == [
            f"{offline.FOLDER_IN_ZIP}/en/index.html",
            f"{offline.FOLDER_IN_ZIP}/index.html",
        ]


def test_a_failed_build_leaves_no_zip(tmp_path):
    def failing(config, folder):
        raise RuntimeError("the offline edition did not build")

    with pytest.raises(RuntimeError):
        offline.build_zip(tmp_path / "mkdocs-offline.yml", tmp_path, failing)
    assert not (tmp_path / offline.ZIP_NAME).exists()


def test_only_the_site_that_carries_the_zip_links_it(tmp_path, monkeypatch):
    (tmp_path / "mkdocs.yml").write_text("site_name: x\n", encoding="utf-8")
    (tmp_path / offline.CONFIG).write_text("INHERIT: mkdocs.yml\n", encoding="utf-8")
    assert offline.config_beside(tmp_path / "mkdocs.yml") == tmp_path / offline.CONFIG
    assert offline.config_beside(tmp_path / offline.CONFIG) is None
    monkeypatch.delenv(offline.ENV, raising=False)
    # the preview makes no zip: its pages do not link one
    assert offline.download(tmp_path / "mkdocs.yml") is None
    monkeypatch.setenv(offline.ENV, offline.ZIP_NAME)
    assert offline.download(tmp_path / "mkdocs.yml") == offline.ZIP_NAME
    assert offline.download(tmp_path / offline.CONFIG) is None  # the copy does not offer itself
