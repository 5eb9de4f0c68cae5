"""Django for the benchmarks: the example site's settings on a throwaway SQLite database.

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


def configure(workdir: Path | None = None, debug: bool = False) -> Path:
    """Set Django up with the example site's settings and a SQLite file in ``workdir``.

    ``workdir`` defaults to a new temporary directory. Returns the database file's path.
    Call once per process, before importing anything that touches models.
    """
    if "db" in _state:
        return _state["db"]
    workdir = Path(workdir or tempfile.mkdtemp(prefix="col-bench-"))
    workdir.mkdir(parents=True, exist_ok=True)
    db = workdir / "bench.sqlite3"
    setup_django(f"sqlite:///{db}", debug=debug)
    from django.conf import settings

    name = Path(settings.DATABASES["default"]["NAME"]).resolve()
    if name != db.resolve():
        raise RuntimeError(f"Refusing to fill {name}: expected the throwaway {db}")
    _state.update(db=db, workdir=workdir, template=workdir / "migrated.sqlite3")
    return db


def database_path() -> Path:
    return _state["db"]


def fresh_database() -> Path:
    """An empty, migrated database at :func:`database_path` (migrations run only once)."""
    from django.core.cache import caches
    from django.core.management import call_command
    from django.db import connections

    db, template = _state["db"], _state["template"]
    connections.close_all()
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
    return db


def snapshot(target: Path) -> Path:
    """Copy the current database file to ``target`` (e.g. for a server in a subprocess)."""
    from django.db import connections

    connections.close_all()
    shutil.copyfile(_state["db"], target)
    return target


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
        yield db
    finally:
        from django.db import connections

        connections.close_all()
        if overridden is not None:
            overridden.disable()
        shutil.rmtree(db.parent, ignore_errors=True)
