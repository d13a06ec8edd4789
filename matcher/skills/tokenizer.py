"""The tokenizer of the skills pipeline: list items glued by punctuation split apart, and
spaCy's work cut to what the stage reads (new words' attributes, a cache across lines, one
URL pattern)."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from matcher.document import BULLET_GLYPHS

if TYPE_CHECKING:
    from spacy.language import Language


def _split_glued_punctuation(nlp: Language) -> None:
    """Split brackets, bullets and pipes glued to words ("AWS(S3)", "•Python", "SQL|Spark"),
    list items glued by slashes, semicolons or commas ("C++/Java"), and numbers glued to
    the item they number ("1.Autocad", "2)Catia")."""
    from spacy.util import compile_infix_regex, compile_prefix_regex

    extra = [rf"[()\[\]{{}}|{BULLET_GLYPHS}]"]
    # Slashes, semicolons and commas join list items written without spaces ("C#/.NET",
    # "C++/Java", "Python;SQL"); between two digits they are dates and numbers (06/2019).
    joins = [r"(?<=[^\s\d])[/;,](?=\S)", r"(?<=\S)[/;,](?=[^\s\d])"]
    infixes = [*(nlp.Defaults.infixes or ()), *extra, *joins]
    prefixes = [*(nlp.Defaults.prefixes or ()), *extra, r"\d{1,2}[.)](?=[^\W\d_])"]
    nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer  # type: ignore[union-attr]
    nlp.tokenizer.url_match = _url_match()  # type: ignore[union-attr]
    nlp.tokenizer.prefix_search = compile_prefix_regex(prefixes).search  # type: ignore[union-attr]


def _compute_only_what_is_read(nlp: Language) -> None:
    """Give the words spaCy meets for the first time only the attributes this module reads.

    spaCy computes some twenty attributes of every new word (its shape, whether it looks
    like a number, a URL, an e-mail...) by calling a Python function for each, and a resume
    brings a hundred new words or more: a quarter of the stage's time.  The blank pipeline
    reads the lower-case form (its phrase matchers match on it), the norm, and whether a
    word is in title or upper case; the others stay unset (False, or empty).  Reading
    another attribute of a token means adding it to :data:`LEXEME_ATTRS`.  A trained
    pipeline (``--spacy-model``) keeps them all: its components use them as features.
    """
    from spacy import attrs

    wanted = {getattr(attrs, name) for name in LEXEME_ATTRS}
    vocab: Any = nlp.vocab  # spaCy's stubs leave lex_attr_getters out
    getters = vocab.lex_attr_getters
    vocab.lex_attr_getters = {attr: get for attr, get in getters.items() if attr in wanted}


LEXEME_ATTRS = ("LOWER", "NORM", "IS_TITLE", "IS_UPPER")
"""The lexical attributes (spaCy's names) this module reads of a token of the blank pipeline."""


def _cache_across_lines(nlp: Language) -> None:
    """Let the tokenizer's cache work past the first line break of a text.

    spaCy caches how it split each whitespace-delimited chunk ("Python,", "(AWS)"), but
    stops caching for the rest of a text once any chunk was a special case.  Its English
    rules make "\\n" and "\\t" special cases that only say "one token, as written", the
    very token the plain rules make, so the first line break turned the cache off and
    every later chunk went through the affix rules again: two thirds of the tokenizer's
    time on a resume.  Without those rules the tokens are the same.  The cache holds more
    chunks than spaCy's default (10,000), which the taxonomy's own aliases, tokenized
    when the pipeline is built, would fill by a third.
    """
    from spacy.attrs import ORTH

    tokenizer = nlp.tokenizer
    rules = tokenizer.rules or {}  # type: ignore[union-attr]
    tokenizer.rules = {  # type: ignore[union-attr]
        orth: tokens for orth, tokens in rules.items() if orth.strip() or tokens != [{ORTH: orth}]
    }
    tokenizer.max_cache_size = DEFAULT_TOKENIZER_CACHE  # type: ignore[union-attr]
    # A word of ASCII letters alone ("Managed") is one token: no prefix, suffix or infix
    # rule of spaCy's or ours applies to it (each needs a digit, a mark or a space), and
    # its special cases ("cannot", "dont") are looked up before this is asked.  Saying so
    # spares a word met for the first time three pattern searches.
    plain = _PLAIN_WORD_RE.fullmatch
    other = tokenizer.token_match  # type: ignore[union-attr]
    tokenizer.token_match = (  # type: ignore[union-attr]
        plain if other is None else lambda text: plain(text) or other(text)
    )


_PLAIN_WORD_RE = re.compile(r"[A-Za-z]+")
DEFAULT_TOKENIZER_CACHE = 50_000
"""Chunks whose tokens the tokenizer remembers: a few megabytes, and the words a batch of
resumes shares are split once."""


# "Node.js/Express" is not a URL, though spaCy's URL pattern takes ".js" for a top-level domain.
_SCRIPT_HOST = r"[\w-]+\.[jJ][sS]\b"


@lru_cache(maxsize=1)
def _url_match() -> Callable[[str], re.Match[str] | None]:
    """spaCy's URL match, except where the text starts like a script ("node.js/..."): one
    compiled pattern where spaCy's is one, since the tokenizer tries it on most tokens."""
    from spacy.lang.tokenizer_exceptions import URL_MATCH

    url = getattr(URL_MATCH, "__self__", None)
    if not isinstance(url, re.Pattern):
        script = re.compile(_SCRIPT_HOST)
        return lambda text: None if script.match(text) else URL_MATCH(text)
    inline = "(?u)"
    body = url.pattern[len(inline) :] if url.pattern.startswith(inline) else url.pattern
    return re.compile(f"{inline}(?!{_SCRIPT_HOST}){body}", url.flags).match
