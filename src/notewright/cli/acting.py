"""Shared by the CLI's record commands: settings, the store, and who is acting."""

from __future__ import annotations

import argparse
import getpass
import sys
from typing import TYPE_CHECKING

from notewright.errors import InvalidInput

if TYPE_CHECKING:  # the store pulls in SQLAlchemy: only load it when a command runs
    from notewright.practice.store import Store
    from notewright.records.model import User


def add_actor_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--as", dest="as_user", metavar="USER", required=True,
                        help="who is acting (password from NOTEWRIGHT_PASSWORD or a prompt)")


def open_store() -> Store:
    from notewright import settings
    from notewright.practice import open_store as _open
    from notewright.storage.engine import require_existing

    loaded = settings.load()
    require_existing(loaded.database_url)
    require_existing(loaded.vault_url)
    return _open(loaded)


def ask_password(prompt: str = "Password: ") -> str:
    from notewright import settings

    found = settings.password_from_env()
    if found is not None:
        return found
    if not sys.stdin.isatty():
        raise InvalidInput("no password: set NOTEWRIGHT_PASSWORD or run in a terminal",
                           field="password")
    return getpass.getpass(prompt)


def ask_new_password(prompt: str) -> str:
    """A password being set (a new account, a change, a reset): never the acting user's
    NOTEWRIGHT_PASSWORD, so a script cannot hand its own password to someone else."""
    from notewright import settings

    found = settings.new_password_from_env()
    if found is not None:
        return found
    if not sys.stdin.isatty():
        raise InvalidInput("no new password: set NOTEWRIGHT_NEW_PASSWORD or run in a terminal",
                           field="new password")
    first = getpass.getpass(prompt)
    if getpass.getpass("Again: ") != first:
        raise InvalidInput("the two entries differ; nothing was changed", field="new password")
    return first


def actor(store: Store, args: argparse.Namespace) -> User:
    from notewright.practice import authenticate

    return authenticate(store, args.as_user, ask_password(f"Password for {args.as_user}: "))
