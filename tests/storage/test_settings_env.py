"""Settings: defaults, loud failures naming the variable, secrets hidden."""

from __future__ import annotations

import pytest

from notewright import settings
from notewright.errors import ConfigurationError


def test_defaults_are_two_sqlite_files_in_the_data_dir(tmp_path):
    s = settings.load({"HOME": str(tmp_path)})
    assert s.data_dir == tmp_path / ".local/share/notewright"
    assert s.database_url.endswith("notewright/record.sqlite3")
    assert s.vault_url.endswith("notewright/vault.sqlite3")
    assert s.key_file == s.data_dir / "keys.json"


@pytest.mark.parametrize("env, variable", [
    ({"NOTEWRIGHT_DATABASE_URL": "mysql://x/y"}, "NOTEWRIGHT_DATABASE_URL"),
    ({"NOTEWRIGHT_VAULT_URL": "sqlite://"}, "NOTEWRIGHT_VAULT_URL"),
    ({"NOTEWRIGHT_DATABASE_URL": "sqlite:////a.db", "NOTEWRIGHT_VAULT_URL": "sqlite:////a.db"},
     "NOTEWRIGHT_VAULT_URL"),
    ({"NOTEWRIGHT_RECORD_KEY": "abc"}, "NOTEWRIGHT_VAULT_KEY"),
    ({"NOTEWRIGHT_RECORD_KEY": "abc", "NOTEWRIGHT_VAULT_KEY": "abc"}, "NOTEWRIGHT_VAULT_KEY"),
    ({"NOTEWRIGHT_DATA_DIR": ""}, "NOTEWRIGHT_DATA_DIR"),
    ({"NOTEWRIGHT_KEY_FILE_FILE": "/nonexistent/x"}, "NOTEWRIGHT_KEY_FILE_FILE"),
])
def test_bad_configuration_names_the_variable(env, variable):
    with pytest.raises(ConfigurationError, match=variable):
        settings.load({"HOME": "/tmp", **env})


def test_secrets_and_passwords_never_show_in_repr():
    s = settings.load({"HOME": "/tmp", "NOTEWRIGHT_RECORD_KEY": "cmVjb3JkLXNlY3JldA==",
                       "NOTEWRIGHT_VAULT_KEY": "dmF1bHQtc2VjcmV0",
                       "NOTEWRIGHT_DATABASE_URL": "postgresql://nw:hunter2@db/nw",
                       "NOTEWRIGHT_VAULT_URL": "postgresql://nwv:hunter3@db/nwv"})
    text = repr(s) + str(s.record_key)
    for secret in ("cmVjb3JkLXNlY3JldA==", "dmF1bHQtc2VjcmV0", "hunter2", "hunter3"):
        assert secret not in text
    assert s.database_url.startswith("postgresql+psycopg://")
