import pytest

from communique.extract.sentences import label_before, split_sentences, table_cell


def test_sentences_split_keeps_only_sentences_that_may_hold_figures() -> None:
    text = "Good afternoon. Trade reached $5 billion. Thank you!\nWe have seven branches."
    assert [text[s:e] for s, e in split_sentences(text)] == [
        "Trade reached $5 billion.",
        "We have seven branches.",
    ]


def test_sentences_a_page_break_inside_a_sentence_does_not_split_it() -> None:
    text = "About 60,000 students are studying at Russian\n\nuniversities."
    assert [text[s:e] for s, e in split_sentences(text)] == [text]


def test_sentences_table_cell_gives_row_label_and_column_header() -> None:
    text = (
        "| Indicator | 2022 | 2023 |\n|---|---|---|\n"
        "| Bilateral trade | $24.1 billion | $31.5 billion |"
    )
    found = table_cell(text, text.index("$31.5"))
    assert found is not None
    (start, end), header = found
    assert (text[start:end], header) == ("Bilateral trade", "2023")


@pytest.mark.parametrize(
    ("line", "label"),
    [
        ("- Kazakhstani students in China: over 3,500.", "Kazakhstani students in China"),
        ("Number of enterprises: about 4,700.", "Number of enterprises"),
        ("Trade grew by 5 percent.", None),
    ],
)
def test_sentences_label_before_a_figure(line: str, label: str | None) -> None:
    found = label_before(line, len(line) - 3)
    assert (line[found[0] : found[1]] if found else None) == label


def test_sentences_a_wrapped_line_may_begin_with_a_decimal() -> None:
    # "6.4" opens no numbered item ("6." would), so the wrapped sentence goes on
    text = (
        "My predecessor lost jobs in the entirety of his administration.  Unemployment, "
        "when I was sworn in, was at\n6.4 percent. In the 12 months ahead we will work on\n"
        "1. Trade reached $5 billion."
    )
    found = [text[s:e] for s, e in split_sentences(text)]
    assert found[0] == "Unemployment, when I was sworn in, was at\n6.4 percent."
    assert found[-1] == "Trade reached $5 billion."  # a numbered item still starts anew
    assert found[1] == "In the 12 months ahead we will work on"


def test_sentences_markdown_emphasis_does_not_hide_a_break() -> None:
    text = "When he came into office, there was uncertainty. ***Unemployment was at 6.1% in March."
    assert [text[s:e] for s, e in split_sentences(text)] == [
        "***Unemployment was at 6.1% in March."
    ]
