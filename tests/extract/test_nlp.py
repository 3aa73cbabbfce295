"""The spaCy pipeline as loaded for extraction: the components we read, on the faster BLAS."""

from __future__ import annotations

from threadpoolctl import threadpool_info

from communique.extract import nlp


def test_nlp_loads_only_the_components_read() -> None:
    assert nlp.pipeline().pipe_names == ["tok2vec", "tagger", "parser"]


def test_nlp_multiplies_on_numpy_blas_with_one_thread() -> None:
    model = nlp.pipeline()
    assert all(not model.get_pipe(name).model.ops.use_blis for name in model.pipe_names)
    blas = [pool for pool in threadpool_info() if pool["user_api"] == "blas"]
    assert blas and all(pool["num_threads"] == 1 for pool in blas)


def test_nlp_parse_keeps_order_and_reads_heads() -> None:
    docs = list(nlp.parse(["Trade grew to $24 billion.", "We signed 13 agreements."]))
    assert [d.text for d in docs] == ["Trade grew to $24 billion.", "We signed 13 agreements."]
    counted = next(t for t in docs[1] if t.text == "13")
    assert counted.head.text == "agreements"
    assert next(t for t in docs[0] if t.dep_ == "nsubj").text == "Trade"
