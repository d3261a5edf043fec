"""The digests of BasicEnglishTokenizerTests.Matches_torchtext_basic_english_on_every_decoded_row_of.

Decodes the HTML escapes of the mini split's rows by the rules of lib/Lessons/Data/HtmlEscapes.cs, written again on
Python's html module (html.unescape: HTML5's tables, which read &#128; to &#159; as Windows-1252), then tokenizes each
text with torchtext 0.14's basic_english, its _basic_english_normalize copied below, and prints the sha256 of the
tokens, one line per row joined by single spaces; for the published rows too, where the copy gives the digests the real
torchtext gave (the test's first theory), which checks the copy. It prints the vocabularies of VocabularyTests too
(torchtext's legacy Vocab order, over the training split's tokens and n-grams). Run from the repository's root: python3 tests/Lessons.Tests/Text/basic_english_decoded.py
"""
import collections
import csv
import hashlib
import html
import re

TAGS = ("a abbr b big blockquote br center cite code div em font h1 h2 h3 h4 h5 h6 hr i img li nobr ol p small span "
        "strike strong sub sup table tbody td th tr tt u ul").split()
TAG = re.compile(r"&lt;/?(?:" + "|".join(TAGS) + r")(?=[\s/\\]|&gt;)(?:(?!&lt;).)*?&gt;", re.I | re.S)
REFERENCE = re.compile(r"(&| |^)(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
SPACED = {"quot", "amp", "lt", "gt", "hellip", "nbsp"}


def reference(match):
    lead, name = match.group(1), match.group(2)
    spaced = lead != "&"
    if spaced and not (name[0] == "#" or name in SPACED):
        return match.group(0)
    written = "&" + name + ";"
    decoded = html.unescape(written)
    if decoded == written:
        return match.group(0)
    if spaced and len(decoded) == 1 and (not decoded.isprintable() or (ord(decoded) < 128 and decoded.isalnum())):
        return match.group(0)
    return decoded


def decode(text):
    if ";" not in text:
        return text
    return REFERENCE.sub(reference, TAG.sub(" ", text))


# torchtext/data/utils.py (0.14), _basic_english_normalize
_patterns = [r"\'", r"\"", r"\.", r"<br \/>", r",", r"\(", r"\)", r"\!", r"\?", r"\;", r"\:", r"\s+"]
_replacements = [" '  ", "", " . ", " ", " , ", " ( ", " ) ", " ! ", " ? ", " ", " ", " "]
_patterns_dict = list((re.compile(p), r) for p, r in zip(_patterns, _replacements))


def _basic_english_normalize(line):
    line = line.lower()
    for pattern_re, replaced_str in _patterns_dict:
        line = pattern_re.sub(replaced_str, line)
    return line.split()


def ngrams_iterator(tokens, ngrams):
    """torchtext's ngrams_iterator: the tokens, then each n-gram joined by a space."""
    yield from tokens
    for n in range(2, ngrams + 1):
        for i in range(len(tokens) - n + 1):
            yield " ".join(tokens[i:i + n])


def vocabulary(docs, min_freq, ngrams):
    """torchtext's legacy Vocab order: <unk>, <pad>, then by frequency, ties in code point order."""
    counter = collections.Counter()
    for doc in docs:
        counter.update(ngrams_iterator(doc, ngrams))
    words = sorted(counter.items(), key=lambda tup: tup[0])
    words.sort(key=lambda tup: tup[1], reverse=True)
    return ["<unk>", "<pad>"] + [w for w, f in words if f >= min_freq]


if __name__ == "__main__":
    for name in ["train", "test"]:
        with open(f"data/ag_news-mini/{name}.csv", encoding="utf-8", newline="") as f:
            rows = list(csv.reader(f))
        for how, read in [("published", lambda t: t), ("decoded", decode)]:
            docs = [_basic_english_normalize(read(row[1]) + " " + read(row[2])) for row in rows]
            digest = hashlib.sha256()
            for tokens in docs:
                digest.update((" ".join(tokens) + "\n").encode("utf-8"))
            print(f"{name}.csv", len(rows), how, "tokens", digest.hexdigest())
            if name == "train":
                for min_freq, ngrams in [(1, 1), (3, 1), (1, 2)]:
                    words = vocabulary(docs, min_freq, ngrams)
                    print(f"{name}.csv", how, f"vocabulary min_freq={min_freq} ngrams={ngrams}", len(words),
                          hashlib.sha256("\n".join(words).encode("utf-8")).hexdigest())
