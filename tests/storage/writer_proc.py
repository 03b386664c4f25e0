"""A separate app process for the crash and concurrency tests (not a test module).

    python writer_proc.py USERNAME SESSION_ID COUNT

Creates and signs COUNT notes for the session, printing each note id only after its
signing transaction committed.
"""

from __future__ import annotations

import sys

from notewright import practice, settings
from notewright.storage import records


def main() -> int:
    username, session_id, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
    store = practice.open_store(settings.load())
    try:
        with store.record.connect() as conn:
            user, _ = records.load_user(conn, username=username)
            conn.rollback()
        for i in range(count):
            content = {"sections": [{"name": "subjective",
                                     "statements": [{"text": f"{username} note {i}",
                                                     "sources": [[0, 10]]}]}]}
            note = practice.save_draft(store, user, session_id=session_id, content=content)
            practice.sign_note(store, user, note.id)
            print(note.id, flush=True)
    finally:
        store.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
