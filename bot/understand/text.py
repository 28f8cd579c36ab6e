"""Text helpers shared by every reader: normalisation of a message and cached, bounded regular expressions
(`en_words` wraps English alternatives so they never match inside another word).
"""
from __future__ import annotations

import itertools
import re
import unicodedata

MAX_CHARS = 1500  # longer than the longest email in the realistic sets (889); all a turn reads


_RX_CACHE: dict = {}


def compiled(p):
    """Compiled pattern, cached here for good (re's own cache is shared and bounded)."""
    if not isinstance(p, str):
        return p
    r = _RX_CACHE.get(p)
    if r is None:
        r = _RX_CACHE[p] = re.compile(p)
    return r


def search(p, s, pos=0):
    return compiled(p).search(s, pos)


def match_at(p, s):
    return compiled(p).match(s)


def full_match(p, s):
    return compiled(p).fullmatch(s)


_MAX_MATCHES = 60


def find_all(p, s):
    """At most _MAX_MATCHES matches: a message never states more facts than that."""
    return itertools.islice(compiled(p).finditer(s), _MAX_MATCHES)


def en_words(p: str) -> str:
    """An English word or phrase, not inside another word (\\b fails next to CJK)."""
    return rf"(?<![a-z])(?:{p})(?![a-z])"


CLAUSE_SEP = re.compile(r"[。！!？?；;\n，、:：()（）\[\]【】\"“”]|,(?!\d{3}(?!\d))|(?<!\d)\.|\.(?!\d)|\s[-–—]\s|(?<=[\u4e00-\u9fff])\s+(?=[\u4e00-\u9fff])|"
                        + en_words(r"but|however|although|though|whereas|while") + r"|但是|但|不过|而是|可是|然而")


SENT_SEP = re.compile(r"[。！!？?；;\n]|(?<!\d)\.(?!\d)|(?<=\d)\.(?!\d)|(?<!\d)\.(?=\d)")


_TAG = re.compile(r"<[^<>]{0,300}>")


_CTRL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff\ufff0-\uffff]")


_ABBR = [(re.compile(r"ph\.\s?d\.?", re.I), "phd"), (re.compile(r"(?<![a-z])u\.s\.a?\.?", re.I), "us "),
         (re.compile(r"(?<![a-z])u\.k\.", re.I), "uk "), (re.compile(r"(?<![a-z])m\.sc\.?", re.I), "msc"),
         (re.compile(r"(?<![a-z])b\.sc\.?", re.I), "bsc"), (re.compile(r"(?<![a-z])m\.s\.", re.I), "ms "),
         (re.compile(r"(?<![a-z])b\.s\.", re.I), "bs "), (re.compile(r"(?<![a-z])b\.a\.", re.I), "ba "),
         (re.compile(r"(?<![a-z])m\.a\.", re.I), "ma "), (re.compile(r"(?<![a-z])e\.g\.", re.I), "eg "),
         (re.compile(r"(?<![a-z])i\.e\.", re.I), "ie "), (re.compile(r"(?<![a-z])dr\.", re.I), "dr "),
         (re.compile(r"(?<![a-z])prof\.", re.I), "prof "), (re.compile(r"(?<![a-z])j\.p\.", re.I), "jp "),
         (re.compile(r"(?<![a-z])r&d", re.I), "rnd"), (re.compile(r"[’‘`´]"), "'")]


_UPPER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


def normalize(text: str) -> str:
    """Width-folded, lower-case ASCII, no markup or control characters."""
    text = unicodedata.normalize("NFKC", text[:MAX_CHARS])
    text = _TAG.sub(" ", text)
    text = _CTRL.sub(" ", text)
    text = text.replace("&nbsp;", " ").replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">")
    for rx, rep in _ABBR:
        text = rx.sub(rep, text)
    text = text.translate(_UPPER)
    text = re.sub(r"[ \t\r\f\v]+", " ", text)
    return _BLANK_LINES.sub("\n", text).strip()  # a run of blank lines is one line break


_BLANK_LINES = re.compile(r" ?\n[\s]*")
_LONG_BLANK = re.compile(r" {3,}")  # spaces only: a line break is a boundary the readers need
FILLER = "\u2063"  # INVISIBLE SEPARATOR: neither a word nor white space to a regular expression


def defuse(text: str) -> str:
    """A blanked stretch (a hypothetical or a third party's clause, replaced by spaces so positions stay) kept as
    a space at each end and invisible separators between: the readers' patterns have several optional spaces in a
    row (\\s*年\\s*…\\s*), and over a long run of spaces they try every way to share it out — seconds for one
    message. Same length, same positions."""
    return _LONG_BLANK.sub(lambda m: " " + FILLER * (len(m.group(0)) - 2) + " ", text)
