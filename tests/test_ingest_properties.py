"""Property tests: reading never raises on arbitrary input; it yields documents or one-line errors."""

from __future__ import annotations

import io
import json
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kroniek.errors import InputError
from kroniek.ingest import RawDocument, decode_bytes, iter_inputs, split_lines

PROPERTY_SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# No arbitrary HTML: a sniffed page would load trafilatura, which is tested in test_ingest.py.
NOT_HTML = st.binary(max_size=600).filter(lambda data: not data.lstrip().startswith(b"<"))
JSONISH_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=30),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3),
    max_leaves=8,
)
RECORDS = st.fixed_dictionaries(
    {},
    optional={
        "text": JSONISH_VALUES,
        "title": JSONISH_VALUES,
        "published": st.one_of(st.text(max_size=30), st.dates().map(str), JSONISH_VALUES),
        "url": JSONISH_VALUES,
        "source": JSONISH_VALUES,
        "lang": JSONISH_VALUES,
    },
)


def check_items(items: list) -> None:
    for item in items:
        assert isinstance(item, RawDocument | InputError)
        if isinstance(item, InputError):
            assert item.source and "\n" not in str(item)
        else:
            assert item.text.strip() and item.origin


def read_file(name: str, data: bytes, max_bytes: int = 10_000) -> list:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / name
        path.write_bytes(data)
        return list(iter_inputs([str(path)], max_bytes=max_bytes))


@PROPERTY_SETTINGS
@given(st.binary(max_size=2000))
def test_decode_bytes_returns_text_or_raises_input_error(data: bytes) -> None:
    try:
        assert isinstance(decode_bytes(data), str)
    except InputError as exc:
        assert "\n" not in exc.message


@PROPERTY_SETTINGS
@given(st.text(max_size=300).filter(lambda t: not t.startswith("\x00")), st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-32"]))
def test_decoding_round_trips_unicode_text(text: str, encoding: str) -> None:
    # (a UTF-16 LE BOM followed by U+0000 is a UTF-32 LE BOM: such text is left out)
    try:
        decoded = decode_bytes(text.encode(encoding, "surrogatepass"))
    except InputError:
        return  # binary-looking (NUL or control characters) text may be refused
    assert decoded == text.removeprefix("\ufeff") or decoded == text


@PROPERTY_SETTINGS
@given(st.binary(max_size=600), st.integers(min_value=1, max_value=300))
def test_jsonl_file_of_arbitrary_bytes_never_raises(data: bytes, max_bytes: int) -> None:
    check_items(read_file("a.jsonl", data, max_bytes))


@PROPERTY_SETTINGS
@given(NOT_HTML, st.sampled_from(["a.txt", "a.json", "a.dat"]))
def test_other_files_of_arbitrary_bytes_never_raise(data: bytes, name: str) -> None:
    check_items(read_file(name, data))


@PROPERTY_SETTINGS
@given(NOT_HTML)
def test_stdin_of_arbitrary_bytes_never_raises(data: bytes) -> None:
    check_items(list(iter_inputs(["-"], max_bytes=400, stdin=io.BytesIO(data))))


@PROPERTY_SETTINGS
@given(st.lists(st.text(max_size=80).filter(lambda line: not line.lstrip().startswith("<")), max_size=8))
def test_stdin_of_arbitrary_text_lines_never_raises(lines: list[str]) -> None:
    check_items(list(iter_inputs(["-"], max_bytes=10_000, stdin=io.StringIO("\n".join(lines)))))


@PROPERTY_SETTINGS
@given(st.lists(RECORDS, min_size=1, max_size=6))
def test_jsonl_records_yield_one_item_per_line(records: list[dict]) -> None:
    data = "\n".join(json.dumps(record) for record in records).encode()
    items = list(iter_inputs(["-"], max_bytes=10_000, stdin=io.BytesIO(b"\n" + data)))
    check_items(items)
    assert len(items) == len(records)
    for number, item in enumerate(items, 2):
        assert (item.origin if isinstance(item, RawDocument) else item.source) == f"-:{number}"


@PROPERTY_SETTINGS
@given(st.binary(max_size=3000), st.integers(min_value=1, max_value=5000), st.integers(min_value=0, max_value=50))
def test_split_lines_matches_bytes_split(data: bytes, limit: int, head_size: int) -> None:
    raw_lines = data.split(b"\n")
    if raw_lines[-1] == b"":
        raw_lines.pop()
    expected = [line.rstrip(b"\r") for line in raw_lines]
    expected_limited = [line if len(line) <= limit else None for line in expected]
    stream = io.BytesIO(data[head_size:])
    got = list(split_lines(stream, limit, head=data[:head_size]))
    # a line whose raw form (with its \r) is over the limit counts as too long
    assert len(got) == len(expected_limited)
    for line, want in zip(got, expected_limited):
        assert line == want or (line is None and want is not None and len(want) + 1 > limit)
