"""The dictionary compiled for the corpus (issue 15: cold start below jieba's own): queries cut with it find what
they find with jieba's full dictionary, on every retrieval set."""
from pathlib import Path

import pytest

from conftest import DEV

from retrieval import tokenize
from retrieval.evaluate import evaluate, load_questions
from retrieval.index import corpus_key, load_index

SETS = [DEV / "retrieval_dev.jsonl"] + [Path(__file__).parent.parent / "data" / f"{name}.jsonl" for name in
                                        ("retrieval_public", "retrieval_lay", "retrieval_extra", "retrieval_unseen")]


def test_the_compiled_dictionary_is_written_with_the_index_and_used_on_a_hit(tmp_path, monkeypatch):
    from retrieval import index

    monkeypatch.setenv("POLICYBOT_CACHE", str(tmp_path))  # a cache of its own: other processes share the suite's
    index._load.cache_clear()
    try:
        load_index()  # a build: the full dictionary cuts the corpus, and compiles the small one
        compiled = tmp_path / f"jieba-{corpus_key()}.marshal"
        assert compiled.exists() and compiled.stat().st_size < 4_000_000
        assert tokenize.COMPILED.get("path") is None  # this process built with the full one
        index._load.cache_clear()
        load_index()  # a hit: queries are cut with the compiled one
        assert tokenize.COMPILED["path"] == compiled
    finally:
        index._load.cache_clear()
        tokenize.use_compiled(None)


@pytest.fixture(scope="module")
def compiled(tmp_path_factory):
    """The dictionary compiled for this corpus, in a file of this module's (the suite's shared cache can be
    rewritten by another process with another corpus)."""
    from retrieval import index

    tokenize.use_compiled(None)
    tokenize.RECORDING.append([])
    try:
        index._build()
    finally:
        texts = tokenize.RECORDING.pop()
    path = tmp_path_factory.mktemp("compiled") / "compiled.marshal"
    with open(path, "wb") as f:
        tokenize.compile_dictionary(texts, f)
    return path, texts


@pytest.mark.parametrize("path", SETS, ids=lambda p: p.stem)
def test_every_retrieval_set_scores_the_same_with_the_compiled_dictionary(path, compiled):
    compiled = compiled[0]
    if not path.exists():
        pytest.skip(f"{path} is not here")
    load_index()
    questions = load_questions(path)
    try:
        tokenize.use_compiled(None)
        full = evaluate(questions)
        tokenize.use_compiled(compiled)
        assert tokenize._jieba() is not tokenize.full_tokenizer()  # really cut with the compiled one
        fast = evaluate(questions)
    finally:
        tokenize.use_compiled(None)
    for k in ("hit@1", "hit@3", "hit@5"):
        assert fast[k] >= full[k], (k, fast[k], full[k])


def test_the_compiled_dictionary_cuts_the_corpus_as_the_full_one(compiled):
    """Queries are cut with a dictionary compiled for the corpus (fast to load); on every text the index was built
    from it gives exactly the full dictionary's tokens, and it is much smaller."""
    path, texts = compiled
    assert len(texts) > 500
    compiled, full = tokenize.compiled_tokenizer(path), tokenize.full_tokenizer()
    for text in texts:
        assert tokenize.tokens(text, tokenizer=compiled) == tokenize.tokens(text, tokenizer=full), text[:60]
    assert len(compiled.FREQ) < len(full.FREQ) / 4
    assert compiled.total == full.total
    # a question's word holding a corpus word is known, so search mode still yields the corpus word inside it
    assert tokenize.tokens("啥时候开始实施", tokenizer=compiled) == tokenize.tokens("啥时候开始实施", tokenizer=full)
