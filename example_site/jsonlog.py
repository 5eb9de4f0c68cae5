"""Structured logs for production: one JSON object a line on stdout.

Django's and the package's loggers use it through ``LOGGING`` in ``settings_production``;
gunicorn's error and access logs use it through ``gunicorn --log-config-json`` with the
file that :func:`write_gunicorn_config` writes, so every process of the site logs the same
way and a log shipper needs no parsing rules::

    {"time": "2025-05-01T09:30:00.123Z", "level": "INFO", "logger": "gunicorn.access",
     "message": "GET /map/ 200", "method": "GET", "path": "/map/", "status": 200,
     "duration_ms": 12.4, "host": "localhost", "remote": "127.0.0.1", "pid": 4242}
"""

import contextlib
import datetime as dt
import json
import logging
import os
from collections.abc import Mapping

# Attributes every LogRecord has; anything else on a record came from ``extra=`` and is logged.
_STANDARD = set(vars(logging.LogRecord("", 0, "", 0, "", (), None))) | {"message", "asctime"}
# Django adds these to its request log records; they are summarised, not dumped.
_SKIPPED = {"request", "server_time", "status_code", "color_message"}


def _jsonable(value):
    try:
        json.dumps(value)
    except (TypeError, ValueError):
        return str(value)
    return value


class JsonFormatter(logging.Formatter):
    """Formats a record as one line of JSON (no newlines inside, so one record one line)."""

    def format(self, record: logging.LogRecord) -> str:
        entry = {
            "time": dt.datetime.fromtimestamp(record.created, dt.UTC).isoformat(
                timespec="milliseconds"
            ),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
            "pid": record.process,
        }
        if record.name == "gunicorn.access" and isinstance(record.args, Mapping):
            entry.update(self._access_fields(record.args))
        request = getattr(record, "request", None)
        if request is not None and hasattr(request, "method"):
            entry["method"] = request.method
            entry["path"] = request.path
            try:
                entry["host"] = request.get_host()
            except Exception:  # a DisallowedHost error is being logged: don't raise again
                entry["host"] = request.META.get("HTTP_HOST", "")
        status = getattr(record, "status_code", None)
        if status is not None:
            entry["status"] = status
        for key, value in vars(record).items():
            if key not in _STANDARD and key not in _SKIPPED and key not in entry:
                entry[key] = _jsonable(value)
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        if record.stack_info:
            entry["stack"] = self.formatStack(record.stack_info)
        return json.dumps(entry, ensure_ascii=False, default=str)

    @staticmethod
    def _access_fields(atoms: Mapping) -> dict:
        """Gunicorn passes its access-log atoms as the record's args: keep the useful ones."""
        fields = {
            "method": atoms.get("m"),
            "path": atoms.get("U"),
            "query": atoms.get("q") or None,
            "status": atoms.get("s"),
            "bytes": atoms.get("B"),
            "duration_ms": round(atoms["D"] / 1000, 1) if isinstance(atoms.get("D"), int) else None,
            "remote": atoms.get("h"),
            "host": atoms.get("{host}i") or None,
            "forwarded_for": atoms.get("{x-forwarded-for}i") or None,
            "user_agent": atoms.get("a") or None,
            "referer": atoms.get("f") or None,
        }
        for key in ("status", "bytes"):
            with contextlib.suppress(TypeError, ValueError):
                fields[key] = int(fields[key])
        return {key: value for key, value in fields.items() if value not in (None, "-")}


# gunicorn's access "message": short, the details are in the fields above.
GUNICORN_ACCESS_FORMAT = "%(m)s %(U)s %(s)s"


def _json_to_stdout(level: str, loggers: dict) -> dict:
    """A ``dictConfig`` that writes the root logger and ``loggers`` to stdout as JSON lines."""
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {"json": {"()": "example_site.jsonlog.JsonFormatter"}},
        "handlers": {
            "stdout": {
                "class": "logging.StreamHandler",
                "stream": "ext://sys.stdout",
                "formatter": "json",
            }
        },
        "root": {"handlers": ["stdout"], "level": level},
        "loggers": {
            name: {"handlers": ["stdout"], "level": logger_level, "propagate": False}
            for name, logger_level in loggers.items()
        },
    }


def django_logging(level: str = "INFO") -> dict:
    """``LOGGING`` for Django: everything to stdout as JSON lines."""
    # Django's own loggers: the default config's handlers (mail_admins, console only with
    # DEBUG) are replaced. The RQ worker logs each job: the queue's heartbeat in the logs.
    return _json_to_stdout(level, {"django": level, "rq.worker": level})


def gunicorn_logging(level: str = "INFO") -> dict:
    """gunicorn's ``--log-config-json``: its error and access logs as JSON lines on stdout."""
    return _json_to_stdout(level, {"gunicorn.error": level, "gunicorn.access": "INFO"})


def write_gunicorn_config(path: str | os.PathLike, level: str = "INFO") -> str:
    """Write :func:`gunicorn_logging` to ``path`` for ``gunicorn --log-config-json path``."""
    with open(path, "w", encoding="utf-8") as handle:
        json.dump(gunicorn_logging(level), handle, indent=2)
    return os.fspath(path)


if __name__ == "__main__":  # python -m example_site.jsonlog > gunicorn-logging.json
    print(json.dumps(gunicorn_logging(os.environ.get("LOG_LEVEL", "INFO")), indent=2))
