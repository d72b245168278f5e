"""Folding of claimant names, so "OSDH", "osdh" and "Observatoire syrien des droits de l'Homme" compare
the way editors expect: case-, accent- and punctuation-insensitively."""

import re
import unicodedata
from functools import lru_cache

_NON_WORD = re.compile(r"[^a-z0-9]+")


@lru_cache(maxsize=8_192)  # every task folds the whole gazetteer's names again
def fold_name(name):
    """Return the comparison key of a claimant name ("L’ONU" -> "l onu")."""
    decomposed = unicodedata.normalize("NFKD", str(name).lower())
    bare = "".join(char for char in decomposed if not unicodedata.combining(char))
    return _NON_WORD.sub(" ", bare).strip()
