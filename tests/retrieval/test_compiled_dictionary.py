"""The dictionary compiled for the corpus (issue 15: cold start below jieba's own): queries cut with it find what
they find with jieba's full dictionary, on every retrieval set."""
from pathlib import Path

import pytest

from conftest import DEV

from retrieval import tokenize
from retrieval.evaluate import evaluate, load_questions
from retrieval.index import cache_dir, corpus_key, load_index

SETS = [DEV / "retrieval_dev.jsonl"] + [Path(__file__).parent.parent / "data" / f"{name}.jsonl" for name in
                                        ("retrieval_public", "retrieval_lay", "retrieval_extra", "retrieval_unseen")]


def test_a_cache_hit_cuts_queries_with_the_compiled_dictionary():
    load_index()
    compiled = cache_dir() / f"jieba-{corpus_key()}.marshal"
    assert compiled.exists()  # written with the index
    assert compiled.stat().st_size < 4_000_000


@pytest.mark.parametrize("path", SETS, ids=lambda p: p.stem)
def test_every_retrieval_set_scores_the_same_with_the_compiled_dictionary(path):
    if not path.exists():
        pytest.skip(f"{path} is not here")
    load_index()
    questions = load_questions(path)
    compiled = cache_dir() / f"jieba-{corpus_key()}.marshal"
    try:
        tokenize.use_compiled(None)
        full = evaluate(questions)
        tokenize.use_compiled(compiled)
        fast = evaluate(questions)
    finally:
        tokenize.use_compiled(compiled)
    for k in ("hit@1", "hit@3", "hit@5"):
        assert fast[k] >= full[k], (k, fast[k], full[k])


def test_the_compiled_dictionary_cuts_the_corpus_as_the_full_one(tmp_path, monkeypatch):
    """Queries are cut with a dictionary compiled for the corpus (fast to load); on every text the index was built
    from it gives exactly the full dictionary's tokens, and it is much smaller."""
    from retrieval import index, tokenize

    tokenize.use_compiled(None)
    tokenize.RECORDING.append([])
    try:
        index._build()
    finally:
        texts = tokenize.RECORDING.pop()
    assert len(texts) > 500
    path = tmp_path / "compiled.marshal"
    with open(path, "wb") as f:
        tokenize.compile_dictionary(texts, f)
    compiled, full = tokenize.compiled_tokenizer(path), tokenize.full_tokenizer()
    for text in texts:
        assert tokenize.tokens(text, tokenizer=compiled) == tokenize.tokens(text, tokenizer=full), text[:60]
    assert len(compiled.FREQ) < len(full.FREQ) / 4
    assert compiled.total == full.total
    # a question's word holding a corpus word is known, so search mode still yields the corpus word inside it
    assert tokenize.tokens("啥时候开始实施", tokenizer=compiled) == tokenize.tokens("啥时候开始实施", tokenizer=full)
