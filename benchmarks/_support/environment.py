"""Django for the benchmarks: the example site's settings on a throwaway database.

The database is a SQLite file in a temporary directory, or, when ``DATABASE_URL`` names a
PostgreSQL server (``postgres://user@host:port/anything``), throwaway databases created on that
server (``col_bench_<pid>...``) and dropped at the end; the database the URL names is never
touched.

Usage from a benchmark::

    from _support import environment

    with environment.throwaway():   # configured, migrated, removed at the end
        ...                          # environment.fresh_database() before each part

or, step by step: :func:`configure` (once per process, before importing anything that
touches models), then :func:`fresh_database` for each empty, migrated database. Your
``db.sqlite3`` is never touched.
"""

import os
import shutil
import sys
import tempfile
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

REPO = Path(__file__).resolve().parents[2]

_state = {}


def setup_django(database_url: str, debug: bool | None = None) -> None:
    """``django.setup()`` with the example site's settings on ``database_url``.

    ``debug`` sets ``DEBUG`` (True: ``1``, False: ``0``); None leaves the environment's value,
    ``0`` when it has none.
    """
    if str(REPO) not in sys.path:
        sys.path.insert(0, str(REPO))
    os.environ["DJANGO_SETTINGS_MODULE"] = "example_site.settings"
    os.environ["DATABASE_URL"] = database_url
    if debug is None:
        os.environ.setdefault("DEBUG", "0")
    else:
        os.environ["DEBUG"] = "1" if debug else "0"
    import django

    django.setup()


def server_url() -> str | None:
    """The PostgreSQL server the benchmarks run on (``DATABASE_URL``), or None for SQLite."""
    url = os.environ.get("BENCH_DATABASE_URL") or os.environ.get("DATABASE_URL", "")
    return url if url.startswith(("postgres://", "postgresql://")) else None


def backend() -> str:
    """``"sqlite"`` or ``"postgresql"``: what the running benchmark measures."""
    return _state.get("backend", "postgresql" if server_url() else "sqlite")


def _database_url(server: str, name: str) -> str:
    parts = urlsplit(server)
    return urlunsplit((parts.scheme, parts.netloc, f"/{name}", parts.query, ""))


def _maintenance(sql: str) -> None:
    """Run ``sql`` (CREATE or DROP DATABASE) on the server's ``postgres`` database."""
    import psycopg

    with psycopg.connect(_database_url(_state["server"], "postgres"), autocommit=True) as conn:
        conn.execute(sql)


def configure(workdir: Path | None = None, debug: bool = False) -> Path:
    """Set Django up with the example site's settings and a throwaway database.

    ``workdir`` (for SQLite files, media and logs) defaults to a new temporary directory.
    Returns the path of the SQLite file (on PostgreSQL, where it would be: the workdir is
    still used for everything else). Call once per process, before importing anything that
    touches models.
    """
    if "db" in _state:
        return _state["db"]
    workdir = Path(workdir or tempfile.mkdtemp(prefix="col-bench-"))
    workdir.mkdir(parents=True, exist_ok=True)
    db = workdir / "bench.sqlite3"
    server = server_url()
    if server:
        name = f"col_bench_{os.getpid()}"
        _state.update(server=server, name=name, backend="postgresql", snapshots=[])
        setup_django(_database_url(server, name), debug=debug)
        from django.conf import settings

        if settings.DATABASES["default"]["NAME"] != name:
            raise RuntimeError(f"Refusing to fill {settings.DATABASES['default']['NAME']}")
    else:
        _state["backend"] = "sqlite"
        setup_django(f"sqlite:///{db}", debug=debug)
        from django.conf import settings

        name = Path(settings.DATABASES["default"]["NAME"]).resolve()
        if name != db.resolve():
            raise RuntimeError(f"Refusing to fill {name}: expected the throwaway {db}")
    _state.update(db=db, workdir=workdir, template=workdir / "migrated.sqlite3")
    return db


def database_path() -> Path:
    return _state["db"]


def describe() -> str:
    """Where the benchmark's data lives, for its heading."""
    if backend() == "postgresql":
        from django.db import connection

        with connection.cursor() as cursor:
            cursor.execute("SHOW server_version")
            version = cursor.fetchone()[0].split()[0]
        return f"PostgreSQL {version}, database {_state['name']} (dropped at the end)"
    return f"SQLite {_sqlite_version()}, {_state['db']}"


def _sqlite_version() -> str:
    import sqlite3

    return sqlite3.sqlite_version


def fresh_database() -> Path:
    """An empty, migrated database (migrations run only once: later ones are copies)."""
    from django.core.cache import caches
    from django.core.management import call_command
    from django.db import connections

    connections.close_all()
    if backend() == "postgresql":
        name = _state["name"]
        _maintenance(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        if _state.get("migrated"):
            _maintenance(f'CREATE DATABASE "{name}" TEMPLATE "{name}_migrated"')
        else:
            _maintenance(f'DROP DATABASE IF EXISTS "{name}_migrated" WITH (FORCE)')
            _maintenance(f'CREATE DATABASE "{name}"')
            call_command("migrate", interactive=False, verbosity=0)
            connections.close_all()
            _maintenance(f'CREATE DATABASE "{name}_migrated" TEMPLATE "{name}"')
            _state["migrated"] = True
    else:
        db, template = _state["db"], _state["template"]
        for suffix in ("", "-journal", "-wal", "-shm"):
            Path(f"{db}{suffix}").unlink(missing_ok=True)
        if template.exists():
            shutil.copyfile(template, db)
        else:
            call_command("migrate", interactive=False, verbosity=0)
            connections.close_all()
            shutil.copyfile(db, template)
    for cache in caches.all():
        cache.clear()
    return _state["db"]


def snapshot(target: Path) -> str:
    """A copy of the current database, for a server in a subprocess: its ``DATABASE_URL``.

    On SQLite the file is copied to ``target``; on PostgreSQL a database named after
    ``target``'s stem is made from the current one (and dropped at the end)."""
    from django.db import connections

    connections.close_all()
    if backend() == "postgresql":
        name = f"{_state['name']}_{target.stem.replace('-', '_')}"
        _maintenance(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        _maintenance(f'CREATE DATABASE "{name}" TEMPLATE "{_state["name"]}"')
        _state["snapshots"].append(name)
        return _database_url(_state["server"], name)
    shutil.copyfile(_state["db"], target)
    return f"sqlite:///{target}"


def _drop_databases() -> None:
    if backend() != "postgresql":
        return
    names = [*_state.get("snapshots", ()), _state["name"], f"{_state['name']}_migrated"]
    for name in names:
        _maintenance(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@contextmanager
def throwaway(
    prefix: str | None = None,
    *,
    media: bool = False,
    settings: dict | None = None,
    heading: str = "Throwaway database: {db}",
):
    """Django on a throwaway database, migrated; the directory is removed at the end.

    Prints ``heading`` (``{db}`` and ``{workdir}`` are filled in) and that it migrates.
    ``prefix``: of a new temporary directory (default: :func:`configure`'s own). ``media``:
    tasks run inline (the example site's default without ``REDIS_URL``), emails stay in
    memory and uploads go to ``media/`` beside the database. ``settings``: more overrides.
    Yields the database's path.
    """
    if media:
        os.environ.pop("REDIS_URL", None)  # the example site's default: tasks run inline
    db = configure(Path(tempfile.mkdtemp(prefix=prefix)) if prefix else None)
    overrides = {}
    if media:
        overrides.update(
            EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend",
            MEDIA_ROOT=str(db.parent / "media"),
            TASKS={"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}},
        )
    overrides.update(settings or {})
    overridden = None
    if overrides:
        from django.test.utils import override_settings

        overridden = override_settings(**overrides)
        overridden.enable()
    print(heading.format(db=db, workdir=db.parent))
    if media:
        print(f"Throwaway media:    {db.parent / 'media'}")
    print("Migrating (once)...", flush=True)
    try:
        fresh_database()
        print(f"Database:           {describe()}", flush=True)
        yield db
    finally:
        from django.db import connections

        connections.close_all()
        if overridden is not None:
            overridden.disable()
        _drop_databases()
        shutil.rmtree(db.parent, ignore_errors=True)
