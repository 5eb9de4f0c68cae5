"""The wheel carries what a city needs and installs into a fresh virtualenv."""

import os
import subprocess
import sys
import tarfile
import textwrap
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

pytestmark = [
    pytest.mark.wheel,
    pytest.mark.skipif(
        bool(os.environ.get("DATABASE_URL")), reason="the wheel does not depend on the database"
    ),
]


@pytest.fixture(scope="module")
def dist(tmp_path_factory):
    """The sdist, and the wheel built from it (as ``python -m build`` does by default)."""
    out = tmp_path_factory.mktemp("dist")
    subprocess.run(
        [sys.executable, "-m", "build", "--no-isolation", "--outdir", str(out), str(ROOT)],
        check=True,
        capture_output=True,
    )
    (sdist,) = out.glob("wagtail_cityoflearning-*.tar.gz")
    (wheel,) = out.glob("wagtail_cityoflearning-*.whl")
    return sdist, wheel


@pytest.fixture(scope="module")
def wheel(dist):
    return dist[1]


def tracked_package_files() -> set[str]:
    """Every file git tracks under the package: what a city must receive, whatever its type."""
    result = subprocess.run(
        ["git", "ls-files", "-z", "wagtail_cityoflearning"],
        cwd=ROOT,
        check=True,
        capture_output=True,
        text=True,
    )
    return {name for name in result.stdout.split("\0") if name}


def test_wheel_and_sdist_carry_every_tracked_package_file(dist):
    sdist, wheel = dist
    tracked = tracked_package_files()
    # The vendored map libraries, whose folder name once escaped the package data globs.
    assert (
        "wagtail_cityoflearning/static/wagtail_cityoflearning/vendor/leaflet.markercluster/leaflet.markercluster.js"
        in tracked
    )
    assert (
        "wagtail_cityoflearning/static/wagtail_cityoflearning/vendor/supercluster/supercluster.min.js"
        in tracked
    )
    wheel_names = set(zipfile.ZipFile(wheel).namelist())
    with tarfile.open(sdist) as archive:
        prefix = archive.getnames()[0].split("/")[0] + "/"
        sdist_names = {name.removeprefix(prefix) for name in archive.getnames()}
    assert sorted(tracked - wheel_names) == []
    assert sorted(tracked - sdist_names) == []
    assert not [name for name in wheel_names if "__pycache__" in name or name.endswith(".pyc")]
    for name in ("LICENSE", "README.md", "CHANGELOG.md"):
        assert name in sdist_names


def test_distributions_pass_twine_check(dist):
    result = subprocess.run(
        [sys.executable, "-m", "twine", "check", "--strict", *map(str, dist)],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.count("PASSED") == 2


def test_wheel_carries_templates_static_locale_and_migrations(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    expected = [
        "wagtail_cityoflearning/templates/wagtail_cityoflearning/opportunity_page.html",
        "wagtail_cityoflearning/templates/wagtail_cityoflearning/blocks/location.html",
        "wagtail_cityoflearning/templates/wagtail_cityoflearning/includes/opportunity_card.html",
        "wagtail_cityoflearning/static/wagtail_cityoflearning/css/cityoflearning.css",
        "wagtail_cityoflearning/static/wagtail_cityoflearning/js/location-map.js",
        "wagtail_cityoflearning/static/wagtail_cityoflearning/vendor/leaflet/leaflet.js",
        "wagtail_cityoflearning/static/wagtail_cityoflearning/vendor/leaflet/images/marker-icon.png",
        # The insight dashboard's charts, vendored into the insight app's own static files.
        "wagtail_cityoflearning/insight/static/wagtail_cityoflearning_insight/vendor/chartjs/chart.umd.min.js",
        "wagtail_cityoflearning/insight/static/wagtail_cityoflearning_insight/vendor/chartjs/LICENSE.md",
        "wagtail_cityoflearning/insight/static/wagtail_cityoflearning_insight/js/dashboard.js",
        "wagtail_cityoflearning/locale/sl/LC_MESSAGES/django.mo",
        "wagtail_cityoflearning/locale/it/LC_MESSAGES/django.mo",
        "wagtail_cityoflearning/migrations/0001_initial.py",
    ]
    missing = [name for name in expected if name not in names]
    assert missing == []
    assert not any(name.startswith(("tests/", "example_site/")) for name in names)
    # The demo (its cities' data, loader and command) is the example site's, not the package's.
    demo = [
        name
        for name in names
        if "demo" in name.lower()
        or Path(name).stem in {"ljubljana", "cagliari", "ljubljana_playlists", "cagliari_playlists"}
    ]
    assert demo == []


SETTINGS = textwrap.dedent(
    """
    SECRET_KEY = "wheel-check"
    INSTALLED_APPS = [
        "wagtail_cityoflearning", "wagtailgeowidget", "wagtail.contrib.settings",
        "wagtail.contrib.routable_page", "wagtail.sites", "wagtail.users", "wagtail.snippets",
        "wagtail.documents", "wagtail.images", "wagtail.search", "wagtail.admin", "wagtail",
        "modelcluster", "taggit", "django.contrib.admin", "django.contrib.auth",
        "django.contrib.contenttypes", "django.contrib.sessions", "django.contrib.messages",
        "django.contrib.staticfiles", "allauth", "allauth.account",
    ]
    MIDDLEWARE = [
        "django.contrib.sessions.middleware.SessionMiddleware",
        "django.contrib.auth.middleware.AuthenticationMiddleware",
        "django.contrib.messages.middleware.MessageMiddleware",
        "allauth.account.middleware.AccountMiddleware",
    ]
    STORAGES = {
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
        "cityoflearning_evidence": {
            "BACKEND": "wagtail_cityoflearning.learners.progress.storage.PrivateFileSystemStorage",
            "OPTIONS": {"location": "evidence"},
        },
    }
    TEMPLATES = [{"BACKEND": "django.template.backends.django.DjangoTemplates",
                  "APP_DIRS": True, "OPTIONS": {"context_processors": [
                      "django.template.context_processors.request",
                      "django.contrib.auth.context_processors.auth",
                      "django.contrib.messages.context_processors.messages"]}}]
    DATABASES = {"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": "db.sqlite3"}}
    ROOT_URLCONF = "urls"
    STATIC_URL = "/static/"
    USE_TZ = True
    WAGTAIL_SITE_NAME = "Wheel"
    WAGTAILADMIN_BASE_URL = "http://localhost"
    """
)


def test_wheel_installs_into_a_fresh_virtualenv_and_passes_checks(wheel, tmp_path):
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    python = venv / "bin" / "python"
    subprocess.run(
        [str(python), "-m", "pip", "install", "--quiet", "--disable-pip-version-check", str(wheel)],
        check=True,
    )
    project = tmp_path / "project"
    project.mkdir()
    (project / "settings.py").write_text(SETTINGS)
    (project / "urls.py").write_text(
        "from django.urls import include, path\n"
        "from wagtail import urls as wagtail_urls\n"
        "urlpatterns = [path('', include(wagtail_urls))]\n"
    )
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "settings", "PYTHONPATH": str(project)}
    env.pop("DATABASE_URL", None)
    for command in (
        ["check"],
        ["migrate", "--noinput"],
        ["makemigrations", "--check", "--dry-run"],
    ):
        result = subprocess.run(
            [str(python), "-m", "django", *command],
            cwd=project,
            env=env,
            capture_output=True,
            text=True,
        )
        assert result.returncode == 0, result.stdout + result.stderr
    result = subprocess.run(
        [
            str(python),
            "-c",
            "import wagtail_cityoflearning, pathlib; print(pathlib.Path(wagtail_cityoflearning.__file__).parent)",
        ],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    installed = Path(result.stdout.strip())
    assert str(installed).startswith(str(venv))
    assert (installed / "templates/wagtail_cityoflearning/opportunity_page.html").exists()
