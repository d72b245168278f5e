"""French throughout: every string a template marks for translation has its French, and so has every
entry of the catalogue (forms, admin labels, model help), none left fuzzy."""

import ast
import gettext
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.utils.translation.template import templatize

ROOT = Path(settings.BASE_DIR)
CATALOGUE = ROOT / "tracker" / "locale" / "fr" / "LC_MESSAGES"
TEMPLATES = sorted(
    path
    for folder in (ROOT / "templates", ROOT / "tracker" / "templates", ROOT / "ingest" / "templates")
    if folder.is_dir()
    for path in folder.rglob("*.html")
)
LITERAL = r"u?('(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\")"
CALLS = re.compile(rf"\b(gettext|ngettext|pgettext|npgettext)\({LITERAL}(?:,\s*{LITERAL})?")


def french():
    with (CATALOGUE / "django.mo").open("rb") as mo:
        return gettext.GNUTranslations(mo)._catalog


def marked_strings(path):
    """Return the (context, msgid) pairs a template marks, as makemessages would read them."""
    found = []
    for function, first, second in CALLS.findall(
        templatize(path.read_text(encoding="utf-8"), origin=str(path))
    ):
        first = ast.literal_eval(first)
        if function.startswith(("pgettext", "npgettext")):
            found.append((first, ast.literal_eval(second)))
        else:
            found.append((None, first))
    return found


def test_the_templates_are_found():
    assert len(TEMPLATES) > 10
    assert any(("tracker", "dashboard_content.html") == path.parts[-2:] for path in TEMPLATES)


@pytest.mark.parametrize("path", TEMPLATES, ids=lambda path: str(path.relative_to(ROOT)))
def test_every_string_a_template_marks_has_its_french(path):
    catalogue = french()
    missing = []
    for context, msgid in marked_strings(path):
        key = f"{context}\x04{msgid}" if context else msgid
        if key not in catalogue and (key, 0) not in catalogue:
            missing.append(msgid)
    assert not missing, "no French for (run `make messages` and translate):\n" + "\n".join(missing)


def test_no_entry_of_the_french_catalogue_is_empty_or_fuzzy():
    text = (CATALOGUE / "django.po").read_text(encoding="utf-8")
    entries = text.split("\n\n")[1:]  # the first is the header
    fuzzy = [entry for entry in entries if re.search(r"^#,.*\bfuzzy\b", entry, re.M)]
    empty = [entry for entry in entries if re.search(r'^msgstr(\[\d\])? ""\Z', entry.strip(), re.M)]
    assert not fuzzy, "fuzzy:\n" + "\n\n".join(fuzzy)
    assert not empty, "untranslated:\n" + "\n\n".join(empty)
