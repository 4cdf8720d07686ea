"""The lexicon files as data: each parses, and no key is written twice (YAML keeps the last silently)."""
from __future__ import annotations

import importlib.resources

import pytest
import yaml

FILES = sorted(p.name for p in importlib.resources.files("kg.lexicon").iterdir() if p.name.endswith(".yaml"))


class _Strict(yaml.SafeLoader):
    def construct_mapping(self, node, deep=False):
        seen = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep)
            if key in seen:
                raise yaml.constructor.ConstructorError(None, None, f"key {key!r} written twice", key_node.start_mark)
            seen.add(key)
        return super().construct_mapping(node, deep=deep)


@pytest.mark.parametrize("name", FILES)
def test_lexicon_file_has_no_key_twice(name):
    text = importlib.resources.files("kg.lexicon").joinpath(name).read_text(encoding="utf-8")
    assert yaml.load(text, Loader=_Strict)


def test_lexicon_duplicate_keys_are_caught():
    with pytest.raises(yaml.constructor.ConstructorError):
        yaml.load("a: [x]\nb: 1\na: [y]\n", Loader=_Strict)
