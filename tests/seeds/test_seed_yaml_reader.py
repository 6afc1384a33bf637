"""The seed files are read with PyYAML's C reader where there is one (loader.SEED_LOADER,
for a quicker demo build): it must read them as the pure-Python safe reader does."""

from __future__ import annotations

from importlib import resources

import pytest
import yaml

from minutebook.seeds.loader import DEMO_FILES, SEED_LOADER


@pytest.mark.parametrize("name", DEMO_FILES)
def test_the_seed_reader_reads_each_file_as_the_safe_reader_does(name: str) -> None:
    text = resources.files("minutebook.seeds").joinpath("data", name).read_text("utf-8")
    assert yaml.load(text, Loader=SEED_LOADER) == yaml.safe_load(text)


def test_the_seed_reader_refuses_what_is_not_safe() -> None:
    with pytest.raises(yaml.YAMLError):
        yaml.load("!!python/object/apply:os.getcwd []", Loader=SEED_LOADER)
