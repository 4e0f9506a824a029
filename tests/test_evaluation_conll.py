import pytest
from typer.testing import CliRunner

from kroniek.cli import app
from kroniek.errors import GoldFormatError
from kroniek.evaluation_conll import NerReport, evaluate_ner, iob_spans, read_conll


def test_iob2_and_iob1_spans():
    assert iob_spans(["B-PER", "I-PER", "O", "B-LOC", "B-LOC"]) == {(0, 2, "PER"), (3, 4, "LOC"), (4, 5, "LOC")}
    assert iob_spans(["I-ORG", "I-ORG", "O", "I-PER", "I-LOC"]) == {(0, 2, "ORG"), (3, 4, "PER"), (4, 5, "LOC")}
    assert iob_spans(["B-PRO"], {"PRO": "MISC"}) == {(0, 1, "MISC")}


def test_report_counts_exact_spans_and_ends_with_f1():
    report = NerReport()
    report.add({(0, 2, "PER"), (3, 4, "LOC")}, {(0, 2, "PER"), (3, 4, "ORG")})
    assert report.overall.true_positives == 1 and report.overall.f1 == pytest.approx(0.5)
    assert report.lines()[-1] == "F1 0.5000"


def test_read_conll_skips_docstart_and_names_bad_lines(tmp_path):
    path = tmp_path / "x.conll"
    path.write_text("-DOCSTART- -DOCSTART- O\nDe Art O\nVN N B-ORG\n\nKaboel N B-LOC\n", encoding="utf-8")
    sentences = list(read_conll(path))
    assert [s.words for s in sentences] == [["De", "VN"], ["Kaboel"]]
    path.write_text("De Art O\nlonely\n", encoding="utf-8")
    with pytest.raises(GoldFormatError, match=":2"):
        list(read_conll(path))


def test_evaluate_with_a_rule_based_spacy_pipeline(tmp_path):
    import spacy

    nlp = spacy.blank("nl")
    ruler = nlp.add_pipe("entity_ruler")
    ruler.add_patterns([{"label": "LOC", "pattern": "Kaboel"}, {"label": "ORG", "pattern": "VN"}])
    path = tmp_path / "x.conll"
    path.write_text("De O\nVN B-ORG\nin O\nKaboel B-LOC\n\nJan B-PER\n", encoding="utf-8")
    report = evaluate_ner(nlp, read_conll(path))
    assert report.labels["LOC"].f1 == 1.0 and report.labels["PER"].recall == 0.0


def test_cli_needs_conll_and_a_ner_component(tmp_path):
    runner = CliRunner()
    result = runner.invoke(app, ["eval", "ner"])
    assert result.exit_code == 2 and "--conll" in result.stderr
    path = tmp_path / "x.conll"
    path.write_text("Kaboel B-LOC\n", encoding="utf-8")
    result = runner.invoke(app, ["eval", "ner", "--conll", str(path), "--map", "bad"])
    assert result.exit_code == 2 and "FROM=TO" in result.stderr
