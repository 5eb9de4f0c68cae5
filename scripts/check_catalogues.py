"""Fail when a translation catalogue is stale, incomplete, not compiled or off the glossary.

Stale: ``makemessages`` would change the ``.po`` file (a string was added, changed or removed
in the code; only the POT-Creation-Date header is ignored). Incomplete: a message is
untranslated or fuzzy. Not compiled: the committed ``.mo`` file differs from what ``msgfmt``
makes of the ``.po`` file. Off the glossary: a translation uses one of the wrong forms listed
in ``docs/languages.md`` (the table between the ``forbidden-forms`` markers). The catalogues
are left exactly as they were.

Usage (from the repository root, in the project's venv):

    python scripts/check_catalogues.py
    python scripts/check_catalogues.py --glossary-only [LANGUAGE PO_FILE]...
"""

import os
import re
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
APP = ROOT / "wagtail_cityoflearning"
LANGUAGES = ["sl", "it"]
HEADER_DATE = re.compile(r'^"POT-Creation-Date: .*\\n"\n', re.MULTILINE)
GLOSSARY = ROOT / "docs" / "languages.md"
FORBIDDEN_TABLE = re.compile(r"<!-- forbidden-forms -->\n(.*?)<!-- /forbidden-forms -->", re.DOTALL)
# A message is the admin's (editors, formal register) when every file it comes from is.
ADMIN_REFERENCE = re.compile(r"(^|/)admin[_/.]|/admin/|wagtail_hooks\.py|panels\.py")


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


# -- the glossary's wrong forms ----------------------------------------------------------------


@dataclass(frozen=True)
class WrongForm:
    language: str
    pattern: re.Pattern
    right: str
    scope: str  # "all", "admin" or "plural form N"

    def applies(self, entry: "Entry") -> list[str]:
        """The translations of ``entry`` this rule looks at."""
        if self.scope == "admin":
            admin = entry.references and all(ADMIN_REFERENCE.search(r) for r in entry.references)
            return list(entry.msgstrs.values()) if admin else []
        if self.scope.startswith("plural form "):
            index = int(self.scope.removeprefix("plural form "))
            return [entry.msgstrs[index]] if entry.plural and index in entry.msgstrs else []
        return list(entry.msgstrs.values())


@dataclass
class Entry:
    msgid: str = ""
    msgctxt: str | None = None
    plural: bool = False
    references: list[str] = field(default_factory=list)
    msgstrs: dict[int, str] = field(default_factory=dict)


def _unquote(line: str) -> str:
    text = line.strip()[1:-1]
    return re.sub(r"\\(.)", lambda m: {"n": "\n", "t": "\t"}.get(m.group(1), m.group(1)), text)


def read_po(text: str) -> list[Entry]:
    """The messages of a ``.po`` file (without the header and obsolete entries)."""
    entries, entry, target = [], Entry(), None
    for line in text.splitlines() + [""]:
        if not line.strip():
            if entry.msgid:
                entries.append(entry)
            entry, target = Entry(), None
        elif line.startswith("#:"):
            entry.references += line[2:].split()
        elif line.startswith("#"):
            continue
        elif line.startswith("msgctxt "):
            entry.msgctxt, target = _unquote(line[8:]), "msgctxt"
        elif line.startswith("msgid_plural "):
            entry.plural, target = True, None
        elif line.startswith("msgid "):
            entry.msgid, target = _unquote(line[6:]), "msgid"
        elif line.startswith("msgstr"):
            index = int(line[7 : line.index("]")]) if line.startswith("msgstr[") else 0
            entry.msgstrs[index] = _unquote(line.split(" ", 1)[1])
            target = index
        elif line.startswith('"') and target is not None:
            if target == "msgid":
                entry.msgid += _unquote(line)
            elif target == "msgctxt":
                entry.msgctxt += _unquote(line)
            else:
                entry.msgstrs[target] += _unquote(line)
    return entries


def wrong_forms(markdown: str | None = None) -> list[WrongForm]:
    """The table of wrong forms in docs/languages.md: language, wrong form (a regular
    expression, in backticks), right form, where it applies."""
    markdown = GLOSSARY.read_text(encoding="utf-8") if markdown is None else markdown
    table = FORBIDDEN_TABLE.search(markdown)
    if table is None:
        raise SystemExit(f"{GLOSSARY}: no table between <!-- forbidden-forms --> markers")
    forms = []
    for row in table.group(1).splitlines():
        if not row.startswith("|") or set(row) <= set("|-: "):
            continue
        cells = [c.strip().replace("\\|", "|") for c in re.split(r"(?<!\\)\|", row)[1:-1]]
        language, wrong, right, scope = cells
        if language.lower() == "language":
            continue
        forms.append(WrongForm(language, re.compile(wrong.strip("`")), right, scope))
    return forms


def glossary_problems(language: str, po_text: str, forms: list[WrongForm] | None = None):
    """One line per translation that uses a wrong form: the msgid, the wrong and the right."""
    forms = [f for f in (wrong_forms() if forms is None else forms) if f.language == language]
    problems = []
    for entry in read_po(po_text):
        for form in forms:
            for text in form.applies(entry):
                found = form.pattern.search(text)
                if found:
                    problems.append(
                        f"{language}: msgid {entry.msgid!r}: «{found.group(0)}» is a wrong "
                        f"form, write {form.right} (in: {text!r})"
                    )
    return problems


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
        problems += glossary_problems(language, originals[language])
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


def glossary_only(arguments: list[str]) -> int:
    """Check only the glossary: of the package's catalogues, or of the LANGUAGE PO_FILE pairs."""
    pairs = list(zip(arguments[::2], arguments[1::2], strict=True)) or [
        (language, catalogue(language)) for language in LANGUAGES
    ]
    problems = []
    for language, path in pairs:
        problems += glossary_problems(language, Path(path).read_text(encoding="utf-8"))
    for problem in problems:
        print(problem, file=sys.stderr)
    if not problems:
        print("The catalogues follow the glossary.")
    return 1 if problems else 0


if __name__ == "__main__":
    if sys.argv[1:2] == ["--glossary-only"]:
        sys.exit(glossary_only(sys.argv[2:]))
    sys.exit(main())
