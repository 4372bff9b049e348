"""Turn raw page bytes into clean Unicode text.

Handles byte-order marks, UTF-8, legacy encodings (declared in the page or
detected by charset-normalizer), mojibake (ftfy) and the truncated mojibake
ftfy cannot see, and refuses empty and binary input with a clear message.
"""

from __future__ import annotations

import codecs
import json
import re
import unicodedata

import ftfy
from charset_normalizer import from_bytes
from ftfy.fixes import fix_character_width

from indexer.clean.lines import has_cjk
from indexer.errors import DipnewsError, Unsupported

_BINARY_SIGNATURES: dict[bytes, str] = {
    b"\x89PNG": "a PNG image",
    b"GIF8": "a GIF image",
    b"\xff\xd8\xff": "a JPEG image",
    b"%PDF": "a PDF document",
    b"PK\x03\x04": "a ZIP archive (or an Office document)",
    b"\x1f\x8b": "a gzip archive",
    b"\x7fELF": "an executable",
    b"RIFF": "a RIFF media file",
    b"OggS": "an Ogg media file",
    b"ID3": "an MP3 file",
}

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)""", re.IGNORECASE)

# What the lead byte 0xE2 of a UTF-8 punctuation mark (’ “ ” – —) becomes when
# the page was decoded with a legacy single-byte code page and the two
# continuation bytes were then lost: e.g. "Pakistanโs" (cp874) for "Pakistan’s".
_LEGACY_CODEPAGES = ("cp874", "cp1251", "cp1253", "cp1255", "cp1256", "koi8-r")
_E2_LOOKALIKES = {
    ch
    for cp in _LEGACY_CODEPAGES
    for ch in [b"\xe2".decode(cp, errors="ignore")]
    if ch and not ch.isascii() and "LATIN" not in unicodedata.name(ch, "")
}


def sniff_binary(data: bytes) -> str | None:
    """Say what kind of binary file `data` is, or None when it looks like text."""
    for signature, kind in _BINARY_SIGNATURES.items():
        if data.startswith(signature):
            return kind
    head = data[:8192]
    if any(head.startswith(bom) for bom, _ in _BOMS[1:]):
        return None  # UTF-16/32 text legitimately contains NUL bytes
    if b"\x00" in head:
        return "binary data"
    return None


def decode_bytes(data: bytes, repair: bool = True) -> str:
    """Decode a raw page to text, repairing mojibake; raise DipnewsError if it is not text.

    `repair=False` leaves mojibake repair to the caller, for HTML pages whose
    markup is far larger than the text worth repairing; pages showing the
    signature of double-encoded UTF-8 are repaired all the same, before an HTML
    parser drops the C1 control characters that ftfy needs to undo it.
    """
    if not data.strip():
        raise DipnewsError("The page is empty.")
    kind = sniff_binary(data)
    if kind:
        raise Unsupported(f"This is {kind}, not a news page (HTML or text).")
    text = _decode(data)
    if repair or (not text.isascii() and _MOJIBAKE.search(text)):  # isascii: a flag, no scan
        text = repair_text(text)
    if not text.strip():
        raise DipnewsError("The page has no readable text.")
    if _is_json(text):
        raise Unsupported(
            "This is JSON data, not a news page (HTML or text); a page's metadata goes in"
            " a sidecar named after it, like story.html.meta.json."
        )
    return text


def _is_json(text: str) -> bool:
    """Whether the text is a JSON object or array (a misnamed sidecar, an API response)."""
    stripped = text.strip()
    if stripped[:1] not in ("{", "["):
        return False
    try:
        json.loads(stripped)
    except ValueError:
        return False
    return True


def repair_text(text: str) -> str:
    """Repair mojibake (ftfy) and the truncated mojibake ftfy cannot see.

    ftfy fixes a text line by line; a line of printable ASCII and typographic
    punctuation (curly quotes, dashes, ellipses: no mojibake is made of those
    alone) is one it would leave as it is, so only the others go through it.
    Only broken text is mended: quotes stay curly, and the full-width punctuation of
    Chinese and Japanese text stays as it is written ("（僭建）问题，"); in other
    text a full-width form is a slip ("How Does It Work？") and becomes the usual one.
    """
    lines = text.replace("\r\n", "\n").split("\n")
    for i, line in enumerate(lines):
        if not _PLAIN.fullmatch(line):
            fixed = ftfy.fix_text(
                line, unescape_html=False, uncurl_quotes=False, fix_character_width=False, normalization="NFC"
            )
            lines[i] = fixed if has_cjk(fixed) else fix_character_width(fixed)
    return repair_truncated_mojibake("\n".join(lines))


# UTF-8 read as Latin-1 or Windows-1252: a lead byte's letter before a C1 control, or "â€", "Ã©"
# (one leading character class, the rest by lookbehind: a scan of the whole page three times faster)
_MOJIBAKE = re.compile("[\u00c2-\u00f4](?:[\u0080-\u009f]|(?<=\u00e2)\u20ac|(?<=\u00c3)[\u00a0-\u00bf])")
# printable ASCII, tab, and General Punctuation without its invisible and line-breaking characters
_PLAIN = re.compile("[\t\x20-\x7e\u2010-\u2027\u2030-\u205e]*")


def _decode(data: bytes) -> str:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data.decode(encoding, errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    declared = _META_CHARSET.search(data[:4096])
    if declared:
        try:
            return data.decode(declared.group(1).decode("ascii"), errors="replace")
        except LookupError:
            pass  # an unknown charset name: detect instead
    best = from_bytes(data).best()
    if best is None:
        raise Unsupported("The page's text encoding could not be recognised.")
    return str(best)


def repair_truncated_mojibake(text: str) -> str:
    """Replace a lone foreign-script lookalike of byte 0xE2 between Latin letters by ’.

    Only when that script appears nowhere else in the text, so real Thai,
    Cyrillic, Greek, Hebrew or Arabic text is never touched.
    """
    for ch in _E2_LOOKALIKES:
        if ch not in text:
            continue
        pattern = re.compile(rf"(?<=[A-Za-z]){re.escape(ch)}(?=[A-Za-z])")
        hits = len(pattern.findall(text))
        script = unicodedata.name(ch).split()[0]
        same_script = sum(1 for c in set(text) if unicodedata.name(c, "").startswith(script))
        if hits and hits == text.count(ch) and same_script == 1:
            text = pattern.sub("\u2019", text)
    return text
