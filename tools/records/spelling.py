"""How a question's words are read before its shape and targets: misspellings, text-speak, dictation.

People type on portals, dictate through phones and write in a second language; a word the record does not
know would otherwise be named back as a thing the record lacks. Here every such word is read as the one it
stands for, and the answer says so (``read_as``): a one- or two-edit misspelling of a clinical word, a word
dictated in two pieces, a misspelt everyday or shape word, text-speak, British spellings, numbers said in
words, a verb made from a clinical noun. ``record_words`` is the clinical vocabulary these readings aim at
(the record's own names and the lexicon's words); ``is_english`` the one dictionary check; ``without_fillers``
drops the everyday words that named nothing.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Any

from carepath.tools.records import lexicon
from carepath.tools.records.manifest import Manifest


TYPO_MIN_LENGTH = 5


def record_words(m: Manifest) -> frozenset[str]:
    """The clinical words a question may mean: this record's names and the lexicon's own words
    (alphabetic tokens, question words excluded)."""
    words = {t for c in m.concepts for n in c.names for t in lexicon.tokens(n)}
    words |= {t for phrase, targets in lexicon.SYNONYMS.items() for x in (phrase, *targets) for t in lexicon.tokens(x)}
    words |= set(lexicon.TYPE_TOKENS)
    return frozenset(w for w in words if w.isalpha()) - lexicon.STOP


def _vocabulary(m: Manifest) -> set[str]:
    """The words a typo is corrected towards: five letters or more."""
    return {w for w in record_words(m) if len(w) >= TYPO_MIN_LENGTH}


_DORIC_WHAT = re.compile(r"\bfit(?='s\b|\u2019s\b| (is|was|are|wis|did|dae)\b)", re.I)
_U_AND_E = re.compile(r"\bu\s*(&|and|\+)\s*es?\b|\bf\s*/\s*u\b", re.I)  # "F/U" is a follow-up


def respelled(question: str, m: Manifest, english: bool = False) -> tuple[str, dict[str, str]]:
    """(the question with its misspelt clinical words corrected, {typo: word read}).

    Patients type on a portal ("potasium", "tetnus"); a misspelt word matches nothing, and the
    answer would say the record does not hold it. A word of five or more letters that neither
    the record, the lexicon nor an English dictionary (pyspellchecker) knows, one edit
    (Damerau-Levenshtein) from exactly one clinical word with the same first letter, is read as
    that word. English words ("dads", "sinus") are changed only with ``english`` (autocorrect's
    "station" for statin, tried when nothing else matched)."""
    vocab = _vocabulary(m)
    out: dict[str, str] = {w: TEXTSPEAK[w] for w in re.findall(r"[a-z0-9]+", question.lower()) if w in TEXTSPEAK}
    if _U_AND_E.search(question):
        out.pop("u", None)  # "U&Es" is urea and electrolytes and "f/u" a follow-up, not "you"
    out |= _uninflected(question, m) | spoken_numbers(question) | _stretched(question) | _non_rhotic(question)
    out |= _g_dropped(question, vocab) | _h_dropped(question)
    if re.search(r"\brn\b", question):  # a text's lower-case "rn" is "right now" ("RN" is a nurse)
        out["rn"] = "right now"
    if _DORIC_WHAT.search(question):  # Doric "fit's he takin?" is "what's he taking?" ("is he fit" is not)
        out["fit"] = "what"
    if re.search(r"\bfit like\b", question, re.I):  # the Doric greeting ("how are you?") asks nothing
        out["fit like"] = "hello"
    out |= _rejoined(question, vocab) | _shape_typos(question, vocab)
    eponyms = {mt[1].lower() for mt in _EPONYM.finditer(question)}  # "Crohn's" is no typo of "crown"
    for word in dict.fromkeys(re.findall(r"[a-z]+", question.lower())):
        if word in out or any(word in k.split() for k in out) or word in eponyms:
            continue
        if (len(word) < TYPO_MIN_LENGTH or word in vocab or set(lexicon.tokens(word)) <= vocab
                or word in lexicon.STOP or word in lexicon.GENERIC):
            continue
        if (us := _american(word)) != word and set(lexicon.tokens(us)) <= vocab:  # "orthopaedic" is English, and the record's word
            out[word] = us
            continue
        if not is_english(word) and (plain := _plain_word(word)):  # "sinse 2014" is since, not "sinuses": a frequent word that names nothing
            out[word] = plain
            continue
        near = {w for w in vocab if w[0] == word[0] and abs(len(w) - len(word)) <= 1 and _one_edit(word, w)}
        if not near and (english or not is_english(word)) and (plural := _plural_typo(word, vocab)):
            # "vacinations": the plural of a misspelt word ("stations" stays English unless ``english``)
            out[word] = plural
            continue
        if len(near) > 1:  # "weigth": weight (two letters swapped) before weigh (one dropped)
            near = {w for w in near if len(w) == len(word)} if sum(len(w) == len(word) for w in near) == 1 else near
        if len(near) == 1 and (english or not is_english(word)):
            out[word] = near.pop()
        elif not near and (close := _two_edits(word, vocab)):
            out[word] = close
        elif not near and not _truncated(word, vocab) and (plain := _everyday(word)):
            out[word] = plain
    for typo, word in out.items():  # an apostrophe at either end ("'ad", "an'") is part of the word
        left = r"\b" if typo[0].isalnum() else r"(?<![\w'\u2019])"
        right = r"\b" if typo[-1].isalnum() else r"(?![\w'\u2019])"
        question = re.sub(left + re.escape(typo).replace("'", "['\u2019]") + right, word, question, flags=re.I)
    return question, out


_NUMBER_WORD = (r"(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|"
                r"sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|"
                r"hundred|thousand)")
_SPOKEN_NUMBER = re.compile(rf"\b{_NUMBER_WORD}(?:(?: and| point)? {_NUMBER_WORD})+\b", re.I)


def spoken_numbers(question: str) -> dict[str, str]:
    """{"twenty fifteen": "2015", "six point five": "6.5"}: a voice assistant writes numbers as words, and
    a year or a threshold said that way must be read as the number. Only runs of two or more number words
    are read (a lone "one" is a pronoun: "the 13 one"), by Whisper's English number normaliser from
    transformers (kept by Hugging Face; it reads years, decimals and "one hundred and ten"), and kept only
    when the whole run became one number ("two and three" stays as said)."""
    runs = [m.group(0) for m in _SPOKEN_NUMBER.finditer(question)]
    if not runs:
        return {}
    # lazy: transformers takes a second to import, and only a question saying a number in words needs it
    from transformers.models.whisper.english_normalizer import EnglishNumberNormalizer

    read = EnglishNumberNormalizer()
    return {run.lower(): n for run in runs if re.fullmatch(r"\d+(\.\d+)?", n := read(run.lower()).strip())}


def _stretched(question: str) -> dict[str, str]:
    """{"sooo": "so", "hiiigh": "high"}: a letter typed three or more times for emphasis, read as the word
    with it once (or twice, when only that is English: "coool" is "cool")."""
    out: dict[str, str] = {}
    for word in {m.group(0) for m in re.finditer(r"\b[a-z]*([a-z])\1\1[a-z]*\b", question.lower())}:
        once, twice = re.sub(r"([a-z])\1{2,}", r"\1", word), re.sub(r"([a-z])\1{2,}", r"\1\1", word)
        out[word] = once if is_english(once) or not is_english(twice) else twice
    return out


def _non_rhotic(question: str) -> dict[str, str]:
    """{"wheah": "where", "fathah": "father", "doctah": "doctor"}: an r-dropping accent (Boston, New York,
    much of England) written as it sounds. A word no English dictionary knows, whose "ah" read as "er",
    "re", "or" or "ar" is an English word, is read as the commonest such word. A capitalised word inside a
    sentence is a name ("Leah", "Micah") and is left alone."""
    out: dict[str, str] = {}
    names = {m[1].lower() for m in re.finditer(r"(?<=[a-z,] )([A-Z][a-z]*ah[a-z]*)\b", question)}
    for word in set(re.findall(r"\b[a-z]*ah[a-z]*\b", question.lower())) - names:
        if len(word) < 4 or is_english(word):
            continue
        spots = [m.start() for m in re.finditer("ah", word)]
        found = {w for i in spots for r in ("er", "re", "or", "ar") if is_english(w := word[:i] + r + word[i + 2:])}
        if found:
            out[word] = max(sorted(found), key=lambda w: speller().word_frequency[w])
    return out


G_DROPPED_RATIO = 50  # "taking" is far commoner than "takin" (an antelope)


def _g_dropped(question: str, vocab: set[str]) -> dict[str, str]:
    """{"takin": "taking", "lookin'": "looking", "nothin": "nothing"}: the dropped g of "-ing" written as
    said (Scots, Appalachian, Southern US, much of England). A word of five letters or more ending in
    "in", whose "-ing" form is a word English uses at least G_DROPPED_RATIO times as often, is read as
    that form ("protein", "insulin", "aspirin" have no such form; "thin" is too short to be read). A word
    the record or the lexicon knows ("statin", not "stating") is left alone."""
    freq = speller().word_frequency
    out: dict[str, str] = {}
    for word in set(re.findall(r"\b[a-z]{3,}in\b", question.lower())):
        if len(word) >= 5 and word not in vocab and freq[word + "g"] >= max(1, G_DROPPED_RATIO * freq[word]):
            out[word] = word + "g"
    return out


def _h_dropped(question: str) -> dict[str, str]:
    """{"'e": "he", "'ad": "had", "an'": "and"}: a dropped h (or d) written with its apostrophe (Cockney,
    Yorkshire, Scouse, much of England): the word with its "h" put back, when that is an English word at
    least G_DROPPED_RATIO times as common; "an'" is "and"."""
    freq = speller().word_frequency
    out = {w.lower(): "h" + w[1:].lower() for w in re.findall(r"(?<![\w'\u2019])['\u2019][a-z]+\b", question, re.I)
           if freq["h" + w[1:].lower()] >= max(1, G_DROPPED_RATIO * freq[w[1:].lower()])}
    if re.search(r"\ban['\u2019](?!\w)", question, re.I):
        out["an'"] = "and"
    return out


def _uninflected(question: str, m: Manifest) -> dict[str, str]:
    """{inflected word: its stem} for verbs made of a clinical noun ("had my bones scanned" -> "scan",
    "x-rayed" -> "x-ray"): the record and the lexicon name the thing ("Bone density scan"), the asker
    says what was done to him. A word the record or the lexicon knows as it stands is left alone."""
    words = {t for c in m.concepts for n in c.names for t in lexicon.tokens(n)}
    words |= {t for w in (*lexicon.SYNONYMS, *lexicon.TYPE_WORDS) for t in lexicon.tokens(w)}
    words = {w for w in words if len(w) >= 3 and w.isalpha()} - lexicon.STOP - lexicon.GENERIC
    out: dict[str, str] = {}
    for word in dict.fromkeys(re.findall(r"[a-z]+", question.lower())):
        suffix = next((x for x in ("ed", "ing") if word.endswith(x) and len(word) - len(x) >= 3), None)
        if suffix is None or word in words or word in lexicon.STOP or word in lexicon.GENERIC:
            continue
        stem = word[: -len(suffix)]
        stems = (stem, stem[:-1] if len(stem) > 3 and stem[-1] == stem[-2] else stem, stem + "e")
        hit = next((x for x in stems if x in words), None)
        if hit:
            out[word] = hit
    return out


# a carer or relative texting: the short forms of a text message, read as the words they stand for
TEXTSPEAK = {"hw": "how", "wot": "what", "wat": "what", "wen": "when", "wer": "where", "evr": "ever",
             "hav": "have", "hv": "have", "pls": "please", "plz": "please", "atm": "now", "u": "you", "n": "and",
             "b4": "before", "sumthin": "something", "anythin": "anything", "nething": "anything",
             "bday": "birthday", "b day": "birthday", "whens": "when", "smth": "something", "sth": "something", "meds": "meds", "wk": "week", "yr": "year", "yrs": "years", "dr": "doctor", "docs": "doctors",
             "tym": "time", "bin": "been", "iz": "is", "mny": "many", "tyms": "times", "hz": "has", "doc": "doctor", "hiz": "his", "hite": "height", "wate": "weight", "2day": "today",
             # Gullah and Caribbean English as written ("wen was de las' one")
             "de": "the", "las": "last",
             # Scots words for question words (Dictionary of the Scots Language, dsl.ac.uk): "hoo mony times"
             "tae": "to", "mony": "many", "hoo": "how", "whit": "what", "wis": "was", "hae": "have",
             "didnae": "did not", "hasnae": "has not", "disnae": "does not", "isnae": "is not", "noo": "now", "whan": "when"}
# Spanish and French question and order words said between English ones ("cuándo fue su última flu
# shot", "son dernier vaccin"); accents are gone before this is read (``unaccented``)
TEXTSPEAK |= {"cuando": "when", "ultima": "last", "ultimo": "last", "primera": "first", "primero": "first",
              "cuantas": "how many", "cuantos": "how many", "cuanto": "how much", "donde": "where",
              "quand": "when", "dernier": "last", "derniere": "last", "premier": "first", "premiere": "first",
              "combien": "how many"}
TEXTSPEAK |= {"1st": "first", "2nd": "second", "3rd": "third"}  # "RDW 1st vs last?"
TEXTSPEAK = {k: v for k, v in TEXTSPEAK.items() if k != v}

# British spellings of clinical words: the American form US Core records use
_BRITISH = ((r"ae", "e"), (r"oe", "e"), (r"our$", "or"), (r"tre$", "ter"), (r"ise$", "ize"), (r"isation$", "ization"))


def _american(word: str) -> str:
    """The American spelling of a British clinical word ("orthopaedic" -> "orthopedic",
    "oesophagus" -> "esophagus", "tumour" -> "tumor"); used only when the record or the lexicon
    knows the result, so an ordinary English word is never changed."""
    for pattern, repl in _BRITISH:
        word = re.sub(pattern, repl, word)
    return word


EVERYDAY_MIN = 1_000  # pyspellchecker counts: "doctors" 53,073, "allergies" 1,513, "tablets" 2,843


def _rejoined(question: str, vocab: set[str]) -> dict[str, str]:
    """{"colon oscopy": "colonoscopy"}: dictation that splits a long clinical word in two; the two
    words are read as one when together they are exactly a clinical word of seven letters or more and
    one of them is no word at all ("med rec last" is not Reclast)."""
    words = re.findall(r"[a-z]+", question.lower())
    return {f"{a} {b}": a + b for a, b in zip(words, words[1:]) if len(a + b) >= 7 and a + b in vocab
            and a not in lexicon.STOP and b not in lexicon.STOP and any(w not in vocab and w not in lexicon.STOP and not is_english(w) for w in (a, b))}


_SHAPE_WORDS = ("highest", "lowest", "latest", "earliest", "recent", "level", "result", "value")


def _shape_typos(question: str, vocab: set[str]) -> dict[str, str]:
    """{"hiest": "highest", "levle": "level"}: a misspelt word that says what is asked of a result; these
    are not clinical words, so the clinical typo rule never reaches them. A word no English dictionary
    knows and the record and the lexicon do not use, within two edits of exactly one of them."""
    from rapidfuzz.distance import DamerauLevenshtein  # heavy: see _one_edit

    out: dict[str, str] = {}
    for word in dict.fromkeys(re.findall(r"[a-z]+", question.lower())):
        if (len(word) < 4 or word in _SHAPE_WORDS or word in lexicon.STOP or word in vocab
                or word in lexicon.SYNONYMS or is_english(word)):  # "lytes" is the electrolytes, not "latest"
            continue
        near = [w for w in _SHAPE_WORDS if DamerauLevenshtein.distance(word, w) <= 2 and w[0] == word[0]]
        if len(near) == 1:
            out[word] = near[0]
    return out


def _truncated(word: str, vocab: set[str]) -> bool:
    """"trigs", "chol": the start of a clinical word, shortened on purpose (see ``_truncations``)."""
    stem = word[:-1] if word.endswith("s") else word
    return any(v.startswith(stem) and v != stem for v in vocab)


def _everyday(word: str) -> str | None:
    """A misspelt everyday word ("docters", "manny", "alergies", "hospitel") read as the English word one edit
    away, when no clinical word is that close: it then meets the lexicon's own words (doctor, allergy)
    instead of being named back as a thing the record lacks."""
    english = speller()
    if word in english:
        return None
    fixed = english.correction(word)
    return fixed if fixed and fixed != word and english.word_frequency[fixed] >= EVERYDAY_MIN else None


TWO_EDIT_ENGLISH_MAX = 1_000  # pyspellchecker counts: "creatine" 124, "imagining" 10,946


def _two_edits(word: str, vocab: set[str]) -> str | None:
    """A long lab or procedure name heard rather than read ("creatine" for creatinine,
    "triglycerines" for triglycerides): seven letters or more, two edits from exactly one clinical
    word that begins with the same four letters and ends with the same letter (a plural -s set
    aside). English words count too here ("creatine" is one), because the record and the lexicon
    do not know the word, so it can mean nothing else in this record."""
    from rapidfuzz.distance import DamerauLevenshtein  # heavy: see _one_edit

    stem = word[:-1] if word.endswith("s") and len(word) > 7 else word
    if len(stem) < 7 or speller().word_frequency[word] >= TWO_EDIT_ENGLISH_MAX:
        return None  # "imagining" is not imaging: an everyday word means itself
    near = {w for w in vocab if len(w) >= 7 and w[:4] == stem[:4] and w[-1] == stem[-1]
            and DamerauLevenshtein.distance(stem, w) <= 2}
    return near.pop() if len(near) == 1 else None


def _plural_typo(word: str, vocab: set[str]) -> str | None:
    """"vacinations" -> "vaccinations": a plural whose singular is one edit from exactly one clinical word
    (the vocabulary holds singular tokens), spelt back in the plural."""
    stem = word[:-1] if word.endswith("s") and not word.endswith("ss") else ""
    if len(stem) < TYPO_MIN_LENGTH or stem in vocab:
        return None
    near = [w for w in vocab if w[0] == stem[0] and abs(len(w) - len(stem)) <= 1 and _one_edit(stem, w)]
    return near[0] + "s" if len(near) == 1 else None


def _plain_word(word: str) -> str | None:
    """The one frequent word that names nothing ("since", "which", "every": the lexicon's stop words at
    ``FILLER_FREQUENCY`` or more) a misspelt word is one edit from, with the same first letter: read before
    any clinical word one edit away, because these carry the question's grammar (a window's "since")."""
    english = speller()
    near = [w for w in lexicon.STOP if len(w) >= TYPO_MIN_LENGTH and w[0] == word[0] and abs(len(w) - len(word)) <= 1
            and english.word_frequency[w] >= FILLER_FREQUENCY and _one_edit(word, w)]
    return near[0] if len(near) == 1 else None


FILLER_FREQUENCY = 100_000  # pyspellchecker's English counts: "put", "every", "part", "reason" ... are above


EVERYDAY_VERB_FREQUENCY = 1_000  # "billed" (1,154), "doing": common verbs; "intubated" (0), "transfused" (169) are not


def everyday(word: str) -> bool:
    """A word that names nothing a record could hold: among the most frequent English words ("put",
    "every"), an English noun whose commonest sense is a person, a group, a place or a time ("gentleman",
    "chaplain", "member", "household": who asks and for whom; WordNet's lexicographer files,
    ``wordnet.CIRCUMSTANCE``), or a common English verb that is no noun ("billed"). Clinical words are
    rarer, and their commonest sense is a state, an act, a substance or a body part ("asthma", "snore",
    "thinners", "knee"); a word no English dictionary knows (a typo, a rare term) and a word of three
    letters or fewer (an abbreviation) are never everyday."""
    from carepath.knowledge import wordnet  # heavy: WordNet's index files (~0.3 s), only on this fallback

    freq = speller().word_frequency[word]
    if freq >= FILLER_FREQUENCY:
        return True
    if not freq or len(word) < 4:  # "CT" is Connecticut to WordNet: a short word may be an abbreviation
        return False
    kind = wordnet.noun_class(word)
    if kind is not None:
        return kind in wordnet.CIRCUMSTANCE
    return freq >= EVERYDAY_VERB_FREQUENCY and wordnet.verb_only(word)


# other languages a relative writes in between English words ("Después de lo del hombro ... Cuándo terminó
# ese care plan"): pyspellchecker's word lists (from OpenSubtitles) for Spanish, French, Italian, Portuguese
# and German; only each language's FOREIGN_TOP most frequent words (function words, everyday verbs and
# nouns), so a rarer foreign clinical word ("insulina") is never read past
FOREIGN_LANGUAGES = ("es", "fr", "it", "pt", "de")
FOREIGN_TOP = 3000


@lru_cache(maxsize=1)
def _foreign_common() -> frozenset[str]:
    # heavy: five word-frequency lists (~3 s), only when nothing in a question matched the record
    from spellchecker import SpellChecker

    out: set[str] = set()
    for lang in FOREIGN_LANGUAGES:
        counts = SpellChecker(language=lang, distance=1).word_frequency.dictionary
        out |= {unaccented(w) for w, _ in sorted(counts.items(), key=lambda kv: -kv[1])[:FOREIGN_TOP]}
    return frozenset(out)


def unaccented(text: str) -> str:
    """Letters without their accents ("Cuándo terminó", "Después"): a word is read whole, not cut at
    its accented letter, and meets the record's unaccented words ("café" is "cafe")."""
    return "".join(ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch))


def foreign(word: str) -> bool:
    """A common word of another language that English does not have ("despues", "cuando", "termino")."""
    return len(word) >= 3 and not is_english(word) and word in _foreign_common()


_VOCATIVE = re.compile(r"(?:^|[.?!]\s+)\W*((?:[A-Za-z]+\s+){0,2}[A-Za-z]+)\s*[,!\u2013\u2014]")


def _vocative(word: str) -> bool:
    from carepath.knowledge import wordnet  # heavy: WordNet's index files, only on this fallback

    kind = wordnet.noun_class(word)
    return not is_english(word) or (kind is not None and kind not in wordnet.MEDICAL)


def _medical(word: str) -> bool:
    from carepath.knowledge import wordnet  # heavy: WordNet's index files, only on this fallback

    return wordnet.noun_class(word) in wordnet.MEDICAL


_EPONYM = re.compile(r"\b([A-Z][a-z]+)['\u2019]s(?=\s*(?:[?.!,;]|$)|\s+(?:disease|syndrome|disorder|palsy|sign|lymphoma|"
                    r"sarcoma|ulcer|cyst|phenomenon|dementia|anomaly|arthritis)\b)")


def without_fillers(question: str, unknown: list[str], m: Manifest) -> str:
    """The question without the everyday words that named nothing ("which body part", "put on", "past
    and present", "billed for this member"): a word the record had no match for, that neither the record
    nor the lexicon knows, and that is ``everyday`` or ``foreign``. A word the lexicon knows ("heart", "attack") is never
    dropped, so a condition the record lacks is still "not in this record"."""
    known = _vocabulary(m) | {t for c in m.concepts for n in c.names for t in lexicon.tokens(n)}
    words = [t for w in unknown for t in re.findall(r"[a-z]+", w.lower())
             if t not in known and t not in lexicon.ADMISSION_WORDS]  # "admitted" names the admissions
    # a message written partly in another language (two or more of its common words): a word neither
    # English nor the record's is that language too ("pusieron"; typos were read before this fallback),
    # and so is one of its common words that English seldom uses ("del", "la", "que")
    mixed = sum(map(foreign, set(words))) >= 2
    # "water tablets", "sleeping pills": a word before a type word names the kind; never a filler
    naming = {mt[1].lower() for mt in re.finditer(r"\b([a-z]+)\s+(?=([a-z]+))", question, re.I)
              if mt[2].lower() in lexicon.TYPE_WORDS and mt[1].lower() not in lexicon.STOP and len(mt[1]) >= 4
              and is_english(mt[1].lower()) and not foreign(mt[1].lower())}  # "the one medicine" names nothing
    # "Parkinson's disease", "does she have Alzheimer's?": an eponym names a disease, never a person who asks
    naming |= {mt[1].lower() for mt in _EPONYM.finditer(question)}
    drop = {t for t in words if t not in naming and (everyday(t) or foreign(t) or (mixed and len(t) >= 2 and (
        not is_english(t) or (t in _foreign_common() and speller().word_frequency[t] < FILLER_FREQUENCY))))}
    # "Koa, what-all illnesses ...", "Wagwan! ...", "... America. Wanem dei, what day ...": the first words of
    # a sentence (up to three) set off by a comma greet, name someone or say "what day" in another language
    # when no English dictionary knows them, or WordNet knows them only as no clinical kind of thing
    for lead in _VOCATIVE.finditer(question):
        said = lead[1].lower().split()
        if all(w in words and not _medical(w) for w in said) and any(_vocative(w) for w in said):
            drop |= set(said)
    if not drop:
        return question
    return re.sub(r"\b(" + "|".join(sorted(drop)) + r")\b", " ", question, flags=re.I)


def _one_edit(a: str, b: str) -> bool:
    # heavy: rapidfuzz, only when a question carries a word the record does not know
    from rapidfuzz.distance import DamerauLevenshtein

    return DamerauLevenshtein.distance(a, b) == 1


@lru_cache(maxsize=1)
def speller() -> Any:
    """pyspellchecker's English dictionary and word counts, loaded once and only when a question may carry
    a typo: the one source for "is this an English word" and "how common is it"."""
    # heavy: loads an English word-frequency list (~1 s), only when a question may carry a typo
    from spellchecker import SpellChecker

    return SpellChecker(distance=1)


OWN_WORD_FREQUENCY = 10_000  # pyspellchecker counts: "card" 80,937, "season" 31,702; "trig" 495, "glob" 292, "temp" 3,973


def own_word(word: str) -> bool:
    """A word common enough in English to be meant as itself, never as a clinician's shortening of a
    longer name ("card" is no "cardiac", "season" no "seasonal"; "trig" and "glob" are shortenings)."""
    return speller().word_frequency[word] >= OWN_WORD_FREQUENCY


def is_english(word: str) -> bool:
    """Whether an English dictionary (pyspellchecker) knows the word."""
    return bool(speller().known([word]))
