"""Scanned documents (a signed authorization) kept beside the record: encrypted with the
record key, named by a random id, checked by SHA-256 on the way back. The record keeps
only the reference and the digest (`attachment_ref`, `attachment_sha256`)."""

from __future__ import annotations

import hashlib
import secrets
from pathlib import Path

from notewright.errors import IntegrityError, InvalidInput, NotFound
from notewright.storage.encryption import Cipher

MAX_BYTES = 10 * 1024 * 1024
KINDS = {b"%PDF": "application/pdf", b"\x89PNG": "image/png", b"\xff\xd8\xff": "image/jpeg"}
PREFIX = "attachment:"


def kind_of(data: bytes) -> str:
    for magic, mime in KINDS.items():
        if data.startswith(magic):
            return mime
    raise InvalidInput("upload a PDF, PNG or JPEG scan", field="attachment")


def save(cipher: Cipher, folder: Path, data: bytes) -> tuple[str, str]:
    """Store a scan; returns (reference, sha256 of the plain bytes)."""
    if not data:
        raise InvalidInput("the file is empty", field="attachment")
    if len(data) > MAX_BYTES:
        raise InvalidInput("the scan is larger than 10 MB", field="attachment")
    kind_of(data)
    ref = secrets.token_hex(16)
    key_id, blob = cipher.encrypt("attachments", "body", ref, data)
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    path = folder / f"{ref}.bin"
    path.write_bytes(key_id.encode() + b"\n" + blob)
    path.chmod(0o600)
    return PREFIX + ref, hashlib.sha256(data).hexdigest()


def load(cipher: Cipher, folder: Path, ref: str, sha256: str | None) -> bytes:
    name = ref.removeprefix(PREFIX)
    if not ref.startswith(PREFIX) or not name.isalnum():
        raise NotFound("no stored scan with that reference")
    path = folder / f"{name}.bin"
    if not path.exists():
        raise NotFound("the scan is not in the attachments folder")
    key_id, _, blob = path.read_bytes().partition(b"\n")
    data = cipher.decrypt("attachments", "body", name, key_id.decode(), blob)
    if sha256 is not None and hashlib.sha256(data).hexdigest() != sha256:
        raise IntegrityError("the stored scan does not match its SHA-256")
    return data
