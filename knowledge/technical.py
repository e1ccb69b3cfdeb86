"""Technical words: the ones general English does not have.

A word is technical (levofloxacin, alteplase, thromboembolic) when the index
encoder's general-English WordPiece vocabulary needs three or more pieces for
it, as ``carepath.models.lexicon`` judges rare words for ASR. Everyday words
("states", "advises", "doctor", "tummy") are one or two pieces. Two users:
the model-answer check (a technical word must appear in the cited passage)
and abstention (a technical word of the question that the top guideline
never uses marks an on-topic question the corpus does not cover).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache

from carepath.knowledge.index import Index

TECHNICAL_PIECES = 3      # a word the encoder's general-English vocabulary splits into 3+ pieces


def technical_words(index: Index) -> Callable[[str], bool] | None:
    """The test for ``index``'s stored tokenizer; None when the index has none."""
    path = index.path / "encoder" / "tokenizer.json"
    return _piece_counter(str(path)) if path.is_file() else None


@lru_cache(maxsize=2)
def _piece_counter(path: str) -> Callable[[str], bool]:
    from tokenizers import Tokenizer  # heavy: native tokenizers library, only when words are judged

    tok = Tokenizer.from_file(path)
    tok.no_truncation()
    tok.no_padding()  # the stored tokenizer pads to the encoder's length: every word would be "technical"

    @lru_cache(maxsize=4096)
    def technical(word: str) -> bool:
        return len(word) >= 5 and len(tok.encode(word, add_special_tokens=False).tokens) >= TECHNICAL_PIECES
    return technical
