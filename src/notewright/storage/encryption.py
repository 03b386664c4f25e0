"""AES-256-GCM for note bodies and the vault, with keys that never touch the database.

* A fresh 96-bit nonce per write (os.urandom); the blob is version byte + nonce + ct.
* Associated data binds a ciphertext to its table, column and row id, so a ciphertext
  copied onto another row fails to authenticate instead of showing another client's note.
* Two independent master keys: one for the record, one for the vault. Each author's
  psychotherapy notes use a key derived from the vault key with HKDF (info = author id),
  so one author's key opens nobody else's notes.
* Every ciphertext is stored with its key id; rotation adds a key, makes it active and
  re-encrypts in batches while old ids still decrypt (no downtime). A process that meets
  a key id it does not know re-reads the key file once, which picks up a rotation made by
  another process.
* A flipped byte raises IntegrityError; it never returns garbage.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import stat
import threading
from dataclasses import dataclass, field
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from notewright.errors import ConfigurationError, IntegrityError
from notewright.settings import Settings

BLOB_VERSION = b"\x01"
NONCE_BYTES = 12
KEY_BYTES = 32


def key_id(purpose: str, key: bytes) -> str:
    """A short public name for a key: its purpose and a fingerprint, never the key."""
    return f"{purpose[0]}-{hashlib.sha256(b'notewright-key-id' + key).hexdigest()[:12]}"


@dataclass
class KeySet:
    purpose: str  # "record" or "vault"
    keys: dict[str, bytes] = field(repr=False)
    active: str

    @classmethod
    def generate(cls, purpose: str) -> KeySet:
        key = AESGCM.generate_key(bit_length=256)
        kid = key_id(purpose, key)
        return cls(purpose, {kid: key}, kid)

    def with_new_active_key(self) -> KeySet:
        key = AESGCM.generate_key(bit_length=256)
        kid = key_id(self.purpose, key)
        return KeySet(self.purpose, {**self.keys, kid: key}, kid)


@dataclass
class KeyRing:
    record: KeySet
    vault: KeySet
    source: Path | None = None
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    @classmethod
    def generate(cls) -> KeyRing:
        return cls(KeySet.generate("record"), KeySet.generate("vault"))

    def rotated(self) -> KeyRing:
        return KeyRing(self.record.with_new_active_key(), self.vault.with_new_active_key(),
                       self.source)

    def key(self, purpose: str, kid: str, *, where: str) -> bytes:
        keyset = self.record if purpose == "record" else self.vault
        found = keyset.keys.get(kid)
        if found is None and self.source is not None:
            with self._lock:  # someone may have rotated: look at the file once more
                fresh = load_key_file(self.source)
                self.record, self.vault = fresh.record, fresh.vault
            keyset = self.record if purpose == "record" else self.vault
            found = keyset.keys.get(kid)
        if found is None:
            raise ConfigurationError(
                f"{where} is encrypted with {purpose} key {kid}, which is not in the key "
                "file or environment; restore the key file from its separate backup")
        return found


def _aad(table: str, column: str, row_id: str, author_id: str | None = None) -> bytes:
    parts = ["notewright", f"{table}.{column}", row_id]
    if author_id is not None:
        parts.append(f"author={author_id}")
    return "|".join(parts).encode("utf-8")


def _seal(key: bytes, aad: bytes, plaintext: bytes) -> bytes:
    nonce = os.urandom(NONCE_BYTES)
    return BLOB_VERSION + nonce + AESGCM(key).encrypt(nonce, plaintext, aad)


def _open(key: bytes, aad: bytes, blob: bytes, *, where: str) -> bytes:
    if len(blob) < 1 + NONCE_BYTES + 16 or blob[:1] != BLOB_VERSION:
        raise IntegrityError(f"{where}: stored ciphertext is truncated or of an unknown "
                             "version; restore this record from a verified backup")
    try:
        return AESGCM(key).decrypt(blob[1:1 + NONCE_BYTES], blob[1 + NONCE_BYTES:], aad)
    except InvalidTag:
        raise IntegrityError(
            f"{where}: ciphertext failed authentication (altered, or moved from another "
            "record); nothing was shown; restore it from a verified backup") from None


def author_key(vault_key: bytes, author_id: str) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=KEY_BYTES, salt=b"notewright-vault-v1",
                info=f"psychotherapy-notes/author/{author_id}".encode()).derive(vault_key)


class Cipher:
    """Encrypt/decrypt with the ring's active keys; reads accept any known key id."""

    def __init__(self, ring: KeyRing) -> None:
        self.ring = ring

    def encrypt(self, table: str, column: str, row_id: str,
                plaintext: bytes) -> tuple[str, bytes]:
        keyset = self.ring.record
        return keyset.active, _seal(keyset.keys[keyset.active],
                                    _aad(table, column, row_id), plaintext)

    def decrypt(self, table: str, column: str, row_id: str, kid: str, blob: bytes) -> bytes:
        where = f"{table}.{column} of {row_id}"
        key = self.ring.key("record", kid, where=where)
        return _open(key, _aad(table, column, row_id), blob, where=where)

    def encrypt_vault(self, row_id: str, author_id: str, plaintext: bytes) -> tuple[str, bytes]:
        keyset = self.ring.vault
        key = author_key(keyset.keys[keyset.active], author_id)
        aad = _aad("psychotherapy_notes", "body", row_id, author_id)
        return keyset.active, _seal(key, aad, plaintext)

    def decrypt_vault(self, row_id: str, author_id: str, kid: str, blob: bytes) -> bytes:
        where = f"psychotherapy note {row_id}"
        key = author_key(self.ring.key("vault", kid, where=where), author_id)
        aad = _aad("psychotherapy_notes", "body", row_id, author_id)
        return _open(key, aad, blob, where=where)


# The key file: JSON, mode 0600, outside the database (and outside its backups).

def _encode(ring: KeyRing) -> bytes:
    def keyset(ks: KeySet) -> dict[str, object]:
        return {"active": ks.active,
                "keys": {k: base64.b64encode(v).decode() for k, v in ks.keys.items()}}
    doc = {"notewright_keys": 1, "record": keyset(ring.record), "vault": keyset(ring.vault)}
    return (json.dumps(doc, indent=2) + "\n").encode()


def write_key_file(path: Path, ring: KeyRing, *, replace: bool = False) -> None:
    """Atomically write the key file with mode 0600 (created so, never chmod'ed later)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.exists() and not replace:
        raise ConfigurationError(f"key file {path} already exists; refusing to overwrite "
                                 "keys that encrypt existing records")
    tmp = path.with_name(path.name + ".tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        os.write(fd, _encode(ring))
        os.fsync(fd)
    finally:
        os.close(fd)
    os.replace(tmp, path)


def _decode_keyset(purpose: str, doc: object, path: Path) -> KeySet:
    if not isinstance(doc, dict) or not isinstance(doc.get("keys"), dict):
        raise ConfigurationError(f"key file {path}: missing the {purpose!r} key set")
    keys: dict[str, bytes] = {}
    for kid, b64 in doc["keys"].items():
        try:
            raw = base64.b64decode(b64, validate=True)
        except (ValueError, TypeError):
            raise ConfigurationError(f"key file {path}: {purpose} key {kid} is not "
                                     "base64") from None
        if len(raw) != KEY_BYTES:
            raise ConfigurationError(f"key file {path}: {purpose} key {kid} is not 32 bytes")
        keys[kid] = raw
    active = doc.get("active")
    if not isinstance(active, str) or active not in keys:
        raise ConfigurationError(f"key file {path}: {purpose} active key is missing")
    return KeySet(purpose, keys, active)


def load_key_file(path: Path) -> KeyRing:
    try:
        st = path.stat()
    except FileNotFoundError:
        raise ConfigurationError(
            f"key file {path} not found (NOTEWRIGHT_KEY_FILE); run `notewright init` or "
            "restore the key file from its backup") from None
    if st.st_mode & (stat.S_IRWXG | stat.S_IRWXO):
        raise ConfigurationError(f"key file {path} is readable by other users (mode "
                                 f"{stat.S_IMODE(st.st_mode):o}); run: chmod 600 {path}")
    try:
        doc = json.loads(path.read_text("utf-8"))
    except (OSError, ValueError) as exc:
        raise ConfigurationError(f"key file {path} cannot be read: {exc}") from None
    if not isinstance(doc, dict):
        raise ConfigurationError(f"key file {path} is not a notewright key file")
    ring = KeyRing(_decode_keyset("record", doc.get("record"), path),
                   _decode_keyset("vault", doc.get("vault"), path), source=path)
    if set(ring.record.keys.values()) & set(ring.vault.keys.values()):
        raise ConfigurationError(f"key file {path}: record and vault keys must differ")
    return ring


def _env_key(name: str, purpose: str, value: str) -> KeySet:
    try:
        raw = base64.b64decode(value, validate=True)
    except (ValueError, TypeError):
        raise ConfigurationError(f"NOTEWRIGHT_{name} is not base64") from None
    if len(raw) != KEY_BYTES:
        raise ConfigurationError(f"NOTEWRIGHT_{name} must decode to 32 bytes "
                                 f"(got {len(raw)})")
    kid = key_id(purpose, raw)
    return KeySet(purpose, {kid: raw}, kid)


def load_keys(settings: Settings) -> KeyRing:
    """Keys from the environment if given there, else from the key file."""
    if settings.record_key is not None and settings.vault_key is not None:
        return KeyRing(_env_key("RECORD_KEY", "record", settings.record_key.value),
                       _env_key("VAULT_KEY", "vault", settings.vault_key.value))
    return load_key_file(settings.key_file)
