"""scripts/compare_frog.py: Frog output parsing, alignment, scoring and the missing-Frog exit. No Frog needed."""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from kroniek.evaluation_conll import ConllSentence

SCRIPT = Path(__file__).resolve().parents[1] / "scripts" / "compare_frog.py"


def _load_script():
    spec = importlib.util.spec_from_file_location("compare_frog", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    sys.modules["compare_frog"] = module
    spec.loader.exec_module(module)
    return module


cf = _load_script()

# Frog 0.20 full output (tab-separated: index, word, lemma, morph, POS, confidence, NER, chunk, head, deprel);
# token 7 is a multi-word unit joined with "_".
FULL_SAMPLE = "\n".join(
    "\t".join(row)
    for row in [
        ("1", "Dat", "dat", "[dat]", "VNW(aanw,pron,stan,vol,3o,ev)", "0.999022", "O", "B-NP", "2", "su"),
        ("2", "is", "zijn", "[zijn]", "WW(pv,tgw,ev)", "0.999017", "O", "B-VP", "0", "ROOT"),
        ("3", "in", "in", "[in]", "VZ(init)", "0.998321", "O", "B-PP", "2", "mod"),
        ("4", "Italië", "Italië", "[Italië]", "SPEC(deeleigen)", "1.000000", "B-LOC", "B-NP", "3", "obj1"),
        ("5", ",", ",", "[,]", "LET()", "1.000000", "O", "O", "4", "punct"),
        ("6", "zei", "zeggen", "[zeg]", "WW(pv,verl,ev)", "0.998967", "O", "B-VP", "0", "ROOT"),
        ("7", "J._van_der_Berg", "J._van_der_Berg", "[J.]_[van]_[der]_[Berg]", "SPEC(deeleigen)_SPEC(deeleigen)_SPEC(deeleigen)_SPEC(deeleigen)",
         "1.000000", "B-PER_I-PER_I-PER_I-PER", "B-NP_I-NP_I-NP_I-NP", "6", "su"),
        ("8", "op", "op", "[op]", "VZ(init)", "0.99", "O", "B-PP", "6", "mod"),
        ("9", "het", "het", "[het]", "LID(bep)", "0.99", "O", "B-NP", "10", "det"),
        ("10", "Holland", "Holland", "[Holland]", "SPEC(deeleigen)", "1.0", "B-EVE", "I-NP", "8", "obj1"),
        ("11", "Festival", "Festival", "[Festival]", "SPEC(deeleigen)", "1.0", "I-EVE", "I-NP", "10", "app"),
        ("12", ".", ".", "[.]", "LET()", "1.000000", "O", "O", "6", "punct"),
    ]
) + "\n\n" + "\n".join(
    "\t".join(row)
    for row in [
        ("1", "Philips", "Philips", "", "SPEC(deeleigen)", "1.0", "B-ORG", "", "", ""),
        ("2", "maakt", "maken", "", "WW(pv,tgw,met-t)", "0.99", "O", "", "", ""),
        ("3", "Senseo", "Senseo", "", "SPEC(deeleigen)", "1.0", "B-PRO", "", "", ""),
    ]
) + "\n\n"

GOLD = [
    ConllSentence(
        ["Dat", "is", "in", "Italië", ",", "zei", "J.", "van", "der", "Berg", "op", "het", "Holland", "Festival", "."],
        ["O", "O", "O", "B-LOC", "O", "O", "B-PER", "I-PER", "I-PER", "I-PER", "O", "O", "B-MISC", "I-MISC", "O"],
    ),
    ConllSentence(["Philips", "maakt", "Senseo"], ["B-ORG", "O", "B-MISC"]),
]


def test_parse_frog_output_splits_sentences_and_multiword_units():
    sentences = cf.parse_frog_output(FULL_SAMPLE)
    assert len(sentences) == 2
    assert [t.word for t in sentences[0]] == GOLD[0].words
    assert [t.tag for t in sentences[0]][6:10] == ["B-PER", "I-PER", "I-PER", "I-PER"]
    assert [t.tag for t in sentences[1]] == ["B-ORG", "O", "B-PRO"]


def test_parse_frog_output_ner_only_rows_with_empty_columns():
    text = "1\tDat\tdat\t\tVNW(aanw)\t0.99\tO\t\t\t\t\t\n2\tItalië\tItalië\t\tSPEC(deeleigen)\t1.0\tB-LOC\t\t\t\t\t\n"
    assert [(t.word, t.tag) for t in cf.parse_frog_output(text)[0]] == [("Dat", "O"), ("Italië", "B-LOC")]


def test_parse_frog_output_without_trailing_blank_line_and_blank_ner():
    text = "1\ta\ta\t\tN\t1.0\t\n2\tb\tb\t\tN\t1.0\tB-PER"
    assert [(t.word, t.tag) for t in cf.parse_frog_output(text)[0]] == [("a", "O"), ("b", "B-PER")]


def test_parse_frog_line_too_few_columns_raises():
    with pytest.raises(ValueError):
        cf.parse_frog_line("1\tword\tlemma")


def test_expand_multiword_keeps_a_word_with_its_own_underscore():
    assert [(t.word, t.tag) for t in cf.expand_multiword("a_b", "B-ORG")] == [("a_b", "B-ORG")]
    assert [(t.word, t.tag) for t in cf.expand_multiword("x", "O")] == [("x", "O")]


def test_score_frog_maps_pro_and_eve_to_misc():
    score = cf.score_frog(GOLD, cf.parse_frog_output(FULL_SAMPLE), cf.FROG_LABEL_MAP)
    assert score.skipped == 0
    assert score.report.sentences == 2 and score.report.tokens == 18
    overall = score.report.overall
    assert (overall.true_positives, overall.false_positives, overall.false_negatives) == (5, 0, 0)
    assert score.report.labels["MISC"].true_positives == 2


def test_score_frog_without_map_keeps_frog_labels():
    score = cf.score_frog(GOLD, cf.parse_frog_output(FULL_SAMPLE), None)
    assert score.report.labels["MISC"].false_negatives == 2
    assert score.report.labels["PRO"].false_positives == 1 and score.report.labels["EVE"].false_positives == 1


def test_score_frog_skips_sentences_whose_tokens_differ_or_are_missing():
    predicted = cf.parse_frog_output(FULL_SAMPLE)
    retokenised = [cf.FrogToken("Philips", "B-ORG"), cf.FrogToken("maakt", "O")]  # one token short
    score = cf.score_frog(GOLD, [predicted[0], retokenised], cf.FROG_LABEL_MAP)
    assert score.skipped == 1 and score.report.sentences == 1
    score = cf.score_frog(GOLD, predicted[:1], cf.FROG_LABEL_MAP)  # Frog output ends early
    assert score.skipped == 1 and score.report.sentences == 1
    wrong_word = [cf.FrogToken("Philips", "B-ORG"), cf.FrogToken("maken", "O"), cf.FrogToken("Senseo", "O")]
    assert cf.score_frog(GOLD[1:], [wrong_word], None).skipped == 1


def test_report_table_always_has_the_four_labels_and_overall():
    score = cf.score_frog(GOLD[1:], cf.parse_frog_output(FULL_SAMPLE)[1:], None)
    table = cf.report_table(score.report)
    assert list(table)[:4] == ["PER", "LOC", "ORG", "MISC"] and list(table)[-1] == "overall"
    assert table["PER"]["gold"] == 0 and table["ORG"]["f1"] == 1.0


def test_frog_processing_seconds_from_stderr():
    stderr = "frog-:NER took: 1 seconds\nfrog-:Frogging in total took: 125 seconds, 737 milliseconds and 473 microseconds\n"
    assert cf.frog_processing_seconds(stderr) == pytest.approx(125.737473)
    assert cf.frog_processing_seconds("nothing") is None


def test_write_frog_input_one_sentence_per_line(tmp_path):
    path = tmp_path / "in.txt"
    cf.write_frog_input(GOLD, path)
    assert path.read_text("utf-8").splitlines() == [" ".join(s.words) for s in GOLD]


def test_frog_commands_skip_the_tokeniser():
    ner_only = cf.frog_command("frog", Path("i"), Path("o"), cf.FROG_MODES["frog ner-only"], None)
    assert ner_only == ["frog", "-t", "i", "-n", "--skip=tacmp", "-o", "o"]
    assert cf.frog_command("frog", Path("i"), Path("o"), cf.FROG_MODES["frog full"], 2)[-2:] == ["o", "--threads=2"]


def test_documents_of_joins_sentences():
    sentences = [ConllSentence([f"w{i}", "."], ["O", "O"]) for i in range(5)]
    assert cf.documents_of(sentences, 2) == ["w0 . w1 .", "w2 . w3 .", "w4 ."]


def test_speed_ratio_uses_frog_processing_speed():
    frog = cf.SystemResult("frog full", 100, words_per_second=50.0, processing_words_per_second=100.0)
    kroniek = cf.SystemResult("kroniek", 100, words_per_second=1000.0)
    assert cf.speed_ratio([frog, kroniek]) == pytest.approx(10.0)
    assert cf.speed_ratio([kroniek]) is None


def test_run_measured_reports_exit_code_and_peak_rss():
    measured = cf.run_measured([sys.executable, "-c", "import sys; print('hi'); sys.exit(3)"])
    assert measured.returncode == 3 and measured.stdout.strip() == "hi"
    assert measured.peak_rss_mb > 1 and measured.wall_seconds > 0


def test_exits_2_with_apt_hint_when_frog_is_missing(tmp_path):
    env = {**os.environ, "PATH": str(tmp_path)}  # an empty directory: no frog on PATH
    result = subprocess.run([sys.executable, str(SCRIPT), "--limit", "1"], check=False, env=env, capture_output=True, text=True, timeout=60)
    assert result.returncode == 2
    assert "apt-get install frog frogdata" in result.stderr


@pytest.mark.slow  # loads the Kroniek pipeline (and its trained model, once shipped) in a subprocess
def test_skip_frog_runs_kroniek_alone_on_a_small_file(tmp_path):
    conll = tmp_path / "mini.conll"
    conll.write_text("-DOCSTART- -DOCSTART- O\nJan N B-PER\nwoont V O\nin Prep O\nGent N B-LOC\n. Punc O\n\nHet Art O\nregent V O\n. Punc O\n\n", "utf-8")
    env = {**os.environ, "PATH": str(tmp_path)}  # no frog needed with --skip-frog
    result = subprocess.run([sys.executable, str(SCRIPT), "--skip-frog", "--json", "--conll", str(conll)],
                            check=False, env=env, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    (kroniek,) = data["systems"]
    assert kroniek["name"] == "kroniek" and kroniek["words"] == 8 and data["sentences"] == 2
    assert kroniek["words_per_second"] > 0 and kroniek["peak_rss_mb"] > 0
    assert kroniek["extra"]["extract_errors"] == 0
    if kroniek["ner"] is not None:
        assert {"PER", "LOC", "ORG", "MISC", "overall"} <= set(kroniek["ner"])


def test_format_result_says_na_without_ner():
    lines = cf.format_result(cf.SystemResult("kroniek", 10, words_per_second=5.0, note="no ner"))
    assert "   NER: n/a" in lines and any("extract 5 words/s" in line for line in lines)
