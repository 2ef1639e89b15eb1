"""What a reader types, widened into what the pages say: the one place where the site search
expands a query, for every backend.

A query becomes a list of terms; each term is a set of alternatives, any of which may match
(``Term.alternatives``), with a weight per kind of alternative for the ranking:

- **the word as typed**, lower case and without accents (``Kòrsou`` -> ``korsou``), plus the
  accented spellings the site uses (``curacao`` -> ``curaçao``: PostgreSQL's Dutch configuration
  does not fold accents);
- **word forms**: Dutch and English plurals and inflections both ways (``prijzen`` <-> ``prijs``,
  ``pas`` -> ``passen``, ``duurzaam`` -> ``duurzame``, ``museum`` -> ``musea``);
- **synonyms** from ``SYNONYMS`` (``MK`` -> ``museumkaart``, ``pas`` -> ``kaart``, ``award`` ->
  ``prijs``, ``Kòrsou`` -> ``curaçao``) and whole phrases from ``PHRASES`` (``den bosch``);
- **compounds**: the words of page titles that contain the term (``klimaat`` ->
  ``klimaatbeheersing``, ``veiligheid`` -> ``collectieveiligheid``), from the site's own
  vocabulary (``search.engine.site_vocabulary``), so that whole-word matching backends find them;
- **corrections**: for a word the vocabulary does not know, the closest words it does know
  (``rijksmusem`` -> ``rijksmuseum``).

Words that say little (``de``, ``the``, ``di``) are dropped unless nothing else is left. The same
tables feed Elasticsearch's analysis (``search.elasticsearch``): synonyms and the dictionary
decompounder read ``SYNONYMS`` and ``WORD_PARTS``.
"""

import difflib
import re
import unicodedata
from dataclasses import dataclass, field

# Weights of the kinds of alternatives (the ranking prefers what was typed).
TYPED, FORM, SYNONYM, COMPOUND, CORRECTION = 3.0, 2.8, 2.4, 2.0, 2.0

MAX_COMPOUNDS = 30  # compound words added per term at most (the shortest first)
MIN_COMPOUND_PART = 4  # a term this long finds the compounds that contain it
MIN_PREFIX = 3  # a term this long finds the words it starts (``gog`` -> ``gogh``)
MIN_CORRECTION = 5  # only words this long are corrected
CORRECTION_CUTOFF = 0.8  # how close a correction must be (difflib's ratio)

# Words a query can do without (Dutch, English, Papiamentu).
STOP_WORDS = frozenset(
    [
        "de",
        "het",
        "een",
        "en",
        "of",
        "in",
        "op",
        "aan",
        "te",
        "van",
        "voor",
        "met",
        "bij",
        "naar",
        "om",
        "over",
        "uit",
        "tot",
        "is",
        "ik",
        "je",
        "jij",
        "u",
        "uw",
        "mijn",
        "mij",
        "me",
        "we",
        "wij",
        "wat",
        "hoe",
        "waar",
        "wanneer",
        "welke",
        "wie",
        "waarom",
        "kan",
        "kun",
        "kunt",
        "moet",
        "mag",
        "wil",
        "er",
        "als",
        "dat",
        "die",
        "dit",
        "deze",
        "niet",
        "geen",
        "wel",
        "nog",
        "ook",
        "dan",
        "zijn",
        "ben",
        "bent",
        "heb",
        "hebt",
        "heeft",
        "hebben",
        "word",
        "wordt",
        "worden",
        "zo",
        "the",
        "a",
        "an",
        "and",
        "or",
        "of",
        "to",
        "for",
        "with",
        "at",
        "is",
        "are",
        "do",
        "does",
        "can",
        "how",
        "what",
        "where",
        "when",
        "why",
        "my",
        "i",
        "it",
        "on",
        "in",
        "di",
        "e",
        "un",
        "na",
        "ku",
        "pa",
        "ta",
    ]
)

# Groups of words that mean the same thing to a reader of the site; a word finds every word of
# each group it belongs to (one step: ``prijs`` is in two groups, ``award`` does not find ``tarief``).
SYNONYMS = [
    ["museumkaart", "mk", "museumpas", "museumjaarkaart", "museumcard", "museumkaarten"],
    ["kaart", "pas", "card", "karchi", "kaarten", "passen"],
    ["prijs", "award", "prize", "prijzen", "awards", "prizes"],
    ["prijs", "kosten", "kost", "tarief", "price", "cost", "costs"],
    ["curacao", "korsou"],
    ["bonaire", "boneiru"],
    ["aruba", "arubaanse"],
    ["statia", "eustatius"],
    ["hertogenbosch", "bosch"],
    ["alv", "ledenvergadering"],
    ["cao", "arbeidsvoorwaarden"],
    ["abonnement", "museumkaart"],
    ["opzeggen", "stoppen", "beeindigen", "cancel"],
    ["bezoekerscijfers", "museumcijfers", "bezoekcijfers", "bezoekersaantallen"],
    ["klimaat", "climate"],
    ["duurzaamheid", "duurzaam", "sustainability", "sustainable"],
    ["kwijt", "verloren", "lost", "zoek"],
    ["telefoon", "app", "mobiel", "phone", "smartphone"],
    ["diversiteit", "inclusie", "diversity", "inclusion"],
    ["toegankelijkheid", "toegankelijk", "accessibility", "accessible"],
    ["erfgoed", "heritage", "herensia", "erensia"],
    ["museum", "museo", "musea", "museums"],
    ["cultuur", "culture", "kultura"],
    ["kopen", "bestellen", "buy", "order", "kumpra"],
    ["tentoonstelling", "expositie", "exhibition", "tentoonstellingen"],
    ["veiligheid", "safety", "security"],
    ["collectie", "collection"],
    ["evenement", "activiteit", "event", "agenda"],
]

# Phrases read as one word before the words are split (after folding).
PHRASES = {
    "den bosch": "hertogenbosch",
    "s hertogenbosch": "hertogenbosch",
    "sint eustatius": "statia",
    "museum card": "museumkaart",
    "museum kaart": "museumkaart",
    "karchi di museo": "museumkaart",
    "kas di kultura": "museo",
    "d i": "diversiteit",
}

# Parts of Dutch compounds that readers search for on their own: Elasticsearch's dictionary
# decompounder splits indexed words into these (the database backends find compounds through
# the title vocabulary instead).
WORD_PARTS = [
    "beheersing", "besparing", "bezoek", "bezoeker", "cadeau", "cijfers", "code", "collectie",
    "congres", "data", "digitaal", "duurzaam", "duurzaamheid", "educatie", "energie", "erfgoed",
    "film", "fonds", "fondsen", "functie", "gedrag", "handboek", "jaar", "kaart", "kinder",
    "klimaat", "kunst", "leden", "loon", "lucht", "museum", "norm", "open", "pas", "prijs",
    "register", "scan", "tabel", "tentoonstelling", "toegankelijkheid", "veiligheid", "verklaring",
    "werving", "zilver",
]  # fmt: skip

_NON_WORD = re.compile(r"[^a-z0-9]+")
_APOSTROPHE_S = re.compile(r"(\w)['’]s\b")
VOWELS = frozenset("aeiou")


def fold(text):
    """Lower case, accents folded, ``'s`` plurals joined, anything but letters and digits a space."""
    text = unicodedata.normalize("NFKD", str(text or ""))
    text = "".join(char for char in text if not unicodedata.combining(char)).lower()
    text = _APOSTROPHE_S.sub(r"\1s", text)
    return " ".join(_NON_WORD.sub(" ", text).split())


def words(text):
    """The folded words of ``text``."""
    return fold(text).split()


def _synonym_index():
    index = {}
    for group in SYNONYMS:
        for word in group:
            index.setdefault(word, set()).update(group)
    return index


_SYNONYMS_OF = _synonym_index()


def synonyms(word):
    """The words of every synonym group of ``word`` (not ``word`` itself)."""
    return _SYNONYMS_OF.get(word, set()) - {word}


def _is_short_vowel_end(stem):
    """``tabel``, ``pas``: one vowel before one final consonant (its plural doubles the consonant)."""
    return (
        len(stem) >= 3
        and stem[-1] not in VOWELS
        and stem[-2] in VOWELS
        and stem[-3] not in VOWELS
        and stem[-1] not in "wxy"
    )


def forms(word):
    """Other forms of ``word``: Dutch plurals and inflections both ways, and English plurals.

    Deliberately generous: a form no page uses finds nothing and costs nothing."""
    if len(word) < 3 or word.isdigit():
        return set()
    found = set()
    # From a plural or an inflected form back to the word.
    if word.endswith("en") and len(word) > 4:
        base = word[:-2]
        found.add(base)
        if len(base) >= 2 and base[-1] == base[-2] and base[-1] not in VOWELS:
            found.add(base[:-1])  # passen -> pas, tabellen -> tabel
        if base.endswith("z"):
            found.add(base[:-1] + "s")  # prijzen -> prijs
        if base.endswith("v"):
            found.add(base[:-1] + "f")  # brieven -> brief
        if _is_short_vowel_end(base):
            found.add(base[:-2] + base[-2] * 2 + base[-1])  # betalen -> betaal
    if word.endswith("e") and len(word) > 4:
        base = word[:-1]
        found.add(base)  # tijdelijke -> tijdelijk
        if base.endswith("z"):
            found.add(base[:-1] + "s")
        if _is_short_vowel_end(base):
            found.add(base[:-2] + base[-2] * 2 + base[-1])  # duurzame -> duurzaam
    if word.endswith("s") and len(word) > 4:
        found.add(word[:-1])  # museums -> museum, pijlers -> pijler
        if word.endswith("ies"):
            found.add(word[:-3] + "y")  # galleries -> gallery
    if word.endswith("a") and len(word) > 4:
        found.add(word[:-1] + "um")  # musea -> museum
    # From the word to its plural and inflected forms.
    found.update({word + "s", word + "en", word + "e"})
    if word.endswith("um"):
        found.add(word[:-2] + "a")  # museum -> musea
    if word.endswith("y"):
        found.add(word[:-1] + "ies")
    if word.endswith("s"):
        found.add(word[:-1] + "zen")  # prijs -> prijzen
    if word.endswith("f"):
        found.add(word[:-1] + "ven")
    if _is_short_vowel_end(word):
        found.update({word + word[-1] + "en", word + word[-1] + "e"})  # pas -> passen
    double = re.search(r"([^aeiou])(aa|ee|oo|uu)([^aeiou])$", word)
    if double:
        open_form = word[: double.start(2)] + double.group(2)[0] + double.group(3)
        found.update({open_form + "en", open_form + "e"})  # duurzaam -> duurzame
    found.discard(word)
    return found


@dataclass
class Term:
    """One word of a query with everything that may stand for it, and how much each counts."""

    typed: str
    weights: dict = field(default_factory=dict)  # alternative -> weight

    def add(self, words_, weight):
        for word in words_:
            if word and weight > self.weights.get(word, 0):
                self.weights[word] = weight

    def as_typed(self):
        """This term with only the word as typed, its forms and their spellings on the site."""
        return Term(self.typed, {word: weight for word, weight in self.weights.items() if weight >= FORM})

    @property
    def alternatives(self):
        """Every alternative, what was typed first, then by weight (a stable order)."""
        return sorted(self.weights, key=lambda word: (-self.weights[word], word != self.typed, word))


class Vocabulary:
    """The words of the site (folded), each with the spellings it takes on the pages."""

    def __init__(self, spellings):
        self.spellings = spellings  # folded word -> {spellings as written, lower case}
        self._sorted = sorted(spellings)

    @classmethod
    def from_texts(cls, texts):
        spellings = {}
        for text in texts:
            for raw in re.split(r"[\W_]+", str(text or "").lower()):
                if len(raw) < 2:
                    continue
                folded = fold(raw).replace(" ", "")
                if folded:
                    spellings.setdefault(folded, set()).add(raw)
        return cls(spellings)

    def __contains__(self, word):
        return word in self.spellings

    def containing(self, part):
        """Words longer than ``part`` that contain it (its compounds), the shortest first."""
        if len(part) < MIN_PREFIX:
            return []
        if len(part) < MIN_COMPOUND_PART:
            found = [word for word in self._sorted if word.startswith(part) and word != part]
        else:
            found = [word for word in self._sorted if part in word and word != part]
        return sorted(found, key=lambda word: (len(word), word))[:MAX_COMPOUNDS]

    def closest(self, word):
        """Known words spelled almost like ``word`` (a mistyped word), the closest first."""
        return difflib.get_close_matches(word, self._sorted, n=3, cutoff=CORRECTION_CUTOFF)

    def accented(self, word):
        """How ``word`` (folded) is written on the pages, when that differs."""
        return {spelling for spelling in self.spellings.get(word, ()) if spelling != word}


EMPTY_VOCABULARY = Vocabulary({})


def query_words(query):
    """The words of ``query`` that carry its meaning: folded, phrases joined, stop words dropped
    (unless nothing else is left), no repeats."""
    text = " " + fold(query) + " "
    for phrase, replacement in PHRASES.items():
        text = text.replace(" " + phrase + " ", " " + replacement + " ")
    all_words = text.split()
    meaningful = [word for word in all_words if word not in STOP_WORDS] or all_words
    return list(dict.fromkeys(meaningful))


def expand(query, vocabulary=EMPTY_VOCABULARY, found=None):
    """The terms of ``query``, each with its weighted alternatives.

    ``found(words)`` says whether the search finds any of ``words``; a word the vocabulary does
    not know is corrected only when it finds nothing as it is (``leiden`` is a city in the
    pages' text, not a mistyped ``leden``)."""
    terms = []
    for word in query_words(query):
        term = Term(word)
        term.add([word], TYPED)
        term.add(forms(word), FORM)
        related = synonyms(word)
        for form in forms(word):
            related |= synonyms(form)
        term.add(related, SYNONYM)
        if vocabulary.spellings:
            if (
                word not in vocabulary
                and len(word) >= MIN_CORRECTION
                and not vocabulary.containing(word)
                and not (found and found(term.alternatives))
            ):
                term.add(vocabulary.closest(word), CORRECTION)
            for alternative in [word, *sorted(synonyms(word))]:
                term.add(vocabulary.containing(alternative), COMPOUND)
            for alternative in list(term.weights):
                term.add(vocabulary.accented(alternative), term.weights[alternative])
        terms.append(term)
    return terms
