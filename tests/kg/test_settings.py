from dataclasses import fields
from pathlib import Path

import pytest

from kg.errors import ConfigError
from kg.settings import SETTINGS, Settings


def test_table_and_dataclass_agree():
    assert [s.name for s in SETTINGS] == [f.name for f in fields(Settings)]
    assert [s.default for s in SETTINGS] == [f.default for f in fields(Settings)]


def test_environment_then_overrides():
    s = Settings.load({"COUNCIL_KG_PORT": "8080", "COUNCIL_KG_DATA": "/srv/kg"}, port=9000)
    assert s.port == 9000
    assert s.data == Path("/srv/kg")


@pytest.mark.parametrize("name,value", [("PORT", "abc"), ("PORT", "-1"), ("DENSE_WEIGHT", "2")])
def test_bad_values_name_the_variable(name, value):
    with pytest.raises(ConfigError, match=f"COUNCIL_KG_{name}"):
        Settings.load({f"COUNCIL_KG_{name}": value})
