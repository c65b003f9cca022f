"""Reading input files as text, with a clear complaint when a file is not text."""

from __future__ import annotations

from pathlib import Path

from dossier.errors import InputError

MAX_BYTES = 50 * 1024 * 1024  # a single news file larger than this is not an article file
BINARY_SAMPLE = 8192


def read_text(path: Path, max_bytes: int = MAX_BYTES) -> str:
    """The file's text as UTF-8, or an InputError naming the file and the problem."""
    name = str(path)
    if not path.exists():
        raise InputError(name, "no such file or directory")
    if path.is_dir():
        raise InputError(name, "is a directory")
    try:
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
    if b"\x00" in data[:BINARY_SAMPLE]:
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
