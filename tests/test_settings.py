import pytest

from kroniek.errors import ConfigError
from kroniek.settings import DEFAULT_STAGES, load_settings


@pytest.fixture(autouse=True)
def clean_environment(monkeypatch, tmp_path):
    for key in ("KRONIEK_CONFIG", "KRONIEK_DB", "KRONIEK_LANG", "KRONIEK_NLP__BATCH_SIZE"):
        monkeypatch.delenv(key, raising=False)
    monkeypatch.chdir(tmp_path)


def test_defaults():
    settings = load_settings()
    assert settings.db == "kroniek.db" and settings.lang == "auto" and settings.stages == DEFAULT_STAGES


def test_precedence_defaults_file_env_flags(monkeypatch, tmp_path):
    (tmp_path / "kroniek.toml").write_text('db = "file.db"\nlang = "nl"\n[nlp]\nbatch_size = 7\n')
    assert load_settings().db == "file.db"
    monkeypatch.setenv("KRONIEK_DB", "env.db")
    monkeypatch.setenv("KRONIEK_NLP__BATCH_SIZE", "9")
    settings = load_settings()
    assert (settings.db, settings.lang, settings.nlp.batch_size) == ("env.db", "nl", 9)
    assert load_settings(db="flag.db", lang=None).db == "flag.db"


def test_explicit_config_file_must_exist(monkeypatch, tmp_path):
    monkeypatch.setenv("KRONIEK_CONFIG", str(tmp_path / "missing.toml"))
    with pytest.raises(ConfigError, match="config file not found"):
        load_settings()


def test_invalid_values_are_config_errors():
    with pytest.raises(ConfigError, match="lang"):
        load_settings(lang="fr")
    with pytest.raises(ConfigError, match="max_bytes"):
        load_settings(max_bytes=0)
