"""Bad input gives a clear InvalidInput; any Unicode text works."""

from __future__ import annotations

from typing import Any

import pytest

from notewright import draft
from notewright.drafting import MAX_CHARS
from notewright.errors import InvalidInput, NotewrightError


@pytest.mark.parametrize("text", ["", " ", "\n\n\t  \r\n", "\u00a0\u2003\u3000"])
def test_empty_or_whitespace(text: str) -> None:
    with pytest.raises(InvalidInput) as info:
        draft(text)
    assert info.value.field == "text"
    assert "empty" in info.value.message
    assert info.value.code == "invalid_input"


@pytest.mark.parametrize(
    ("value", "type_name"),
    [(b"Pt reports low mood.", "bytes"), (bytearray(b"Pt"), "bytearray"), (None, "NoneType"),
     (42, "int"), (["Pt reports low mood."], "list"), ({"text": "x"}, "dict")],
)
def test_not_text(value: Any, type_name: str) -> None:
    with pytest.raises(InvalidInput) as info:
        draft(value)
    assert type_name in info.value.message
    assert "expected text" in info.value.message
    assert info.value.field == "text"


def test_bytes_message_says_how_to_fix_it() -> None:
    with pytest.raises(InvalidInput, match="decode bytes as UTF-8"):
        draft(b"\xff\xfe not utf-8")  # type: ignore[arg-type]


def test_too_long() -> None:
    text = ("Pt reports low mood. " * (MAX_CHARS // 21 + 2))
    assert len(text) > MAX_CHARS
    with pytest.raises(InvalidInput) as info:
        draft(text)
    assert f"{MAX_CHARS:,}" in info.value.message
    assert "one session" in info.value.message


def test_100_kb() -> None:
    with pytest.raises(InvalidInput):
        draft("x" * 100_000)


def test_exactly_max_chars_is_accepted() -> None:
    unit = "Pt reports low mood. "
    text = (unit * (MAX_CHARS // len(unit) + 1))[:MAX_CHARS]
    assert len(text) == MAX_CHARS
    d = draft(text)
    assert d.text


def test_error_messages_do_not_echo_the_description() -> None:
    secret = "Zanzibarine Quux"
    with pytest.raises(InvalidInput) as info:
        draft(secret + " " * MAX_CHARS)
    assert secret not in str(info.value)


def test_errors_share_one_base() -> None:
    with pytest.raises(NotewrightError):
        draft("   ")


UNICODE = [
    "Pt reports low mood 😞😞 and poor sleep 💤. Used CR 👍.",
    "המטופלת מדווחת על מצב רוח ירוד. Denies SI/HI.",
    "المريض يشعر بالقلق. PHQ-9 = 12.",
    "Pt reports low mood.\x00 Used BA.\x00",
    "Pt reports \ud800 low mood \udfff. Used BA.",
    "Pt\u200b reports\u200d low\u202e mood\u202c.",
    "Ｐｔ ｒｅｐｏｒｔｓ low mood。Used grounding．",
    "e\u0301\u0301\u0301 \U0001F468\u200d\U0001F469\u200d\U0001F467 family session.",
    "\x1b[31mred\x1b[0m \x07 \x0c form feed \x0b vtab \x85 nel \u2028 ls \u2029 ps",
    "🙂",
    "a",
    "\"",
    "'",
    "“unterminated quote and I wonder if",
]


@pytest.mark.parametrize("text", UNICODE, ids=range(len(UNICODE)))
@pytest.mark.parametrize("fmt", ["soap", "birp"])
def test_any_unicode_text_works(text: str, fmt: str) -> None:
    d = draft(text, fmt)
    out = d.to_dict()
    assert out["format"] == fmt
    for section in out["sections"]:
        for st in section["statements"]:
            for start, end in st["sources"]:
                assert 0 <= start < end <= len(text)
                assert text[start:end].strip()
