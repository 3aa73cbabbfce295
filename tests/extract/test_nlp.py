"""The spaCy pipeline as loaded for extraction: the components we read, on the faster BLAS."""

from __future__ import annotations

import subprocess
import sys

from threadpoolctl import threadpool_info

from communique.extract import nlp


def spacy_version() -> str:
    from importlib.metadata import version

    return version("spacy")


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


def test_nlp_loads_the_model_without_spacys_command_line() -> None:
    """spaCy's CLI (requests, weasel...) stays unimported, and still imports when asked for."""
    probe = (
        "import sys\n"
        "from communique.extract import nlp\n"
        "nlp.pipeline()\n"
        "before = sorted(m for m in ('spacy.cli', 'requests', 'weasel') if m in sys.modules)\n"
        "import spacy, spacy.cli\n"
        "print(before, callable(spacy.cli.download), spacy.info()['spacy_version'])\n"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["[]", "True", spacy_version()]
