"""Input readers: every format, every kind of bad input, directories and stdin."""

from __future__ import annotations

import codecs
import io
import json
from datetime import date
from pathlib import Path

import pytest

from kroniek.errors import InputError
from kroniek.ingest import RawDocument, decode_bytes, iter_inputs, parse_published, sniff_format, split_lines

MB = 1_000_000
ARTICLE_NL = "Bij een aanslag in Kabul zijn donderdag zeker tien mensen om het leven gekomen."

HTML_PAGE = """<!DOCTYPE html>
<html lang="nl"><head><meta charset="utf-8"><title>Aanslag in Kabul | NOS</title>
<meta property="og:title" content="Aanslag in Kabul eist tien levens">
<meta property="og:url" content="https://nos.nl/artikel/123-aanslag">
<meta property="og:site_name" content="NOS">
<meta property="article:published_time" content="2021-08-26T10:00:00+02:00">
<link rel="canonical" href="https://nos.nl/artikel/123-aanslag">
</head><body><nav>Home | Nieuws | Sport</nav>
<article><h1>Aanslag in Kabul eist tien levens</h1>
<p>Bij een aanslag op het vliegveld van Kabul zijn donderdag zeker tien mensen om het leven gekomen.
Dat meldt de Afghaanse regering.</p>
<p>De aanslag werd opgeëist door IS-K. Volgens getuigen ontplofte een bom bij de Abbey Gate,
waar duizenden mensen wachtten op een evacuatievlucht.</p>
</article><footer>Copyright NOS 2021</footer></body></html>
"""


def read(*paths: str | Path, max_bytes: int = 20 * MB, stdin=None) -> list[RawDocument | InputError]:
    return list(iter_inputs([str(p) for p in paths], max_bytes=max_bytes, stdin=stdin))


def docs(items) -> list[RawDocument]:
    return [item for item in items if isinstance(item, RawDocument)]


def errors(items) -> list[InputError]:
    return [item for item in items if isinstance(item, InputError)]


def only_error(items) -> InputError:
    assert len(items) == 1 and isinstance(items[0], InputError), items
    assert "\n" not in str(items[0])
    return items[0]


def only_doc(items) -> RawDocument:
    assert len(items) == 1 and isinstance(items[0], RawDocument), items
    return items[0]


def write(path: Path, data: bytes | str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        data = data.encode("utf-8")
    path.write_bytes(data)
    return path


# ------------------------------------------------------------------ plain text and encodings


def test_plain_text_file(tmp_path: Path) -> None:
    path = write(tmp_path / "a.txt", ARTICLE_NL + "\n")
    doc = only_doc(read(path))
    assert doc.text.strip() == ARTICLE_NL
    assert doc.origin == str(path)
    assert doc.title is None and doc.published is None and doc.lang is None


@pytest.mark.parametrize(
    "data",
    [
        codecs.BOM_UTF8 + "Café één".encode(),
        "Café één".encode("utf-16"),
        codecs.BOM_UTF16_BE + "Café één".encode("utf-16-be"),
        "Café één".encode("utf-32"),
    ],
    ids=["utf8-bom", "utf16-le-bom", "utf16-be-bom", "utf32-bom"],
)
def test_unicode_encodings_with_bom(tmp_path: Path, data: bytes) -> None:
    assert only_doc(read(write(tmp_path / "a.txt", data))).text == "Café één"


def test_cp1252_text_is_decoded(tmp_path: Path) -> None:
    text = "Café in Zaventem: de politie meldt één dode en €50 schade — „nieuws”."
    assert only_doc(read(write(tmp_path / "a.txt", text.encode("cp1252")))).text == text


def test_single_e_acute_in_cp1252(tmp_path: Path) -> None:
    assert only_doc(read(write(tmp_path / "a.txt", "Het café".encode("cp1252")))).text == "Het café"


def test_latin1_text_is_decoded(tmp_path: Path) -> None:
    text = "Señor García sprak in het Brusselse café over de aanslag."
    assert only_doc(read(write(tmp_path / "a.txt", text.encode("latin-1")))).text == text


def test_legacy_non_western_code_page(tmp_path: Path) -> None:
    text = "Президент России заявил, что войска начали наступление на город."
    assert only_doc(read(write(tmp_path / "a.txt", text.encode("cp1251")))).text == text


def test_unknown_extension_text(tmp_path: Path) -> None:
    doc = only_doc(read(write(tmp_path / "article.dat", ARTICLE_NL)))
    assert doc.text == ARTICLE_NL and doc.title is None


def test_text_title_is_not_guessed(tmp_path: Path) -> None:
    doc = only_doc(read(write(tmp_path / "a.txt", "Tien doden in Kabul\n\n" + ARTICLE_NL)))
    assert doc.title is None and doc.text.startswith("Tien doden")


def test_decode_bytes_undecodable_raises_input_error() -> None:
    with pytest.raises(InputError, match="no legacy encoding"):
        decode_bytes(bytes(range(0x80, 0x100)) * 4)


# ------------------------------------------------------------------ HTML


def test_html_with_metadata(tmp_path: Path) -> None:
    doc = only_doc(read(write(tmp_path / "page.html", HTML_PAGE)))
    assert "vliegveld van Kabul" in doc.text and "IS-K" in doc.text
    assert "Copyright" not in doc.text and "Sport" not in doc.text
    assert doc.title == "Aanslag in Kabul eist tien levens"
    assert doc.published == date(2021, 8, 26)
    assert doc.url == "https://nos.nl/artikel/123-aanslag"
    assert doc.source == "NOS"
    assert doc.origin == str(tmp_path / "page.html")


def test_html_without_date_does_not_guess_from_text(tmp_path: Path) -> None:
    page = (
        "<html><head><title>Nieuws</title></head><body><article><h1>Kop</h1>"
        "<p>Op 3 maart 2019 vielen bij gevechten in Idlib zeker twintig doden, meldt het observatorium.</p>"
        "<p>Het is de zwaarste aanval sinds januari.</p></article></body></html>"
    )
    doc = only_doc(read(write(tmp_path / "page.htm", page)))
    assert doc.published is None and "Idlib" in doc.text


def test_html_sniffed_without_extension(tmp_path: Path) -> None:
    doc = only_doc(read(write(tmp_path / "page", HTML_PAGE)))
    assert doc.title == "Aanslag in Kabul eist tien levens" and "<p>" not in doc.text


def test_html_in_legacy_encoding_with_declared_charset(tmp_path: Path) -> None:
    page = HTML_PAGE.replace('charset="utf-8"', 'charset="windows-1252"')
    doc = only_doc(read(write(tmp_path / "page.html", page.encode("cp1252"))))
    assert "opgeëist" in doc.text


@pytest.mark.parametrize(
    "page",
    [
        "<html><head><title>x</title></head><body><script>var a = 1;</script></body></html>",
        "<div><<<>>><p",
        "<html><body></body></html>",
    ],
)
def test_html_without_text_is_an_error(tmp_path: Path, page: str) -> None:
    error = only_error(read(write(tmp_path / "broken.html", page)))
    assert "no article text" in error.message and error.source == str(tmp_path / "broken.html")


# ------------------------------------------------------------------ JSON Lines and JSON


def test_jsonl_file_with_all_fields(tmp_path: Path) -> None:
    record = {
        "text": ARTICLE_NL,
        "title": "Aanslag",
        "published": "2021-08-26",
        "url": "https://example.org/a",
        "source": "NOS",
        "lang": "NL",
        "extra": [1, 2],
    }
    path = write(tmp_path / "a.jsonl", json.dumps(record) + "\n")
    doc = only_doc(read(path))
    assert doc == RawDocument(
        text=ARTICLE_NL,
        origin=f"{path}:1",
        title="Aanslag",
        published=date(2021, 8, 26),
        url="https://example.org/a",
        source="NOS",
        lang="nl",
    )


def test_jsonl_bad_lines_are_errors_and_other_lines_still_yield(tmp_path: Path) -> None:
    lines = [
        '{"text": "een"}',
        '{"text": "x" "y"}',
        "[1, 2]",
        '{"title": "geen tekst"}',
        '{"text": "   "}',
        '{"text": "twee", "published": "2020-13-45"}',
        "",
        '{"text": 5}',
        '{"text": "drie", "published": "2020-01-02T23:30:00+05:00"}',
        '{"text": "vier", "title": 7}',
        '{"text": "vijf", "published": null, "title": ""}',
    ]
    path = write(tmp_path / "x.jsonl", "\n".join(lines))
    items = read(path)
    got = {item.origin if isinstance(item, RawDocument) else item.source: item for item in items}
    assert [d.text for d in docs(items)] == ["een", "drie", "vijf"]
    assert got[f"{path}:9"].published == date(2020, 1, 2)
    assert got[f"{path}:11"].title is None and got[f"{path}:11"].published is None
    messages = {int(e.source.rsplit(":", 1)[1]): e.message for e in errors(items)}
    assert messages[2] == "line is not valid JSON (Expecting ',' delimiter at column 14)"
    assert messages[3] == "line is not a JSON object (found array)"
    assert messages[4] == "no 'text' field"
    assert messages[5] == "'text' is empty"
    assert messages[6].startswith("bad 'published' date '2020-13-45'")
    assert "string" in messages[8] and "'title'" in messages[10]
    assert set(messages) == {2, 3, 4, 5, 6, 8, 10}
    assert str(got[f"{path}:2"]) == f"{path}:2: line is not valid JSON (Expecting ',' delimiter at column 14)"


def test_ndjson_with_bom_and_crlf(tmp_path: Path) -> None:
    data = codecs.BOM_UTF8 + b'{"text": "een"}\r\n{"text": "twee"}\r\n'
    items = read(write(tmp_path / "a.ndjson", data))
    assert [(d.text, d.origin.rsplit(":", 1)[1]) for d in docs(items)] == [("een", "1"), ("twee", "2")]
    assert not errors(items)


def test_jsonl_line_in_cp1252_is_decoded(tmp_path: Path) -> None:
    data = '{"text": "Het café"}\n'.encode("cp1252") + b'{"text": "ok"}\n'
    assert [d.text for d in docs(read(write(tmp_path / "a.jsonl", data)))] == ["Het café", "ok"]


def test_jsonl_in_utf16(tmp_path: Path) -> None:
    data = '{"text": "één"}\n{"text": "twee"}\n'.encode("utf-16")
    assert [d.text for d in docs(read(write(tmp_path / "a.jsonl", data)))] == ["één", "twee"]


def test_jsonl_line_over_the_limit(tmp_path: Path) -> None:
    long_line = json.dumps({"text": "x" * 500})
    path = write(tmp_path / "a.jsonl", f'{{"text": "kort"}}\n{long_line}\n{{"text": "ook kort"}}\n')
    items = read(path, max_bytes=100)
    assert [d.text for d in docs(items)] == ["kort", "ook kort"]
    error = only_error(errors(items))
    assert error.source == f"{path}:2" and "too long" in error.message


def test_jsonl_unicode_line_separator_inside_string(tmp_path: Path) -> None:
    data = '{"text": "een\u2028twee"}\n'.encode()
    assert only_doc(read(write(tmp_path / "a.dat", data))).text == "een\u2028twee"


@pytest.mark.parametrize("content", [b"", b"\n\n  \n"])
def test_empty_jsonl_file(tmp_path: Path, content: bytes) -> None:
    assert "empty" in only_error(read(write(tmp_path / "a.jsonl", content))).message


def test_binary_jsonl_file(tmp_path: Path) -> None:
    error = only_error(read(write(tmp_path / "a.jsonl", b"PK\x03\x04" + bytes(100))))
    assert "binary" in error.message


def test_jsonl_sniffed_without_extension(tmp_path: Path) -> None:
    path = write(tmp_path / "feed", '{"text": "een"}\n{"text": "twee"}\n')
    assert [d.origin for d in docs(read(path))] == [f"{path}:1", f"{path}:2"]


def test_json_object_file(tmp_path: Path) -> None:
    path = write(tmp_path / "a.json", json.dumps({"text": "een", "published": "2020-05-01T08:00:00Z"}, indent=2))
    doc = only_doc(read(path))
    assert doc.origin == str(path) and doc.published == date(2020, 5, 1)


def test_json_list_file(tmp_path: Path) -> None:
    path = write(tmp_path / "a.json", json.dumps([{"text": "een"}, {"text": ""}, "tekst", {"text": "twee"}]))
    items = read(path)
    assert [d.origin for d in docs(items)] == [f"{path}#1", f"{path}#4"]
    assert [e.source for e in errors(items)] == [f"{path}#2", f"{path}#3"]


@pytest.mark.parametrize(
    ("content", "reason"),
    [("[]", "no articles"), ("42", "found number"), ('{"text": ', "not valid JSON")],
)
def test_bad_json_file(tmp_path: Path, content: str, reason: str) -> None:
    assert reason in only_error(read(write(tmp_path / "a.json", content))).message


def test_parse_published() -> None:
    assert parse_published("2020-01-02") == date(2020, 1, 2)
    assert parse_published("2020-01-02T23:59:00-08:00") == date(2020, 1, 2)
    assert parse_published("2020-01-02T10:00:00Z") == date(2020, 1, 2)
    with pytest.raises(ValueError):
        parse_published("2 januari 2020")


# ------------------------------------------------------------------ bad inputs


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("a.txt", b"", "empty file"),
        ("a.txt", b"  \n\t\r\n ", "only whitespace"),
        ("a.txt", b"abc\x00def", "NUL"),
        ("image.png", b"\x89PNG\r\n\x1a\n" + b"x" * 40, "PNG"),
        ("photo.txt", b"\xff\xd8\xff\xe0" + b"x" * 40, "JPEG"),
        ("archive.zip", b"PK\x03\x04" + b"x" * 40, "zip"),
        ("doc.pdf", b"%PDF-1.7\n" + b"x" * 40, "PDF"),
        ("ctrl.txt", bytes(range(1, 9)) * 20, "non-text"),
        ("bad.txt", bytes(range(0x80, 0x100)) * 4, "not valid UTF-8"),
        ("a.html", b"   ", "only whitespace"),
    ],
)
def test_bad_files(tmp_path: Path, name: str, data: bytes, reason: str) -> None:
    path = write(tmp_path / name, data)
    error = only_error(read(path))
    assert reason in error.message and error.source == str(path)
    assert str(error).startswith(f"{path}: ")


def test_html_whitespace_only_does_not_load_anything(tmp_path: Path) -> None:
    assert "whitespace" in only_error(read(write(tmp_path / "a.html", b" \n "))).message


def test_sparse_50_mb_file_is_refused_without_reading(tmp_path: Path, monkeypatch) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as out:
        out.seek(50 * MB - 1)
        out.write(b"x")
    monkeypatch.setattr(Path, "open", lambda *a, **k: pytest.fail("a too-large file was opened"))
    error = only_error(read(path, max_bytes=20 * MB))
    assert "too large (50,000,000 bytes; the limit is 20,000,000 bytes)" == error.message


def test_small_max_bytes(tmp_path: Path) -> None:
    path = write(tmp_path / "a.txt", ARTICLE_NL)
    assert "too large" in only_error(read(path, max_bytes=10)).message
    assert only_doc(read(path, max_bytes=len(ARTICLE_NL))).text == ARTICLE_NL


def test_sparse_50_mb_jsonl_is_streamed(tmp_path: Path) -> None:
    path = tmp_path / "huge.jsonl"
    with path.open("wb") as out:
        out.write(b'{"text": "een"}\n')
        out.seek(50 * MB - 1)
        out.write(b"\n")
    items = read(path, max_bytes=MB)
    assert [d.text for d in docs(items)] == ["een"]
    assert "too long" in only_error(errors(items)).message


def test_nonexistent_path(tmp_path: Path) -> None:
    error = only_error(read(tmp_path / "missing.txt"))
    assert error.message == "no such file or directory" and error.source == str(tmp_path / "missing.txt")


def test_not_a_regular_file() -> None:
    if not Path("/dev/null").exists():
        pytest.skip("no /dev/null")
    assert "not a regular file" in only_error(read("/dev/null")).message


# ------------------------------------------------------------------ directories


def test_empty_directory(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    assert "no (non-hidden) files" in only_error(read(tmp_path / "empty")).message


def test_directory_with_only_hidden_files(tmp_path: Path) -> None:
    write(tmp_path / "d" / ".DS_Store", b"\x00\x01")
    write(tmp_path / "d" / ".git" / "config", "x")
    assert "no (non-hidden) files" in only_error(read(tmp_path / "d")).message


def test_mixed_directory_reads_good_files_next_to_bad(tmp_path: Path) -> None:
    root = tmp_path / "in"
    write(root / "b.txt", "Tweede artikel.")
    write(root / "a.txt", "Eerste artikel.")
    write(root / "c.png", b"\x89PNG\r\n\x1a\n\x00\x00")
    write(root / "d.jsonl", '{"text": "jsonl een"}\nkapot\n{"text": "jsonl drie"}\n')
    write(root / "sub" / "e.html", HTML_PAGE)
    write(root / "sub" / "f.txt", b"")
    write(root / "sub" / "z" / "g.txt", "Diep artikel.")
    write(root / ".hidden.txt", "verborgen")
    write(root / ".cache" / "h.txt", "verborgen")
    (root / "emptysub").mkdir()
    items = read(root)
    order = [item.origin if isinstance(item, RawDocument) else item.source for item in items]
    assert order == [
        f"{root}/a.txt",
        f"{root}/b.txt",
        f"{root}/c.png",
        f"{root}/d.jsonl:1",
        f"{root}/d.jsonl:2",
        f"{root}/d.jsonl:3",
        f"{root}/sub/e.html",
        f"{root}/sub/f.txt",
        f"{root}/sub/z/g.txt",
    ]
    assert len(docs(items)) == 6 and len(errors(items)) == 3


def test_several_paths_in_order(tmp_path: Path) -> None:
    a = write(tmp_path / "a.txt", "een")
    b = write(tmp_path / "b.txt", "twee")
    items = read(b, tmp_path / "nope", a)
    assert [getattr(i, "origin", None) or i.source for i in items] == [str(b), str(tmp_path / "nope"), str(a)]


# ------------------------------------------------------------------ stdin


def test_stdin_text() -> None:
    doc = only_doc(read("-", stdin=io.StringIO(ARTICLE_NL)))
    assert doc.text == ARTICLE_NL and doc.origin == "-"


def test_stdin_jsonl_bytes() -> None:
    stdin = io.BytesIO(b'\n{"text": "een", "lang": "en"}\nnope\n{"text": "twee"}\n')
    items = read("-", stdin=stdin)
    assert [(d.text, d.origin) for d in docs(items)] == [("een", "-:2"), ("twee", "-:4")]
    assert only_error(errors(items)).source == "-:3"


def test_stdin_html() -> None:
    doc = only_doc(read("-", stdin=io.BytesIO(HTML_PAGE.encode())))
    assert doc.origin == "-" and doc.url == "https://nos.nl/artikel/123-aanslag"


def test_stdin_text_wrapper_over_cp1252_bytes() -> None:
    stdin = io.TextIOWrapper(io.BytesIO("Het café is dicht.".encode("cp1252")), encoding="utf-8")
    assert only_doc(read("-", stdin=stdin)).text == "Het café is dicht."


def test_stdin_empty_and_too_large() -> None:
    assert only_error(read("-", stdin=io.StringIO("   "))).source == "-"
    assert "empty" in only_error(read("-", stdin=io.BytesIO(b""))).message
    assert "too large" in only_error(read("-", stdin=io.BytesIO(b"x" * 100), max_bytes=50)).message


def test_stdin_binary() -> None:
    assert "binary" in only_error(read("-", stdin=io.BytesIO(b"\x89PNG\r\n\x1a\n\x00"))).message


# ------------------------------------------------------------------ helpers


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ('  {"text": "x"}', "jsonl"),
        ('[\n {"text": "x"}]', "json"),
        ("<!DOCTYPE html><html>", "html"),
        ("<p>Hallo</p>", "html"),
        ("[Foto] Een artikel", "text"),
        ("Een artikel over <html>", "text"),
    ],
)
def test_sniff_format(text: str, kind: str) -> None:
    assert sniff_format(text) == kind


def test_split_lines_across_chunks() -> None:
    data = b"a" * 70_000 + b"\nbb\r\n\ncc"
    assert list(split_lines(io.BytesIO(data), 100_000)) == [b"a" * 70_000, b"bb", b"", b"cc"]
    assert list(split_lines(io.BytesIO(data), 10)) == [None, b"bb", b"", b"cc"]
    assert list(split_lines(io.BytesIO(data[:5]), 10, head=b"xy\nz")) == [b"xy", b"zaaaaa"]


def test_trafilatura_not_imported_without_html(tmp_path: Path) -> None:
    import subprocess
    import sys

    write(tmp_path / "a.txt", ARTICLE_NL)
    write(tmp_path / "b.jsonl", '{"text": "x"}\n')
    code = (
        "import sys; from kroniek.ingest import iter_inputs; "
        f"list(iter_inputs([{str(tmp_path)!r}], max_bytes=10**6)); "
        "print('trafilatura' in sys.modules)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"


def test_mostly_utf8_with_a_stray_legacy_byte(tmp_path: Path) -> None:
    data = "Café en één dode in Zaventem, ".encode() + b"en \xe9en."
    assert only_doc(read(write(tmp_path / "a.txt", data))).text == "Café en één dode in Zaventem, en \ufffden."


def test_directory_skips_fifos(tmp_path: Path) -> None:
    import os

    if not hasattr(os, "mkfifo"):
        pytest.skip("no FIFOs here")
    write(tmp_path / "d" / "a.txt", "een")
    os.mkfifo(tmp_path / "d" / "pipe")
    assert [d.text for d in docs(read(tmp_path / "d"))] == ["een"]


def test_html_blocks_become_paragraphs(tmp_path: Path) -> None:
    text = only_doc(read(write(tmp_path / "page.html", HTML_PAGE))).text
    assert text.startswith("Aanslag in Kabul eist tien levens\n\nBij een aanslag")
    assert "\n\nDe aanslag werd opgeëist" in text and "\n\n\n" not in text
