"""Fail when a translation catalogue is stale, incomplete or not compiled.

Stale: ``makemessages`` would change the ``.po`` file (a string was added, changed or removed
in the code; only the POT-Creation-Date header is ignored). Incomplete: a message is
untranslated or fuzzy. Not compiled: the committed ``.mo`` file differs from what ``msgfmt``
makes of the ``.po`` file. The catalogues are left exactly as they were.

Usage: python scripts/check_catalogues.py   (from the repository root, in the project's venv)
"""

import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
APP = ROOT / "wagtail_cityoflearning"
LANGUAGES = ["sl", "it"]
HEADER_DATE = re.compile(r'^"POT-Creation-Date: .*\\n"\n', re.MULTILINE)


def catalogue(language: str) -> Path:
    return APP / "locale" / language / "LC_MESSAGES" / "django.po"


def makemessages() -> None:
    django_admin = Path(sys.executable).with_name("django-admin")
    env = {**os.environ, "PYTHONPATH": str(ROOT), "DJANGO_SETTINGS_MODULE": "tests.settings"}
    # References name files, not lines: editing code above a string does not stale a catalogue.
    command = [
        str(django_admin),
        "makemessages",
        "--no-obsolete",
        "--add-location",
        "file",
    ]
    for language in LANGUAGES:
        command += ["-l", language]
    subprocess.run(  # noqa: S603 (our own command line)
        command, cwd=APP, env=env, check=True, capture_output=True, text=True
    )


def changed_entries(before: str, after: str) -> list[str]:
    """The msgids that makemessages added or removed (a short, readable summary)."""
    ids = re.compile(r'^msgid "(.*)"$', re.MULTILINE)
    old, new = set(ids.findall(before)), set(ids.findall(after))
    return [f"+ {m}" for m in sorted(new - old)] + [f"- {m}" for m in sorted(old - new)]


def statistics(path: Path) -> tuple[str, bool]:
    """msgfmt's statistics line, and whether the compiled file matches the committed one."""
    with tempfile.TemporaryDirectory() as tmp:
        compiled = Path(tmp) / "django.mo"
        result = subprocess.run(  # noqa: S603
            ["msgfmt", "--check", "--statistics", "-o", str(compiled), str(path)],  # noqa: S607
            capture_output=True,
            text=True,
        )
        if result.returncode:
            return result.stderr.strip(), False
        committed = path.with_suffix(".mo")
        same = committed.exists() and committed.read_bytes() == compiled.read_bytes()
        return result.stderr.strip(), same


def main() -> int:
    originals = {
        language: catalogue(language).read_text(encoding="utf-8") for language in LANGUAGES
    }
    try:
        makemessages()
        regenerated = {lang: catalogue(lang).read_text(encoding="utf-8") for lang in LANGUAGES}
    finally:
        for language, text in originals.items():
            catalogue(language).write_text(text, encoding="utf-8")
    problems = []
    for language in LANGUAGES:
        before = HEADER_DATE.sub("", originals[language])
        after = HEADER_DATE.sub("", regenerated[language])
        if before != after:
            summary = "\n    ".join(changed_entries(before, after)[:20]) or "(references moved)"
            problems.append(
                f"{language}: stale, run `make messages` and translate what it adds:\n    {summary}"
            )
        stats, compiled_current = statistics(catalogue(language))
        print(f"{language}: {stats}")
        if "untranslated" in stats or "fuzzy" in stats or "error" in stats.lower():
            problems.append(f"{language}: incomplete: {stats}")
        if not compiled_current:
            problems.append(f"{language}: django.mo is not compiled from django.po (make messages)")
    for problem in problems:
        print(problem, file=sys.stderr)
    if not problems:
        print("Catalogues are current, complete and compiled.")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
