"""Plain text of the Q&A: answers as text, and search text normalisation (case, accents and
simple Dutch word forms).

The same functions prepare the stored search text of a question and the reader's query,
so both sides meet in the middle whatever the search backend does:

- lower case, accents folded (``café`` -> ``cafe``), ``'s`` plurals joined (``foto's`` -> ``foto``);
- a deliberately small Dutch suffix stemmer: plurals in ``-en`` and ``-s``, diminutives
  in ``-(t)je(s)``, plus the vowel and consonant spelling changes that come with them
  (``betalen`` and ``betaal`` both become ``betal``; ``passen`` becomes ``pas``).
"""

import html
import re
import unicodedata

from django.utils.html import strip_tags

VOWELS = frozenset("aeiouy")

# Words that say little about what a reader is looking for. A query made only of these
# keeps them (``wat is het?`` still searches for something).
_STOP_WORDS = """
    de het een en of in op aan te van voor met bij naar om over uit tot is ik je jij u uw mijn
    mij me we wij wat hoe waar wanneer welke wie waarom kan kun kunt moet mag wil er als dat die
    dit deze niet geen wel nog ook dan zijn ben bent heb hebt heeft hebben word wordt worden zo
    the a an and or of to for with at is are do does can how what where when why my i it on in
"""
STOP_WORDS = frozenset(_STOP_WORDS.split())

_APOSTROPHE_S = re.compile(r"(\w)['’]s\b")
_NON_WORD = re.compile(r"[^a-z0-9]+")
_DOUBLE_VOWEL = re.compile(r"(^|[^aeiou])(aa|ee|oo|uu)([^aeiou])$")
_BLOCK_END = re.compile(r"</(p|li|h[1-6]|ul|ol|div|blockquote)>|<br\s*/?>", re.IGNORECASE)


def html_to_text(value):
    """Readable plain text from rich text HTML: one line per paragraph or list item."""
    value = _BLOCK_END.sub("\n", value or "")
    lines = (" ".join(html.unescape(strip_tags(line)).split()) for line in value.split("\n"))
    return "\n".join(line for line in lines if line)


def excerpt(value, length=200):
    """The start of ``value`` on one line, cut at a word with an ellipsis when longer than ``length``."""
    value = " ".join((value or "").split())
    if len(value) <= length:
        return value
    return value[:length].rsplit(" ", 1)[0] + "…"


def fold(text):
    """Lower case without accents, ``'s`` plurals joined, anything else but letters and digits a space."""
    text = unicodedata.normalize("NFKD", str(text or ""))
    text = "".join(char for char in text if not unicodedata.combining(char)).lower()
    text = _APOSTROPHE_S.sub(r"\1", text)
    return _NON_WORD.sub(" ", text).strip()


def _undouble_vowel(word):
    # betaal -> betal, verloor -> verlor, uur -> ur: the open syllable of the plural form.
    return _DOUBLE_VOWEL.sub(lambda m: m.group(1) + m.group(2)[0] + m.group(3), word)


def stem(word):
    """A small Dutch stemmer: the same stem for singular, plural and diminutive forms."""
    if len(word) <= 2 or word.isdigit():
        return word
    for suffix in ("tjes", "tje"):  # cadeautje -> cadeau (after a vowel)
        if word.endswith(suffix) and len(word) - len(suffix) >= 3 and word[-len(suffix) - 1] in VOWELS:
            return _undouble_vowel(word[: -len(suffix)])
    for suffix in ("jes", "je"):  # kaartje -> kaart, pasje -> pas
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return _undouble_vowel(word[: -len(suffix)])
    if word.endswith("en") and len(word) >= 4 and word[-3] not in VOWELS:
        base = word[:-2]
        if len(base) >= 3 and base[-1] == base[-2] and base[-1] not in VOWELS:
            base = base[:-1]  # passen -> pas, bonnen -> bon
        return _undouble_vowel(base)
    if word.endswith("s") and len(word) >= 4 and word[-2] not in "sij":
        return _undouble_vowel(word[:-1])  # museums -> museum, tickets -> ticket
    return _undouble_vowel(word)


def tokens(text):
    """The folded words of ``text`` (one letter words dropped)."""
    return [word for word in fold(text).split() if len(word) > 1]


def stems(text):
    return [stem(word) for word in tokens(text)]


def search_text(*parts):
    """The stored search text: stems separated by single spaces, with a space at both ends."""
    words = []
    for part in parts:
        words.extend(stems(part))
    return " " + " ".join(words) + " "


def query_terms(query):
    """The stems a query must match: stop words dropped unless nothing else is left, no repeats."""
    words = tokens(query)
    meaningful = [word for word in words if word not in STOP_WORDS] or words
    seen = []
    for word in meaningful:
        term = stem(word)
        if term not in seen:
            seen.append(term)
    return seen


def normalise_query(query):
    """A query as recorded for editors: folded words, single spaces (no stemming)."""
    return " ".join(fold(query).split())[:200]
