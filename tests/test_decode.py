from __future__ import annotations

import codecs

import ftfy
import pytest

from indexer.clean.decode import decode_bytes, repair_text, repair_truncated_mojibake
from indexer.errors import DipnewsError


def test_utf8_with_bom():
    assert decode_bytes(codecs.BOM_UTF8 + "Kazakhstan’s".encode()) == "Kazakhstan’s"


def test_utf16_with_bom():
    assert decode_bytes("Tokayev met Sharif".encode("utf-16")) == "Tokayev met Sharif"


def test_legacy_encoding_declared_in_html():
    page = '<html><head><meta charset="windows-1251"></head><body>Москва и Астана</body></html>'
    assert "Москва и Астана" in decode_bytes(page.encode("cp1251"))


def test_legacy_encoding_detected():
    text = "Le président a rencontré le ministre des affaires étrangères à Genève. " * 5
    assert "président" in decode_bytes(text.encode("cp1252"))


def test_double_encoded_mojibake_is_repaired():
    assert decode_bytes("Pakistan’s partner".encode().decode("cp1252").encode()) == "Pakistan’s partner"


def test_repair_skips_only_lines_ftfy_would_leave_alone():
    text = (
        "Plain line.\r\nKazakhstanâ€™s envoy said\r\nbell\x07 and\x00 nul\rlone CR\n"
        "caf\u0065\u0301 compos\u00e9e\n\u2028separator\nlast"
    )
    expected = ftfy.fix_text(text, unescape_html=False, uncurl_quotes=False, normalization="NFC")
    assert repair_text(text) == repair_truncated_mojibake(expected)
    assert "Kazakhstan’s" in repair_text(text) and "\x07" not in repair_text(text)


def test_full_width_punctuation_stays_in_cjk_text_only():
    chinese = "梁振英在各方压力下就其大宅的违章建筑（僭建）问题到立法会接受质询，并向香港民众道歉。"
    assert repair_text(chinese) == chinese
    assert repair_text("How Does Robot Vacuum Mapping Work？") == "How Does Robot Vacuum Mapping Work?"
    # CJK text that was mojibake is repaired, and keeps its punctuation
    assert repair_text("问题，道歉".encode().decode("latin-1")) == "问题，道歉"


def test_truncated_thai_mojibake_is_repaired():
    assert decode_bytes("Pakistanโs economic potential".encode()) == "Pakistan’s economic potential"


def test_real_thai_text_is_left_alone():
    text = "กรุงเทพ โลก and Bangkok"
    assert repair_truncated_mojibake(text) == text


@pytest.mark.parametrize(
    "data, fragment",
    [
        (b"", "empty"),
        (b"  \n\t ", "empty"),
        (b"\x89PNG\r\n\x1a\n" + b"\x00" * 50, "PNG"),
        (b"%PDF-1.7 binary", "PDF"),
        (b"abc\x00\x01\x02def", "binary"),
        (b'{"url": "https://example.org/story"}\n', "JSON"),
        (b"[1, 2, 3]", "JSON"),
    ],
)
def test_bad_input_is_refused_clearly(data: bytes, fragment: str):
    with pytest.raises(DipnewsError) as error:
        decode_bytes(data)
    assert fragment in error.value.message


def test_text_that_only_opens_like_json_is_a_page():
    text = "[Reuters] Ministers met in Oslo on Monday to discuss fishing quotas."
    assert decode_bytes(text.encode()) == text
