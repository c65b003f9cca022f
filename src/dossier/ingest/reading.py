"""Reading input files as text, with a clear complaint when a file is not text."""

from __future__ import annotations

import re
import stat
from pathlib import Path

from dossier.errors import InputError

MAX_BYTES = 50 * 1024 * 1024  # a single news file larger than this is not an article file
# spaCy refuses longer texts (error E088: its parser needs about 1 GB per 100,000
# characters); an article this long is a concatenation, so it is refused, not split.
MAX_TEXT_CHARS = 1_000_000
# Zero-width and bidirectional control characters: invisible, but they split words
# ("Pu\u200btin" is two tokens to the parser), so the actors and events of their
# sentence vanish. Removed on reading: the stored text is the cleaned text, and every
# offset (entities, sentences, events) is an offset into it.
INVISIBLE = re.compile("[\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]")
SPECIAL_FILES = {
    stat.S_IFIFO: "a FIFO (named pipe)",
    stat.S_IFCHR: "a character device",
    stat.S_IFBLK: "a block device",
    stat.S_IFSOCK: "a socket",
}


def read_text(path: Path, max_bytes: int = MAX_BYTES) -> str:
    """The file's text as UTF-8, or an InputError naming the file and the problem."""
    name = str(path)
    if not path.exists():
        raise InputError(name, "no such file or directory")
    if path.is_dir():
        raise InputError(name, "is a directory")
    try:
        mode = path.stat().st_mode
        if not stat.S_ISREG(mode):  # reading a FIFO or a device would wait forever
            kind = SPECIAL_FILES.get(stat.S_IFMT(mode), "a special file")
            raise InputError(name, f"is {kind}, not a regular file; give files or directories")
        size = path.stat().st_size
        if size > max_bytes:
            raise InputError(name, f"too large ({size:,} bytes; the limit is {max_bytes:,})")
        data = path.read_bytes()
    except PermissionError:
        raise InputError(name, "permission denied") from None
    except OSError as error:
        raise InputError(name, f"cannot be read ({error.strerror or error})") from None
    return decode(data, name)


def decode(data: bytes, name: str) -> str:
    """UTF-8 text from bytes, refusing empty, binary and wrongly encoded input."""
    if not data.strip():
        raise InputError(name, "is empty")
    if b"\x00" in data:  # anywhere: a NUL past the first page must not reach the text
        raise InputError(name, "looks binary (contains NUL bytes), not text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise InputError(
            name,
            f"is not valid UTF-8 (byte 0x{data[error.start]:02x} at offset {error.start}); "
            "convert it, e.g. iconv -f latin1 -t utf-8",
        ) from None
    return text.replace("\r\n", "\n").replace("\r", "\n")


def visible(text: str) -> str:
    """The text without zero-width and bidirectional control characters."""
    return INVISIBLE.sub("", text)


def article_text(value: str, where: str, key: str = "text") -> str:
    """An article's text as every way in (files, JSON lines, the web's posts) takes it:
    valid Unicode, no NUL, invisible characters removed, not blank, not too long."""
    unicode_checked(value, key, where)
    if "\x00" in value:
        raise InputError(where, f"'{key}' holds NUL characters (binary data?)")
    text = visible(value).strip()
    if not text:
        raise InputError(where, f"the record has no '{key}' (a non-empty string is required)")
    return checked_length(text, where)


def unicode_checked(value: str, key: str, where: str) -> str:
    """The string, unless it holds a lone surrogate ("\\ud800"), which no file can
    store; the message names the place, never the character (it cannot be printed)."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as error:
        code, place = f"U+{ord(value[error.start]):04X}", error.start
        problem = f"'{key}' is not valid Unicode (lone surrogate {code} at character {place})"
        raise InputError(where, problem) from None
    return value


def checked_length(text: str, where: str) -> str:
    """The text, or an InputError when it is longer than the parser takes."""
    if len(text) > MAX_TEXT_CHARS:
        raise InputError(
            where,
            f"the text is {len(text):,} characters, over the limit of {MAX_TEXT_CHARS:,}; "
            "split it into several articles",
        )
    return text
