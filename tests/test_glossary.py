"""The glossary's wrong forms (docs/languages.md) and the check that keeps them out of the
catalogues (``scripts/check_catalogues.py``, run by ``make check-messages``)."""

import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SCRIPT = REPO / "scripts" / "check_catalogues.py"

spec = importlib.util.spec_from_file_location("check_catalogues", SCRIPT)
check_catalogues = importlib.util.module_from_spec(spec)
spec.loader.exec_module(check_catalogues)

HEADER = """msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\\n"
"Plural-Forms: nplurals=4; plural=(n%100==1 ? 0 : n%100==2 ? 1 : n%100==3 || "
"n%100==4 ? 2 : 3);\\n"

"""

WRONG_SLOVENIAN = (
    HEADER
    + """#: badges/templates/wagtail_cityoflearning/badges/admin/choose.html
msgid "Choose badge"
msgstr "Izberite značka"

#: learners/admin/review.py
msgid "Approve"
msgstr "Odobri"

#: learners/templates/wagtail_cityoflearning/learners/account/profile.html
msgid "Save"
msgstr "Shrani"

#: badges/admin_views.py
#, python-format
msgid "%(count)s award"
msgid_plural "%(count)s awards"
msgstr[0] "%(count)s podelitev"
msgstr[1] "%(count)s podelitvi"
msgstr[2] "%(count)s podelitve"
msgstr[3] "%(count)s podelitve"

#: learners/progress/views.py
msgid "You started this playlist."
msgstr ""
"Učna pot se je začela."
"""
)

WRONG_ITALIAN = (
    HEADER.replace("nplurals=4", "nplurals=2")
    + """#: apps.py
msgid "City of Learning"
msgstr "Città dell'Apprendimento"

#: models/opportunities.py
msgid "Provider"
msgstr "Ente"

#: badges/templates/wagtail_cityoflearning/badges/claim.html
msgid "Get my badge"
msgstr "Ricevi il mio badge"

#: learners/templates/wagtail_cityoflearning/learners/dashboard.html
#, python-format
msgid "in %(playlist)s"
msgstr "nella playlist %(playlist)s"
"""
)


def test_the_glossary_lists_wrong_forms_for_both_languages():
    forms = check_catalogues.wrong_forms()
    languages = {form.language for form in forms}
    assert languages == {"sl", "it"}
    assert all(form.right for form in forms)
    assert {form.scope for form in forms} >= {"all", "admin", "plural form 3"}


@pytest.mark.parametrize("language", ["sl", "it"])
def test_the_package_catalogues_follow_the_glossary(language):
    text = check_catalogues.catalogue(language).read_text(encoding="utf-8")
    assert check_catalogues.glossary_problems(language, text) == []


def test_a_slovenian_catalogue_with_wrong_forms_names_each_message_and_the_right_form():
    problems = check_catalogues.glossary_problems("sl", WRONG_SLOVENIAN)
    text = "\n".join(problems)
    assert "msgid 'Choose badge': «Izberite značka»" in text
    assert "«Izberite značko»" in text
    # the admin's buttons are formal; the learner's "Shrani" is right where it is
    assert "msgid 'Approve': «Odobri»" in text
    assert "«Odobrite»" in text
    assert "'Save'" not in text
    # "9 podelitve" is wrong (plural form 3), "3 podelitve" is right (plural form 2)
    assert "msgid '%(count)s award': «%(count)s podelitve»" in text
    assert "«%(count)s podelitev» (genitive plural)" in text
    assert sum("%(count)s award" in p for p in problems) == 1
    assert "«Učna pot se je začela»" in text
    assert len(problems) == 4


def test_an_italian_catalogue_with_wrong_forms_fails_but_a_placeholder_is_no_word():
    problems = check_catalogues.glossary_problems("it", WRONG_ITALIAN)
    text = "\n".join(problems)
    assert "msgid 'City of Learning': «Città dell'Apprendimento»" in text
    assert "«Città dell'apprendimento»" in text
    assert "msgid 'Provider': «Ente»" in text
    assert "«organizzazione»" in text
    assert "msgid 'Get my badge': «il mio badge»" in text
    assert "«il tuo badge»" in text
    assert "msgid 'in %(playlist)s': «playlist»" in text
    assert len(problems) == 4  # %(playlist)s itself is not flagged


def test_the_check_fails_with_the_msgid_the_wrong_and_the_right_form(tmp_path):
    bad = tmp_path / "django.po"
    bad.write_text(WRONG_ITALIAN, encoding="utf-8")
    result = subprocess.run(
        [sys.executable, str(SCRIPT), "--glossary-only", "it", str(bad)],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 1
    assert "it: msgid 'Provider': «Ente» is a wrong form, write «organizzazione»" in result.stderr

    good = subprocess.run(
        [sys.executable, str(SCRIPT), "--glossary-only"], capture_output=True, text=True
    )
    assert good.returncode == 0, good.stderr
    assert "follow the glossary" in good.stdout
