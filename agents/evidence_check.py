"""The gate between composer and reviewer: no sentence without evidence, and
no sentence that says more than its evidence.

A sentence survives unflagged only if it lists at least one evidence id,
every id it lists exists in the draft (a skill finding, a skill run record,
a guideline citation ``G<n>``), and — when the texts of the evidence are
given — what it states is in what it cites (``carepath.knowledge.support``): every
number with its unit, code, side, negation and clinical term, and most of its
words. Run records (``run:<skill>``) and ``request`` are not clinical
evidence: a sentence citing only those may say anything plain (a limitation),
but no number, side or clinical term the record does not hold.
Model-written sentences that fail are removed and reported; template
sentences that fail (a bug) are flagged, so nothing unsupported is ever
silently kept.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from functools import lru_cache

from pydantic import BaseModel, Field

from carepath.draft import Draft, Section, Sentence
from carepath.knowledge.support import key_terms, supports, unsupported_claims

_GUIDELINE_ID = re.compile(r"G\d+")
_MARKER = re.compile(r"\[(?:G)?(\d+)\]")
_CITE_MARK = re.compile(r"\[\s*(?:G?\d+|[a-z]+-[\w-]+|run:\w+)(?:\s*,\s*(?:G?\d+|[a-z]+-[\w-]+|run:\w+))*\s*\]")
# Word forms that name a disease, a procedure or an anatomical finding in any
# specialty, whether or not the vocabulary lists the word.
_CLINICAL_SUFFIX = re.compile(r"(itis|omas?|osis|oses|emia|aemia|ectomy|otomy|ostomy|plasty|pathy|megaly|"
                              r"algia|rrhage|rrhoea|rrhea|thorax|ectasis|trophy|stenosis|sclerosis|plegia|"
                              r"cele|oid|monia|uria|penia|cytosis|edema|oedema)$")
# Vocabulary words that are report scaffolding or units, not a clinical claim.
_GENERIC = frozenset("acute angle body canal central characterize common effect findings free ground glass "
                     "impression line process shift stripe centimeters milligrams milliliters millimeters "
                     "deciliter fraction intravenously".split())
MIN_OVERLAP = 0.5   # the share of a model sentence's other content words found in what it cites


class CheckReport(BaseModel):
    checked: int
    flagged: int
    removed: list[str] = Field(default_factory=list)


def check(draft: Draft, *, model_written: bool,
          evidence_text: Mapping[str, str] | None = None) -> tuple[Draft, CheckReport]:
    """Gate every sentence. Without ``evidence_text`` only existence and
    inline markers are checked (a caller that has no results to hand)."""
    known = set(draft.evidence_ids) | {c.evidence_id for c in draft.citations}
    checked = flagged = 0
    removed: list[str] = []
    sections: list[Section] = []
    for section in draft.sections:
        kept: list[Sentence] = []
        for s in section.sentences:
            checked += 1
            reason = _problem(s, known, evidence_text)
            if reason is None:
                kept.append(s)
            elif model_written:
                removed.append(f"{section.name}: {s.text[:160]} ({reason})")
            else:
                flagged += 1
                kept.append(s.model_copy(update={"flagged": True, "flag_reason": reason}))
        if kept:
            sections.append(section.model_copy(update={"sentences": kept}))
    warnings = list(draft.warnings) + [f"Removed unsupported sentence — {r}" for r in removed]
    out = draft.model_copy(update={"sections": sections, "warnings": warnings})
    return out, CheckReport(checked=checked, flagged=flagged, removed=removed)


def _problem(s: Sentence, known: set[str], evidence_text: Mapping[str, str] | None) -> str | None:
    missing = [e for e in s.evidence if e not in known]
    if not s.evidence:
        return "no evidence cited"
    if missing:
        return f"cites evidence that does not exist: {', '.join(missing)}"
    if bad := _marker_mismatch(s):
        return bad
    if evidence_text is not None:
        return unsupported(s, evidence_text)
    return None


def is_clinical_evidence(evidence_id: str) -> bool:
    """Skill findings and guideline citations are; run records and the request are not."""
    return not (evidence_id.startswith("run:") or evidence_id == "request")


def unsupported(s: Sentence, evidence_text: Mapping[str, str]) -> str | None:
    """Why the cited evidence does not support ``s`` (None when it does). The
    reason names what the sentence states and which ids it checked against,
    e.g. "states 2 g not in G1"."""
    text = _CITE_MARK.sub(" ", s.text)
    passage = " ".join(evidence_text.get(e, "") for e in s.evidence)
    ids = ", ".join(s.evidence)
    if not any(is_clinical_evidence(e) for e in s.evidence):
        verdict = unsupported_claims(text, passage, is_key_word=clinical_word, negation=False)
        if not verdict.supported:
            return (f"states {_what(verdict.missing_numbers + verdict.missing_terms)} but cites only "
                    f"{ids}, which is not clinical evidence")
        return None
    findings = [evidence_text.get(e, "") for e in s.evidence
                if is_clinical_evidence(e) and not _GUIDELINE_ID.fullmatch(e)]
    if findings and "not" not in key_terms(text) and all("not" in key_terms(t) for t in findings):
        # A finding is one statement: "No pneumothorax" cited for "There is a
        # pneumothorax" has every word but reverses the claim. (Guideline
        # passages are long and mix both; the word checks cover them.)
        return f"states as present what {ids} negates (not)"
    verdict = supports(text, passage, min_overlap=MIN_OVERLAP, is_key_word=clinical_word)
    if verdict.supported:
        return None
    stated = verdict.missing_numbers + verdict.missing_terms
    if stated:
        return f"states {_what(stated)} not in {ids}"
    return f"{verdict.reason.replace('the cited passage', ids)}"


def _what(items: list[str]) -> str:
    return ", ".join(items[:4]) + (" …" if len(items) > 4 else "")


def clinical_word(word: str) -> bool:
    """Whether a word names something clinical that must appear in the cited
    evidence: a word of carepath's clinical vocabulary (the radiology terms
    and the guideline corpus's specialist words, ``carepath.models.lexicon``),
    a word the general-English Whisper tokenizer splits into three or more
    pieces (as the guideline answer check and the ASR lexicon judge rarity),
    or a word with a disease/procedure suffix (-itis, -osis, -ectomy, …)."""
    w = word.lower().strip("-")
    if len(w) < 4:
        return False
    if w in _vocabulary_words() or _CLINICAL_SUFFIX.search(w):
        return True
    pieces = _pieces()
    return pieces is not None and len(w) >= 6 and pieces(w) >= 3


@lru_cache(maxsize=1)
def _vocabulary_words() -> frozenset[str]:
    # heavy: the lexicon loads the Whisper tokenizer and scans the guideline corpus once
    from carepath.models.lexicon import vocabulary

    return frozenset(w.lower() for term in vocabulary() for w in term.split() if len(w) >= 4) - _GENERIC


def _pieces() -> Callable[[str], int] | None:
    # heavy: the Whisper tokenizer (native tokenizers library) loads only when a sentence is checked
    from carepath.models.lexicon import whisper_pieces

    return whisper_pieces()


def _marker_mismatch(s: Sentence) -> str | None:
    """Inline markers like ``[2]`` in the text must be among the sentence's evidence."""
    cited = {f"G{m}" for m in _MARKER.findall(s.text)}
    extra = cited - set(s.evidence)
    if extra:
        return f"text cites {', '.join(sorted(extra))} but its evidence does not list them"
    return None
