"""Hostile inputs, generated from a seed, for the fuzz test and ``bench/fuzz_ingest.py``.

Each ``Case`` is one file: its name (bytes, so names may hold undecodable bytes), its content and
whether it is a good article that must be stored. The kinds cover what broke ingest before:
deep JSON, lone surrogates in fields and names, 4,301-digit numbers, truncated WARCs, empty JSON
arrays, deep HTML, UTF-16/32 with a BOM, tiny binaries, feeds whose text is a path, long lines
that unicode fixing rewrites, and random mutations (bytes flipped, cut, repeated) of good files.
Everything is fictional.
"""

from __future__ import annotations

import io
import json
import random
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass

_PEOPLE = ("Mara Velkov", "Tomas Reindl", "Ilse Marrow", "Petra Onsk", "Edvin Kalla", "Ruta Sarvik")
_PLACES = ("Port Ellery", "Halden", "Varnia", "Ostrel", "Karvel", "Mirsk", "Lessa")
_VERBS = ("said", "told reporters", "announced", "denied", "warned", "confirmed")
_THINGS = (
    "the bridge would reopen in spring",
    "the ferry strike was over",
    "the council vote would wait a week",
    "no order had been signed",
    "the harbour tax would rise",
    "the new clinic was ready",
)


@dataclass(frozen=True, slots=True)
class Case:
    name: bytes  # file name (may hold bytes that are not UTF-8)
    data: bytes
    kind: str
    good: bool = False  # a good article: must be stored


def article(rng: random.Random, paragraphs: int = 4) -> str:
    """A fictional news article: a title line and a few paragraphs."""
    place = rng.choice(_PLACES)
    title = f"{place} {rng.choice(('council', 'harbour', 'ministry', 'ferry'))} update {rng.randrange(10**9)}"
    paras = []
    for _ in range(paragraphs):
        who, what = rng.choice(_PEOPLE), rng.choice(_THINGS)
        paras.append(
            f"{who}, a spokesperson in {place}, {rng.choice(_VERBS)} on {rng.choice(('Monday', 'Friday'))} "
            f"that {what}, according to officials {rng.randrange(10**6)}."
        )
    return title + "\n\n" + "\n\n".join(paras) + "\n"


def _html(text: str, depth: int = 1) -> str:
    title, _, body = text.partition("\n\n")
    paras = "".join(f"<p>{p}</p>" for p in body.split("\n\n") if p.strip())
    return (
        f"<html><head><title>{title}</title></head><body>" + "<div>" * depth + f"<article><h1>{title}</h1>"
        f"{paras}</article>" + "</div>" * depth + "</body></html>"
    )


def _warc(pages: list[str], gz: bool) -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=gz)
    for i, page in enumerate(pages):
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        writer.write_record(
            writer.create_warc_record(
                f"https://example.org/{i}",
                "response",
                payload=io.BytesIO(page.encode()),
                http_headers=headers,
                # Fixed id and date: the same seed makes the same bytes.
                warc_headers_dict={
                    "WARC-Record-ID": f"<urn:uuid:00000000-0000-4000-8000-{i:012d}>",
                    "WARC-Date": "2025-01-01T00:00:00Z",
                },
            )
        )
    return buf.getvalue()


def _feed(items: list[str]) -> str:
    entries = "".join(
        f"<item><title>Item {i}</title><link>https://example.org/f{i}</link><description>{body}</description></item>"
        for i, body in enumerate(items)
    )
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>Fictional Wire</title>{entries}</channel></rss>'


def _deep_json(rng: random.Random) -> bytes:
    depth = rng.choice((100, 1_000, 5_000, 50_000))
    return ('{"text": "x", "meta": ' + "[" * depth + "]" * depth + "}\n").encode()


def _json_line(rng: random.Random, **fields: object) -> str:
    record: dict[str, object] = {"text": article(rng), "title": None}
    record.update(fields)
    return json.dumps({k: v for k, v in record.items() if v is not None}, ensure_ascii=True)


# kind -> generator of (suffix, data, good). Weights: big inputs are rare.
Gen = Callable[[random.Random], tuple[str, bytes, bool]]


def _good_txt(rng: random.Random) -> tuple[str, bytes, bool]:
    return ".txt", article(rng).encode(), True


def _good_html(rng: random.Random) -> tuple[str, bytes, bool]:
    return ".html", _html(article(rng)).encode(), True


def _good_jsonl(rng: random.Random) -> tuple[str, bytes, bool]:
    return ".jsonl", (_json_line(rng) + "\n").encode(), True


def _surrogate_field(rng: random.Random) -> tuple[str, bytes, bool]:
    field = rng.choice(("text", "title", "outlet", "url"))
    line = _json_line(rng, **{field: "Port Ellery \\ud800 news" if field != "text" else None})
    line = line.replace('"text": "', '"text": "\\udc80', 1) if field == "text" else line.replace("\\\\ud800", "\\ud800")
    return ".jsonl", (line + "\n").encode(), False


def _huge_number(rng: random.Random) -> tuple[str, bytes, bool]:
    digits = "9" * rng.choice((4301, 5000, 20000))
    return ".jsonl", ('{"text": "Halden news said the mayor.", "views": ' + digits + "}\n").encode(), False


def _deep(rng: random.Random) -> tuple[str, bytes, bool]:
    return rng.choice((".jsonl", ".json")), _deep_json(rng), False


def _empty_array(rng: random.Random) -> tuple[str, bytes, bool]:
    return ".json", rng.choice((b"[]", b"[ ]\n", b"{}", b"[[]]", b"null", b"0")), False


def _truncated_warc(rng: random.Random) -> tuple[str, bytes, bool]:
    gz = rng.random() < 0.5
    data = _warc([_html(article(rng)) for _ in range(rng.randint(1, 4))], gz)
    cut = rng.randint(1, len(data) - 1)
    return (".warc.gz" if gz else ".warc"), data[:cut], False


def _good_warc(rng: random.Random) -> tuple[str, bytes, bool]:
    gz = rng.random() < 0.5
    return (".warc.gz" if gz else ".warc"), _warc([_html(article(rng))], gz), True


def _deep_html(rng: random.Random) -> tuple[str, bytes, bool]:
    return ".html", _html(article(rng), depth=rng.choice((150, 300, 3000))).encode(), False


def _bom_text(rng: random.Random) -> tuple[str, bytes, bool]:
    enc, bom = rng.choice(
        (
            ("utf-16-le", b"\xff\xfe"),
            ("utf-16-be", b"\xfe\xff"),
            ("utf-32-le", b"\xff\xfe\x00\x00"),
            ("utf-32-be", b"\x00\x00\xfe\xff"),
            ("utf-8", b"\xef\xbb\xbf"),
        )
    )
    return ".txt", bom + article(rng).encode(enc), True


def _tiny_binary(rng: random.Random) -> tuple[str, bytes, bool]:
    n = rng.randint(1, 7)
    return (
        rng.choice((".txt", ".html", ".jsonl", ".json", ".rss")),
        bytes(rng.randrange(128, 256) for _ in range(n)),
        False,
    )


def _random_bytes(rng: random.Random) -> tuple[str, bytes, bool]:
    n = rng.choice((8, 100, 5000))
    suffix = rng.choice((".txt", ".html", ".jsonl", ".json", ".rss", ".xml", ".warc", ".warc.gz"))
    return suffix, rng.randbytes(n), False


def _path_feed(rng: random.Random) -> tuple[str, bytes, bool]:
    return (
        rng.choice((".rss", ".xml", ".atom")),
        rng.choice((b"/etc/passwd", b"/etc/hostname", b"file:///etc/passwd", b"http://127.0.0.1:9/feed")),
        False,
    )


def _good_feed(rng: random.Random) -> tuple[str, bytes, bool]:
    return ".rss", _feed([article(rng).replace("\n", " ")]).encode(), True


def _wide_line(rng: random.Random) -> tuple[str, bytes, bool]:
    base = rng.choice(
        ("Ａｌｄｅｒａ ｍｉｎｉｓｔｅｒ ｓａｉｄ ", "The ﬁnal ﬂight left. ", "The cafÃ© said â€œyesâ€ today. ")
    )
    return ".txt", ("Wide title\n\n" + base * (rng.choice((1_000, 4_000)) // len(base) * 5)).encode(), False


def _mutated(rng: random.Random) -> tuple[str, bytes, bool]:
    suffix, data, _ = rng.choice((_good_txt, _good_html, _good_jsonl, _good_feed, _good_warc))(rng)
    buf = bytearray(data)
    for _ in range(rng.randint(1, 20)):
        op = rng.random()
        if op < 0.4 and buf:
            buf[rng.randrange(len(buf))] = rng.randrange(256)
        elif op < 0.6 and buf:
            del buf[rng.randrange(len(buf)) :]
        elif op < 0.8:
            buf[rng.randrange(len(buf) + 1) : 0] = rng.choice(
                (
                    b"\x00",
                    b"\xff\xfe",
                    b"\\ud800",
                    b"<div>" * 50,
                    b"\x1b[31m",
                    b"\r",
                    b"\xe2\x80\xae",
                    b"[" * 30,
                    b"&#0;",
                    b"\xed\xa0\x80",
                )
            )
        elif buf:
            i = rng.randrange(len(buf))
            buf[i:i] = buf[i : i + 50] * rng.randint(2, 50)
    return suffix, bytes(buf), False


def _control_title(rng: random.Random) -> tuple[str, bytes, bool]:
    return ".txt", ("\x1b]0;pwned\x07\x1b[2J[bold red]Title[/] " + article(rng)).encode(), True


KINDS: dict[str, tuple[Gen, float]] = {
    "good_txt": (_good_txt, 6),
    "good_html": (_good_html, 3),
    "good_jsonl": (_good_jsonl, 3),
    "good_feed": (_good_feed, 1),
    "good_warc": (_good_warc, 1),
    "bom_text": (_bom_text, 1),
    "control_title": (_control_title, 1),
    "surrogate_field": (_surrogate_field, 2),
    "huge_number": (_huge_number, 1),
    "deep_json": (_deep, 1),
    "empty_json": (_empty_array, 1),
    "truncated_warc": (_truncated_warc, 2),
    "deep_html": (_deep_html, 1),
    "tiny_binary": (_tiny_binary, 2),
    "random_bytes": (_random_bytes, 2),
    "path_feed": (_path_feed, 1),
    "wide_line": (_wide_line, 0.5),
    "mutated": (_mutated, 8),
}


def cases(seed: int, n: int) -> Iterator[Case]:
    """``n`` cases from ``seed``; every tenth name holds an undecodable byte or a control character."""
    rng = random.Random(seed)
    names = list(KINDS)
    weights = [KINDS[k][1] for k in names]
    for i in range(n):
        kind = rng.choices(names, weights)[0]
        suffix, data, good = KINDS[kind][0](rng)
        stem = f"{i:05d}_{kind}".encode()
        if i % 10 == 7:
            stem += rng.choice((b"_\xff\xfe", b"_\xed\xa0\x80", b"_\x1b[31m", b"_[red]x[bold]", b"_caf\xc3\xa9"))
        yield Case(stem + suffix.encode(), data, kind, good)


def big_cases() -> Iterator[Case]:
    """The memory cases: 30 MB of short lines, a 50 MB single line, an article over spaCy's limit."""
    line = "The harbour master of Port Ellery said the ferry would sail at noon.\n"
    yield Case(b"big_short_lines.txt", (line * (30_000_000 // len(line))).encode(), "big_short_lines")
    yield Case(b"big_single_line.txt", ("word " * 10_000_000).encode(), "big_single_line")
    yield Case(
        b"big_article.txt",
        ("Long title\n\n" + "The mayor of Halden said the bridge would reopen. " * 24_000).encode(),
        "big_article",
    )
    yield Case(b"big_line.jsonl", b'{"text": "' + b"a" * 40_000_000 + b'"}\n', "big_jsonl_line")
    yield Case(b"bomb.warc.gz", gzip_bomb(), "gzip_bomb")
    # Just under the limits: the most work a single input can ask for.
    para = "<p>The mayor of Halden said the bridge would reopen on Monday.</p>\n"
    yield Case(b"near_limit_page.html", ("<html><body>" + para * 78_000 + "</body></html>").encode(), "html_5mb")
    wide = ("Ａｌｄｅｒａ ｍｉｎｉｓｔｅｒ ｓａｉｄ " * 95_000)[:1_990_000]
    yield Case(b"near_limit_wide.txt", ("Title\n\n" + wide).encode(), "full_width_line_2m_chars")
    deep = "<div>" * 100_000 + para * 20_000 + "</div>" * 100_000
    yield Case(b"deep_page.html", ("<html><body>" + deep + "</body></html>").encode(), "html_100k_deep")


def gzip_bomb(megabytes: int = 200) -> bytes:
    """A .warc.gz whose one response record claims and holds ``megabytes`` MB of zeros (~200 KB compressed)."""
    size = megabytes * 1024 * 1024
    head = (
        b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-000000000001>\r\n"
        b"WARC-Date: 2025-01-01T00:00:00Z\r\nWARC-Target-URI: https://example.org/bomb\r\n"
        b"Content-Type: application/http; msgtype=response\r\nContent-Length: " + str(size + 60).encode() + b"\r\n\r\n"
    )
    http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n"
    comp = zlib.compressobj(9, zlib.DEFLATED, 31)
    parts = [comp.compress(head + http.ljust(60, b" "))]
    zeros = b"\0" * (1024 * 1024)
    for _ in range(megabytes):
        parts.append(comp.compress(zeros))
    parts.append(comp.compress(b"\r\n\r\n"))
    parts.append(comp.flush())
    return b"".join(parts)


def write_cases(folder: object, items: list[Case]) -> list[tuple[str, Case]]:
    """Write each case under ``folder``; return (path as headwater names it, case)."""
    import os

    from headwater.sources.decode import valid_name

    root = os.fsencode(str(folder))
    written = []
    for case in items:
        path = os.path.join(root, case.name)
        with open(path, "wb") as fh:
            fh.write(case.data)
        written.append((valid_name(os.fsdecode(path)), case))
    return written


def unaccounted(store: object, written: list[tuple[str, Case]]) -> tuple[list[str], list[str]]:
    """(good articles not stored, files neither stored nor named by an error) for ``written``."""
    con = store.con  # type: ignore[attr-defined]
    stored = {r[0] for r in con.execute("SELECT DISTINCT path FROM articles").fetchall()}
    named = [r[0] for r in con.execute("SELECT DISTINCT path FROM ingest_errors").fetchall()]
    # Files read whole with articles (some may be copies of articles already stored from another file).
    read = {r[0] for r in con.execute("SELECT path FROM inputs WHERE articles > 0").fetchall()}
    named_set = set(named)
    missing_good, silent = [], []
    for path, case in written:
        if path in stored:
            continue
        if case.good and not any(r.endswith(path.lstrip(".")) for r in read):
            missing_good.append(path)
        if path in named_set or any(n.startswith(path) for n in named):
            continue
        if not any(r.endswith(path.lstrip(".")) for r in read):
            silent.append(path)
    return missing_good, silent
