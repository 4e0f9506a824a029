import pytest

from kroniek.errors import UnsupportedLanguageError
from kroniek.lang import LanguageIdentifier, available_languages, load_language_data

GERMAN = (
    "Bei einem Bombenanschlag in Kabul sind gestern mindestens zwölf Menschen ums Leben gekommen. "
    "Nach Angaben der Vereinten Nationen sind mehr als dreitausend Menschen aus der Region geflohen. "
    "Die Taliban bekannten sich zu dem Anschlag, teilte ein Sprecher des Innenministeriums mit. "
    "Die Regierung kündigte eine Untersuchung an und verstärkte die Sicherheitsmaßnahmen in der Hauptstadt."
)


@pytest.fixture(scope="module")
def identifier():
    return LanguageIdentifier(["nl", "en"], "en")


def test_dutch_and_english_short_and_long(identifier):
    assert identifier.identify("Tientallen strijders zouden zijn opgepakt.")[0] == "nl"
    assert identifier.identify("Dozens of fighters were reportedly arrested.")[0] == "en"
    assert identifier.identify("Kaboel")[0] in ("nl", "en")


def test_a_long_text_in_another_language_is_refused(identifier):
    with pytest.raises(UnsupportedLanguageError, match="'de'"):
        identifier.identify(GERMAN)


def test_empty_text_falls_back(identifier):
    assert identifier.identify("   ") == ("en", 0.0)


def test_language_data_is_found_per_language():
    assert {"nl", "en"} <= set(available_languages())
    assert load_language_data("nl").section("times")
    assert load_language_data("nl").section("no_such_section") == {}
    with pytest.raises(UnsupportedLanguageError):
        load_language_data("xx")
