"""Reading inputs into raw articles: files, directories and stdin; plain text, HTML, JSON Lines, JSON.

:func:`iter_inputs` is the one entry point. It yields a :class:`RawDocument` for every article it can
read and an :class:`~kroniek.errors.InputError` (naming the input and the reason, on one line) for
every one it cannot, and always goes on with the next item: it never raises for bad input.

Formats are chosen by extension and, where the extension says nothing, by sniffing the content:

* ``.txt`` / unknown extension that decodes as text: one article, no title (none is guessed);
* ``.html`` / ``.htm`` / content that looks like HTML: main text and metadata via trafilatura
  (imported only when HTML is seen);
* ``.jsonl`` / ``.ndjson`` / content starting with ``{``: one article per line, streamed;
* ``.json``: one article object or a list of them.

Size limit: ``max_bytes`` applies to each article. A text, HTML or JSON file (and stdin) larger than
that is refused from its size, unread; a JSON Lines file is streamed and the limit applies per line.
"""

from __future__ import annotations

import codecs
import io
import json
import logging
import os
import re
import stat
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import IO, Any, Protocol

from .errors import InputError

STDIN = "-"
TEXT_EXTENSIONS = frozenset({".txt", ".text"})
HTML_EXTENSIONS = frozenset({".html", ".htm", ".xhtml"})
JSONL_EXTENSIONS = frozenset({".jsonl", ".ndjson"})
JSON_EXTENSIONS = frozenset({".json"})
RECORD_STRING_FIELDS = ("title", "url", "source", "lang")

_CHUNK = 1 << 16
_SNIFF_BYTES = 4096
_MAX_CONTROL_SHARE = 0.1
_LEGACY_PREFERRED = ("cp1252", "latin_1")
_LEGACY_CHAOS_MARGIN = 0.1
_UTF8_GOOD_PER_BAD = 3
_UTF8_MULTIBYTE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")

_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"II*\x00", "TIFF image"),
    (b"MM\x00*", "TIFF image"),
    (b"%PDF-", "PDF document"),
    (b"PK\x03\x04", "zip archive or office document"),
    (b"PK\x05\x06", "zip archive"),
    (b"\x1f\x8b", "gzip archive"),
    (b"\xfd7zXZ\x00", "xz archive"),
    (b"7z\xbc\xaf\x27\x1c", "7z archive"),
    (b"\x28\xb5\x2f\xfd", "zstd archive"),
    (b"\x7fELF", "executable"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "MS Office document"),
    (b"SQLite format 3\x00", "SQLite database"),
    (b"OggS", "Ogg media"),
)
_BOMS: tuple[tuple[bytes, str], ...] = (  # UTF-32 first: its LE BOM starts with UTF-16's
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f\ufffe\uffff]")
_HTML_START = re.compile(
    r"<(!doctype\s+html|html|head|body|meta|title|article|main|div|p|h[1-6]|span|section)\b", re.I
)
_HTML_CHARSET = re.compile(rb"<meta[^>]{0,200}?charset\s*=\s*[\"']?\s*([A-Za-z0-9_\-:.]+)", re.I)
_WHITESPACE = re.compile(r"\s+")


@dataclass(slots=True)
class RawDocument:
    """One article as read from an input, before any processing."""

    text: str
    origin: str  # where it came from: a path, "path:line" for JSON Lines, or "-" for stdin
    title: str | None = None
    published: date | None = None
    url: str | None = None
    source: str | None = None
    lang: str | None = None


Item = RawDocument | InputError


class _Readable(Protocol):
    def read(self, size: int = -1, /) -> bytes: ...


def iter_inputs(paths: list[str], *, max_bytes: int, stdin: IO[Any] | None = None) -> Iterator[Item]:
    """Every article in ``paths`` (files, directories, ``-`` for stdin), or an error per bad item.

    ``stdin`` is the stream read for ``-`` (text or binary; default ``sys.stdin``). Never raises for
    bad input: each problem is yielded as an :class:`InputError` and reading goes on.
    """
    for path in paths:
        if path == STDIN:
            yield from _guarded(lambda: _read_stdin(stdin, max_bytes), STDIN)
        else:
            yield from _read_path(path, max_bytes)


# ---------------------------------------------------------------- paths, directories, files


def _guarded(make: Callable[[], Iterable[Item]], source: str) -> Iterator[Item]:
    """The items of ``make()``; an unexpected exception ends them with one error for ``source``."""
    try:
        yield from make()
    except InputError as exc:
        exc.source = exc.source or source
        yield exc
    except (OSError, MemoryError, RecursionError, ValueError, LookupError) as exc:
        yield InputError(f"cannot read: {_exception_text(exc)}", source=source)
    except Exception as exc:  # a reader bug must not end the whole batch either
        yield InputError(f"cannot read: {type(exc).__name__}: {_exception_text(exc)}", source=source)


def _read_path(path: str, max_bytes: int) -> Iterator[Item]:
    target = Path(path)
    try:
        info = target.stat()
    except FileNotFoundError:
        yield InputError("no such file or directory", source=path)
        return
    except OSError as exc:
        yield InputError(f"cannot read: {_exception_text(exc)}", source=path)
        return
    if stat.S_ISDIR(info.st_mode):
        yield from _read_directory(target, max_bytes)
    else:
        yield from _guarded(lambda: _read_file(target, info, max_bytes), path)


def _read_directory(directory: Path, max_bytes: int) -> Iterator[Item]:
    empty = True
    for entry in _walk(directory):
        empty = False
        if isinstance(entry, InputError):
            yield entry
        else:
            yield from _read_path(str(entry), max_bytes)
    if empty:
        yield InputError("directory contains no (non-hidden) files", source=str(directory))


def _walk(directory: Path) -> Iterator[Path | InputError]:
    """Files under ``directory``, depth first, sorted by name; hidden names, linked dirs skipped."""
    try:
        entries = sorted(os.scandir(directory), key=lambda entry: entry.name)
    except OSError as exc:
        yield InputError(f"cannot list directory: {_exception_text(exc)}", source=str(directory))
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        if entry.is_dir(follow_symlinks=False):
            yield from _walk(Path(entry.path))
        elif entry.is_file():  # regular files and links to them; no FIFOs, sockets, broken links
            yield Path(entry.path)


def _read_file(path: Path, info: os.stat_result, max_bytes: int) -> Iterator[Item]:
    origin = str(path)
    if not (stat.S_ISREG(info.st_mode) or stat.S_ISFIFO(info.st_mode)):
        yield InputError("not a regular file", source=origin)
        return
    kind = format_from_extension(path)
    if kind == "jsonl":
        yield from _read_jsonl_file(path, max_bytes)
        return
    if info.st_size > max_bytes:
        yield InputError(_too_large(info.st_size, max_bytes), source=origin)
        return
    with path.open("rb") as stream:
        data = _read_at_most(stream, max_bytes + 1)
    if len(data) > max_bytes:
        yield InputError(_too_large(len(data), max_bytes), source=origin)
        return
    yield from documents_from_bytes(data, origin, kind)


def format_from_extension(path: Path) -> str | None:
    """``"text"``, ``"html"``, ``"jsonl"`` or ``"json"`` from the file name; None when it says nothing."""
    suffix = path.suffix.lower()
    for kind, suffixes in (
        ("text", TEXT_EXTENSIONS),
        ("html", HTML_EXTENSIONS),
        ("jsonl", JSONL_EXTENSIONS),
        ("json", JSON_EXTENSIONS),
    ):
        if suffix in suffixes:
            return kind
    return None


def _read_at_most(stream: _Readable, limit: int) -> bytes:
    """Up to ``limit`` bytes of ``stream`` (fewer only at its end), in chunks."""
    parts: list[bytes] = []
    left = limit
    while left > 0:
        chunk = stream.read(min(left, _CHUNK))
        if not chunk:
            break
        parts.append(chunk)
        left -= len(chunk)
    return b"".join(parts)


def _too_large(size: int, max_bytes: int) -> str:
    return f"too large ({size:,} bytes; the limit is {max_bytes:,} bytes)"


# ---------------------------------------------------------------- one input's bytes


def documents_from_bytes(data: bytes, origin: str, kind: str | None = None) -> Iterator[Item]:
    """The articles in one whole input's bytes; ``kind`` None means sniff the content."""
    if not data:
        yield InputError("empty file" if origin != STDIN else "empty input", source=origin)
        return
    try:
        text = decode_bytes(data, declared=_declared_charset(data) if kind in (None, "html") else None)
    except InputError as exc:
        exc.source = origin
        yield exc
        return
    if not text.strip():
        yield InputError("contains only whitespace", source=origin)
        return
    kind = kind or sniff_format(text)
    if kind == "jsonl":
        yield from _jsonl_documents((line.rstrip("\r") for line in text.split("\n")), origin)
    elif kind == "json":
        yield from _json_documents(text, origin)
    elif kind == "html":
        yield _html_document(text, origin)
    else:
        yield _text_document(text, origin)


def sniff_format(text: str) -> str:
    """``"jsonl"``, ``"json"``, ``"html"`` or ``"text"`` from the start of the content."""
    head = text[:_SNIFF_BYTES].lstrip("\ufeff \t\r\n")
    if head.startswith("{"):
        return "jsonl"
    if head.startswith("[") and head[1:].lstrip().startswith(("{", "]")):
        return "json"
    if head.startswith("<") and (_HTML_START.search(head) or "<html" in head.lower()):
        return "html"
    return "text"


def _text_document(text: str, origin: str) -> Item:
    return RawDocument(text=text.lstrip("\ufeff"), origin=origin)


# ---------------------------------------------------------------- decoding


def decode_bytes(data: bytes, *, declared: str | None = None) -> str:
    """Text from bytes: BOM (UTF-8/16/32), else UTF-8, else ``declared``, else a detected legacy code page.

    Raises :class:`InputError` (without a source) for binary data or bytes that no sensible
    encoding explains. Never raises anything else.
    """
    problem = binary_problem(data)
    if problem:
        raise InputError(problem)
    text = _decode_with_bom(data)
    if text is None:
        text = _decode_without_bom(data[3:] if data.startswith(codecs.BOM_UTF8) else data, declared)
    if _mostly_control(text):
        raise InputError("mostly non-text characters (binary data?)")
    return text


def binary_problem(data: bytes) -> str | None:
    """Why ``data`` is binary (a known magic number, or NUL bytes without a UTF-16/32 BOM), or None."""
    for magic, name in _MAGIC:
        if data.startswith(magic):
            return f"binary data ({name}), not text"
    if b"\x00" in data and not _bom_encoding(data):
        return "binary data (NUL bytes), not text"
    return None


def _bom_encoding(data: bytes) -> str | None:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return encoding
    return None


def _decode_with_bom(data: bytes) -> str | None:
    encoding = _bom_encoding(data)
    if encoding is None:
        return None
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise InputError(f"invalid {encoding.upper()} data at byte {exc.start} despite the byte-order mark")


def _decode_without_bom(data: bytes, declared: str | None) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        utf8_error = exc
    for encoding in (declared,) if declared else ():
        try:
            return data.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            pass
    text = _decode_mostly_utf8(data) or _decode_legacy(data)
    if text is None:
        raise InputError(
            f"not valid UTF-8 (bad byte at {utf8_error.start}) and no legacy encoding explains it"
        )
    return text


def _decode_mostly_utf8(data: bytes) -> str | None:
    """UTF-8 with U+FFFD for the bad bytes, when well-formed multi-byte sequences far outnumber them.

    Corpora glued from several sources hold UTF-8 with a few stray legacy bytes; decoding all of it
    as cp1252 would garble every correct character (``é`` → ``Ã©``) to save the few bad ones.
    """
    good = len(_UTF8_MULTIBYTE.findall(data))
    if not good:
        return None
    text = data.decode("utf-8", "replace")
    bad = text.count("\ufffd") - data.count("\ufffd".encode())
    return text if good >= _UTF8_GOOD_PER_BAD * bad else None


def _decode_legacy(data: bytes) -> str | None:
    """The bytes decoded with the code page charset-normalizer finds; cp1252/latin-1 when as plausible.

    charset-normalizer alone often picks an exotic code page for short Western text (cp775 for
    Dutch with an é), so a Western code page wins whenever its chaos is within a margin of the best.
    """
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        return None
    for encoding in _LEGACY_PREFERRED:
        preferred = from_bytes(data, cp_isolation=[encoding]).best()
        if preferred is not None and preferred.chaos <= best.chaos + _LEGACY_CHAOS_MARGIN:
            return str(preferred)
    return str(best)


def _mostly_control(text: str) -> bool:
    return bool(text) and len(_CONTROL.findall(text)) > _MAX_CONTROL_SHARE * len(text)


def _declared_charset(data: bytes) -> str | None:
    """The charset an HTML page declares in a ``<meta>`` near its start, if any."""
    match = _HTML_CHARSET.search(data[:_SNIFF_BYTES])
    return match.group(1).decode("ascii", "replace").lower() if match else None


# ---------------------------------------------------------------- JSON Lines and JSON


def _read_jsonl_file(path: Path, max_bytes: int) -> Iterator[Item]:
    origin = str(path)
    with path.open("rb") as stream:
        head = _read_at_most(stream, _SNIFF_BYTES)
        if not head:
            yield InputError("empty file", source=origin)
            return
        yield from _jsonl_from_stream(stream, head, origin, max_bytes)


def _jsonl_from_stream(stream: _Readable, head: bytes, origin: str, max_bytes: int) -> Iterator[Item]:
    """Articles from a JSON Lines stream whose first bytes (``head``) were already read."""
    for magic, name in _MAGIC:
        if head.startswith(magic):
            yield InputError(f"binary data ({name}), not JSON Lines", source=origin)
            return
    if _bom_encoding(head):  # UTF-16/32 JSON Lines: rare, read whole (within the limit)
        data = head + _read_at_most(stream, max_bytes + 1 - len(head))
        if len(data) > max_bytes:
            yield InputError(_too_large(len(data), max_bytes), source=origin)
        else:
            yield from documents_from_bytes(data, origin, "jsonl")
        return
    yield from _jsonl_documents(split_lines(stream, max_bytes, head), origin, max_bytes)


def split_lines(stream: _Readable, limit: int, head: bytes = b"") -> Iterator[bytes | None]:
    """The lines of ``head`` + ``stream`` (no line ends), read in chunks; None for a line over ``limit``.

    An over-long line is skipped without being kept in memory.
    """
    pending = bytearray()
    overflow = False
    chunk = head or stream.read(_CHUNK)
    while chunk:
        start = 0
        while (end := chunk.find(b"\n", start)) >= 0:
            piece = chunk[start:end]
            too_long = overflow or len(pending) + len(piece) > limit
            yield None if too_long else bytes(pending + piece).rstrip(b"\r")
            pending.clear()
            overflow = False
            start = end + 1
        rest = chunk[start:]
        overflow = overflow or len(pending) + len(rest) > limit
        pending = bytearray() if overflow else pending + rest
        chunk = stream.read(_CHUNK)
    if overflow:
        yield None
    elif pending:
        yield bytes(pending).rstrip(b"\r")


def _jsonl_documents(
    lines: Iterable[bytes | str | None], origin: str, max_bytes: int | None = None
) -> Iterator[Item]:
    """One article (or error) per non-blank line; ``origin:N`` names line N."""
    seen = False
    for number, line in enumerate(lines, 1):
        source = f"{origin}:{number}"
        if line is None:
            seen = True
            yield InputError(f"line is too long (over {max_bytes or 0:,} bytes)", source=source)
            continue
        try:
            text = _line_text(line, first=number == 1)
        except InputError as exc:
            seen = True
            exc.source = source
            yield exc
            continue
        if text.strip():
            seen = True
            yield _guarded_record(lambda: _parse_json_line(text), source)
    if not seen:
        yield InputError("empty file (no JSON lines)" if origin != STDIN else "empty input", source=origin)


def _line_text(line: bytes | str, *, first: bool) -> str:
    if isinstance(line, bytes):
        if first and line.startswith(codecs.BOM_UTF8):
            line = line[3:]
        try:
            line = line.decode("utf-8")
        except UnicodeDecodeError:
            line = decode_bytes(line)
    return line.lstrip("\ufeff") if first else line


def _guarded_record(make: Callable[[], RawDocument], source: str) -> Item:
    try:
        document = make()
    except InputError as exc:
        exc.source = source
        return exc
    document.origin = source
    return document


def _parse_json_line(text: str) -> RawDocument:
    try:
        value = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(f"line is not valid JSON ({exc.msg} at column {exc.colno})") from None
    except (ValueError, RecursionError) as exc:
        raise InputError(f"line is not valid JSON ({_exception_text(exc)})") from None
    if not isinstance(value, dict):
        raise InputError(f"line is not a JSON object (found {_json_type(value)})")
    return record_to_document(value, "")


def _json_documents(text: str, origin: str) -> Iterator[Item]:
    try:
        value = json.loads(text)
    except json.JSONDecodeError as exc:
        yield InputError(f"not valid JSON ({exc.msg} at line {exc.lineno} column {exc.colno})", source=origin)
        return
    except (ValueError, RecursionError) as exc:
        yield InputError(f"not valid JSON ({_exception_text(exc)})", source=origin)
        return
    if isinstance(value, dict):
        yield _guarded_record(lambda: record_to_document(value, origin), origin)
    elif isinstance(value, list) and value:
        yield from _json_list_documents(value, origin)
    elif isinstance(value, list):
        yield InputError("JSON list holds no articles", source=origin)
    else:
        yield InputError(f"JSON must be an article object or a list of them (found {_json_type(value)})", source=origin)


def _json_list_documents(values: list[Any], origin: str) -> Iterator[Item]:
    """Items of a JSON list; item N (from 1) is named ``origin#N``."""
    for number, value in enumerate(values, 1):
        source = f"{origin}#{number}"
        if isinstance(value, dict):
            yield _guarded_record(lambda: record_to_document(value, source), source)
        else:
            yield InputError(f"item is not a JSON object (found {_json_type(value)})", source=source)


def record_to_document(record: dict[str, Any], origin: str) -> RawDocument:
    """A RawDocument from one JSON article object; raises :class:`InputError` for a bad one."""
    text = record.get("text")
    if text is None:
        raise InputError("no 'text' field")
    if not isinstance(text, str):
        raise InputError(f"'text' must be a string (found {_json_type(text)})")
    if not text.strip():
        raise InputError("'text' is empty")
    fields = {name: _optional_string(record, name) for name in RECORD_STRING_FIELDS}
    lang = fields.pop("lang")
    return RawDocument(
        text=text,
        origin=origin,
        published=_record_date(record.get("published")),
        lang=lang.lower() if lang else None,
        **fields,
    )


def _optional_string(record: dict[str, Any], name: str) -> str | None:
    value = record.get(name)
    if value is None:
        return None
    if not isinstance(value, str):
        raise InputError(f"'{name}' must be a string (found {_json_type(value)})")
    return value.strip() or None


def _record_date(value: Any) -> date | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if not isinstance(value, str):
        raise InputError(f"'published' must be a string (found {_json_type(value)})")
    try:
        return parse_published(value)
    except ValueError:
        shown = _one_line(value)[:40]
        raise InputError(f"bad 'published' date {shown!r} (expected YYYY-MM-DD or an ISO datetime)") from None


def parse_published(value: str) -> date:
    """A date from ``YYYY-MM-DD`` or an ISO datetime (its date as written, not moved to UTC)."""
    value = value.strip()
    try:
        return date.fromisoformat(value)
    except ValueError:
        return datetime.fromisoformat(value).date()


def _json_type(value: Any) -> str:
    names = {dict: "object", list: "array", str: "string", bool: "boolean", type(None): "null"}
    return names.get(type(value), "number")


# ---------------------------------------------------------------- HTML


def _html_document(html: str, origin: str) -> Item:
    try:
        extracted = _extract_html(html)
    except Exception as exc:  # trafilatura/lxml can fail in many ways on broken markup
        return InputError(f"HTML could not be parsed ({_exception_text(exc)})", source=origin)
    text = (extracted or {}).get("text") or ""
    if not text.strip():
        return InputError("no article text found in the HTML", source=origin)
    return RawDocument(
        text=_paragraphs(text),
        origin=origin,
        title=_clean_meta(extracted.get("title")),
        published=_html_date(extracted.get("date")),
        url=_clean_meta(extracted.get("url")),
        source=_clean_meta(extracted.get("sitename")),
    )


def _paragraphs(text: str) -> str:
    """trafilatura's blocks (headline, paragraphs, list items: one a line) separated by blank lines."""
    return "\n\n".join(line.strip() for line in text.splitlines() if line.strip())


def _extract_html(html: str) -> dict[str, Any] | None:
    """trafilatura's main text and metadata; a second, recall-oriented try when the first finds none."""
    import trafilatura

    _quiet_trafilatura_logs()
    options: dict[str, Any] = {
        "with_metadata": True,
        "include_comments": False,
        # only dates the page states: the extensive search guesses from any year in the text
        "date_extraction_params": {"extensive_search": False, "original_date": True},
    }
    result = trafilatura.bare_extraction(html, **options)
    if result is None or not (_as_dict(result).get("text") or "").strip():
        result = trafilatura.bare_extraction(html, favor_recall=True, **options)
    return _as_dict(result) if result is not None else None


def _quiet_trafilatura_logs() -> None:
    """trafilatura logs every unparsable page at ERROR; that is reported here as an InputError instead."""
    logger = logging.getLogger("trafilatura")
    if logger.level == logging.NOTSET:
        logger.setLevel(logging.CRITICAL)


def _as_dict(result: Any) -> dict[str, Any]:
    return result if isinstance(result, dict) else result.as_dict()


def _html_date(value: Any) -> date | None:
    if not isinstance(value, str) or not value.strip():
        return None
    try:
        return parse_published(value)
    except ValueError:
        return None


def _clean_meta(value: Any) -> str | None:
    return (_one_line(value) or None) if isinstance(value, str) else None


# ---------------------------------------------------------------- stdin


class _ByteReader:
    """Bytes from a binary or text stream (text is encoded as UTF-8)."""

    def __init__(self, stream: IO[Any]) -> None:
        self.stream = stream

    def read(self, size: int = -1) -> bytes:
        chunk = self.stream.read(size)
        return chunk.encode("utf-8", "surrogatepass") if isinstance(chunk, str) else (chunk or b"")


def _stdin_bytes(stream: IO[Any] | None) -> _ByteReader:
    stream = stream if stream is not None else sys.stdin
    buffer = getattr(stream, "buffer", None)
    if isinstance(stream, io.TextIOWrapper) and buffer is not None:
        return _ByteReader(buffer)
    return _ByteReader(stream)


def _read_stdin(stream: IO[Any] | None, max_bytes: int) -> Iterator[Item]:
    reader = _stdin_bytes(stream)
    head = _read_at_most(reader, _SNIFF_BYTES)
    if not head:
        yield InputError("empty input", source=STDIN)
        return
    if sniff_format(head.decode(_bom_encoding(head) or "utf-8", "ignore")) == "jsonl":
        yield from _jsonl_from_stream(reader, head, STDIN, max_bytes)
        return
    data = head + _read_at_most(reader, max_bytes + 1 - len(head))
    if len(data) > max_bytes:
        yield InputError(f"too large (over {max_bytes:,} bytes)", source=STDIN)
        return
    yield from documents_from_bytes(data, STDIN)


# ---------------------------------------------------------------- helpers


def _one_line(text: str) -> str:
    return _WHITESPACE.sub(" ", text).strip()


def _exception_text(exc: BaseException) -> str:
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror.lower()
    return _one_line(str(exc)) or type(exc).__name__
