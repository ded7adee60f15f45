"""Attribution of changes made outside a web request (commands, imports, scripts).

Web requests are attributed by auditlog's middleware. Commands wrap their work in
`command_actor`, so that every log entry names either the user given with `--user` or
the operating-system account and command that made the change.
"""

from __future__ import annotations

import getpass
import socket
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from auditlog.context import set_extra_data


def _os_account() -> str:
    try:
        return f"{getpass.getuser()}@{socket.gethostname()}"
    except Exception:  # getpass fails without a passwd entry (some containers)
        return f"unknown@{socket.gethostname()}"


@contextmanager
def command_actor(command: str, user: Any | None = None) -> Iterator[None]:
    data: dict[str, Any] = {
        "additional_data": {"via": f"ecotrack {command}", "os_account": _os_account()}
    }
    if user is not None:
        data["actor"] = user
    else:
        data["actor_email"] = f"{_os_account()} (ecotrack {command})"[:254]
    with set_extra_data(data):
        yield
