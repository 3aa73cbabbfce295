"""One regular expression for a long list of literal words, as a trie of their characters.

`re` tries the branches of an alternation one after the other at every position of the text:
with the 626 country names and demonyms that was a quarter of the time to process a real
statement. Sharing prefixes ("Russia", "Russian", "Russian Federation" →
`Russia(?:n(?: Federation)?)?`) leaves one branch per distinct next character, and a
look-ahead on the first characters lets positions that cannot start a word fail at once: the
same matches 18x faster on 4 MB of real statements (benchmarks/README.md).

Matches are those of the plain alternation sorted longest first: at any node the pattern tries
to go on before it stops, and two branches of a node never start with the same character, so
the first match found at a position is the longest word that matches there.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_Trie = dict[str, "_Trie"]
_END = ""  # a word ends at this node


def word_alternation(words: Iterable[str], *, wrapped: bool = False) -> str:
    """A pattern (to embed in a larger one) that matches exactly the `words`, longest first;
    with `wrapped`, a space in a word also matches a line break or spaces ("Russian\\n
    Federation": a name a hard-wrapped line splits)."""
    root: _Trie = {}
    firsts: set[str] = set()
    for word in words:
        if not word:
            continue
        firsts.add(word[0])
        node = root
        for char in word:
            node = node.setdefault(char, {})
        node[_END] = {}
    if not root:
        return "(?!)"  # no word: never matches
    lead = "".join(re.escape(c) for c in sorted(firsts))
    return f"(?=[{lead}])(?:{_node(root, wrapped)})"


def _node(node: _Trie, wrapped: bool) -> str:
    branches = [
        (r"\s+" if wrapped and char == " " else re.escape(char)) + _node(child, wrapped)
        for char, child in sorted(node.items())
        if char
    ]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if _END not in node:
        return body
    if len(branches) == 1:
        body = f"(?:{body})"  # the whole rest is optional, not only its last character
    return body + "?"
