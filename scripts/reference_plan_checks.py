#!/usr/bin/env python3
"""A plain Python reading of the plan checks (docs/plan-checks.md, criteria/plan-checks.yaml).

Written from the spec and docs/plan-checks.md, independently of the Swift checker, for two uses:
  * a cross-check: scripts/crosscheck-plans compares its findings with `ehcp-audit check`;
  * a baseline: scripts/bench measures `ehcp-audit check` against it.

Usage: reference_plan_checks.py [--rules RULES.yaml] [--criteria FRAMEWORK.yaml]
                                [--status draft|final] [--plan-date YYYY-MM-DD] FILE|FOLDER...

Prints the JSON of `ehcp-audit check --format json`: one object per document, in the
order given (a folder's documents in name order). It reads the documents the project
writes (our generated and sample plans): a .docx through zipfile and ElementTree's
iterparse of word/document.xml, an .odt's content.xml as a tree, .md and .txt as lines.
It is a reference, not a guard: no size caps, no refusal of damaged or hostile files.
"""
import datetime
import hashlib
import json
import os
import re
import sys
import zipfile
import xml.etree.ElementTree as ET

import yaml

SECTION_IDS = ["A", "B", "C", "D", "E", "F", "G", "H1", "H2", "I", "J", "K"]
ITEM_SECTIONS = ["E", "F", "G", "H1", "H2"]
CELL_SEPARATOR = " | "
QUOTE_WORDS = 12
NUMBER_WORDS = {"one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"}
MONTHS = {}
for _n, _name in enumerate(["january", "february", "march", "april", "may", "june", "july", "august",
                            "september", "october", "november", "december"], start=1):
    MONTHS[_name] = MONTHS[_name[:3]] = _n
MONTHS["sept"] = 9


# --- Words ------------------------------------------------------------------------------
# A word is a run of letters (an apostrophe between letters stays inside: "child's") or a
# run of digits (a dot between digits stays inside: "1.5", "12.06.2025"); a hyphen (or an
# apostrophe) right after a word and before another is a space; white space separates;
# every other character is a word of its own (a "mark").

SPACES = " \t\n\r\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u200b\u202f"
JOINERS = "-\u2010\u2011'\u2018\u2019"
TOKEN = re.compile(
    r"(?P<letters>[^\W\d_]+(?:['\u2018\u2019][^\W\d_]+)*)"
    r"|(?P<digits>[0-9]+(?:\.[0-9]+)*)"
    r"|(?P<space>[" + SPACES + r"]+)"
    r"|(?P<mark>.)", re.S)


class Token:
    __slots__ = ("key", "start", "end", "word", "number", "capital")

    def __init__(self, key, start, end, word, number, capital):
        self.key, self.start, self.end = key, start, end
        self.word, self.number, self.capital = word, number, capital


class Text:
    """A block's text and its tokens (start and end are offsets in the text)."""

    def __init__(self, text):
        self.text = text
        tokens = []
        last_word_end = -1
        for m in TOKEN.finditer(text):
            kind = m.lastgroup
            if kind == "space":
                continue
            start, end = m.span()
            raw = m.group()
            if kind == "mark":
                if raw in JOINERS and start == last_word_end and end < len(text) and TOKEN.match(text, end).lastgroup in (
                        "letters", "digits"):
                    continue
                tokens.append(Token(key_of(raw), start, end, False, False, False))
                continue
            tokens.append(Token(key_of(raw), start, end, True, kind == "digits", raw[0].isupper()))
            last_word_end = end
        self.tokens = tokens

    def words(self):
        return sum(1 for t in self.tokens if t.word)

    def quote(self, first, last):
        return self.text[self.tokens[first].start:self.tokens[last].end]


def key_of(raw):
    return raw.lower().replace("\u2018", "'").replace("\u2019", "'")


class Phrase:
    """A phrase of the rules file: `#` a number (digits, or one to twelve), `*` any word."""

    def __init__(self, text):
        self.text = text
        self.parts = [("#" if t.key == "#" else "*" if t.key == "*" else "=", t.key) for t in Text(text).tokens]

    def ends_at(self, tokens, start):
        """The index of the phrase's last token when it matches from `start`, else None."""
        if start + len(self.parts) > len(tokens):
            return None
        for offset, (kind, key) in enumerate(self.parts):
            token = tokens[start + offset]
            if kind == "=":
                if token.key != key:
                    return None
            elif kind == "#":
                if not (token.number or token.key in NUMBER_WORDS):
                    return None
            elif not token.word:
                return None
        return start + len(self.parts) - 1


class Phrases:
    """A list of phrases, found by their first word (those starting with `#` or `*` tried at every word)."""

    def __init__(self, texts):
        self.phrases = [Phrase(t) for t in texts]
        self.by_first, self.anywhere = {}, []
        for position, phrase in enumerate(self.phrases):
            kind, key = phrase.parts[0]
            if kind == "=":
                self.by_first.setdefault(key, []).append((position, phrase))
            else:
                self.anywhere.append((position, phrase))

    def at(self, token):
        """The phrases that may start at `token`, in list order."""
        listed = self.by_first.get(token.key, [])
        if not self.anywhere or not token.word:
            return listed
        return sorted(listed + self.anywhere, key=lambda entry: entry[0]) if listed else self.anywhere


def find_all(phrases, text):
    """(first, last, phrase) of every occurrence of every phrase, by position then list order."""
    found = []
    for start, token in enumerate(text.tokens):
        for _, phrase in phrases.at(token):
            last = phrase.ends_at(text.tokens, start)
            if last is not None:
                found.append((start, last, phrase))
    return found


def find_first(phrases, text):
    for start, token in enumerate(text.tokens):
        for _, phrase in phrases.at(token):
            last = phrase.ends_at(text.tokens, start)
            if last is not None:
                return start, last, phrase
    return None


def starts_with(phrases, text):
    return bool(text.tokens) and any(
        phrase.ends_at(text.tokens, 0) is not None for _, phrase in phrases.at(text.tokens[0]))


# --- Dates ------------------------------------------------------------------------------

def make_date(year, month, day):
    try:
        return datetime.date(year, month, day)
    except ValueError:
        return None


def digits(token, low, high):
    if token is None or not token.number or "." in token.key or not low <= len(token.key) <= high:
        return None
    return int(token.key)


def date_at(text, i):
    """(date, last token) of a date written from token i, or None."""
    t = text.tokens

    def at(k):
        return t[k] if k < len(t) else None

    def dashed(a, b):
        return b < len(t) and t[b].start == t[a].end + 1 and text.text[t[a].end] == "-"

    first = t[i]
    if first.number and "." in first.key:  # 12.06.2025
        parts = first.key.split(".")
        if len(parts) == 3 and len(parts[0]) <= 2 and len(parts[1]) <= 2 and len(parts[2]) == 4:
            d = make_date(int(parts[2]), int(parts[1]), int(parts[0]))
            return (d, i) if d else None
        return None
    year = digits(first, 4, 4)
    if year is not None:  # 2025-06-12
        month, day = digits(at(i + 1), 2, 2), digits(at(i + 2), 2, 2)
        if month is not None and day is not None and dashed(i, i + 1) and dashed(i + 1, i + 2):
            d = make_date(year, month, day)
            return (d, i + 2) if d else None
        return None
    day = digits(first, 1, 2)
    if day is not None:
        if at(i + 1) and at(i + 1).key == "/" and at(i + 3) and at(i + 3).key == "/":  # 12/06/2025
            month, year = digits(at(i + 2), 1, 2), digits(at(i + 4), 4, 4)
            if month is not None and year is not None:
                d = make_date(year, month, day)
                return (d, i + 4) if d else None
        month, year = digits(at(i + 1), 1, 2), digits(at(i + 2), 4, 4)  # 12-06-2025
        if month is not None and year is not None and dashed(i, i + 1) and dashed(i + 1, i + 2):
            d = make_date(year, month, day)
            return (d, i + 2) if d else None
        k = i + 1  # 12 June 2025, 12th (of) June 2025
        if at(k) and at(k).key in ("st", "nd", "rd", "th") and at(k).start == first.end:
            k += 1
        if at(k) and at(k).key == "of":
            k += 1
        named = month_year(t, k)
        if named is None:
            return None
        d = make_date(named[1], named[0], day)
        return (d, named[2]) if d else None
    named = month_year(t, i)  # June 2025: the 1st
    if named is None:
        return None
    d = make_date(named[1], named[0], 1)
    return (d, named[2]) if d else None


def month_year(t, k):
    if k >= len(t) or t[k].key not in MONTHS:
        return None
    y = k + 1
    if y < len(t) and t[y].key == ".":
        y += 1
    year = digits(t[y], 4, 4) if y < len(t) else None
    return None if year is None else (MONTHS[t[k].key], year, y)


def all_dates(text):
    """(date, first, last) of each date, left to right, none overlapping."""
    found, i = [], 0
    while i < len(text.tokens):
        hit = date_at(text, i)
        if hit:
            found.append((hit[0], i, hit[1]))
            i = hit[1] + 1
        else:
            i += 1
    return found


def date_after(text, index):
    return next((d for d, first, _ in all_dates(text) if first > index), None)


# --- Reading documents ------------------------------------------------------------------

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
TEXT_NS = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
TABLE_NS = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
OFFICE_NS = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"


def trim(text):
    return text.strip(" \t\n\r")


class Table:
    def __init__(self, top_level):
        self.top_level = top_level
        self.rows = 0
        self.header = False
        self.cells = []
        self.cell = []
        self.lines = []  # a nested table's rows, each a line of the enclosing cell or paragraph


class Blocks:
    """Paragraphs and tables, nested to any depth, into blocks: (kind, text, is first row)."""

    def __init__(self):
        self.blocks = []
        self.stack = []  # open paragraphs, as [kind, pieces], and tables

    def add(self, kind, text, first_row=False):
        text = trim(text)
        if text:
            self.blocks.append((kind, text, first_row))

    def paragraphs(self):
        return [frame for frame in self.stack if isinstance(frame, list)]

    def open_paragraph(self, kind):
        self.stack.append([kind, []])

    def text(self, piece):
        if self.stack and isinstance(self.stack[-1], list):
            self.stack[-1][1].append(piece)

    def close_paragraph(self):
        kind, pieces = self.stack.pop()
        self.place(kind, "".join(pieces))

    def place(self, kind, text):
        """A finished paragraph or nested table: a block, or a line of the enclosing cell or paragraph."""
        line = trim(text)
        if not self.stack:
            self.add(kind, text)
        elif isinstance(self.stack[-1], list):
            pieces = self.stack[-1][1]
            if line:
                if pieces and not "".join(pieces).endswith("\n"):
                    pieces.append("\n")
                pieces.append(line + "\n")
        elif line:
            self.stack[-1].cell.append(line)

    def open_table(self):
        self.stack.append(Table(top_level=not self.stack))

    def open_row(self, header=False):
        table = self.stack[-1]
        table.cells = []
        table.header = header or table.rows == 0

    def mark_header(self):
        self.stack[-1].header = True

    def open_cell(self):
        self.stack[-1].cell = []

    def close_cell(self):
        table = self.stack[-1]
        table.cells.append(trim("\n".join(table.cell)))

    def close_row(self):
        table = self.stack[-1]
        table.rows += 1
        if any(table.cells):
            row = CELL_SEPARATOR.join(table.cells)
            if table.top_level:
                self.add("tableRow", row, table.header)
            else:
                table.lines.append(row)

    def close_table(self):
        table = self.stack.pop()
        if not table.top_level:
            self.place("paragraph", "\n".join(table.lines))


def read_docx(data):
    skipped = {W + "del", W + "delText", W + "moveFrom", W + "instrText", W + "rPr", W + "pPrChange",
               W + "rPrChange", W + "sectPr", W + "tblPr", W + "tcPr", W + "tblGrid", W + "tabs", MC_FALLBACK}
    out = Blocks()
    skip = 0
    style, numbered = None, False
    with zipfile.ZipFile(data) as package, package.open("word/document.xml") as xml:
        for event, elem in ET.iterparse(xml, events=("start", "end")):
            tag = elem.tag
            if skip:
                skip += 1 if event == "start" else -1
                continue
            if event == "start":
                if tag in skipped:
                    skip = 1
                elif tag == W + "p":
                    out.open_paragraph("paragraph")
                elif tag == W + "pPr":
                    style, numbered = None, False
                elif tag == W + "pStyle":
                    style = elem.get(W + "val")
                elif tag == W + "numPr":
                    numbered = True
                elif tag == W + "numId":
                    if elem.get(W + "val") == "0":
                        numbered = False
                elif tag == W + "tab":
                    out.text(" ")
                elif tag in (W + "br", W + "cr"):
                    out.text("\n")
                elif tag == W + "tbl":
                    out.open_table()
                elif tag == W + "tr":
                    out.open_row()
                elif tag == W + "tc":
                    out.open_cell()
                elif tag == W + "tblHeader":
                    if elem.get(W + "val") not in ("0", "false", "off"):
                        out.mark_header()
            else:
                if tag == W + "t":
                    if elem.text:
                        out.text(elem.text)
                elif tag == W + "p":
                    out.close_paragraph()
                    elem.clear()
                elif tag == W + "pPr":
                    paragraphs = out.paragraphs()
                    if len(paragraphs) == 1:
                        paragraphs[0][0] = word_kind(style, numbered)
                elif tag == W + "tc":
                    out.close_cell()
                elif tag == W + "tr":
                    out.close_row()
                elif tag == W + "tbl":
                    out.close_table()
    return out.blocks


def word_kind(style, numbered):
    if style is not None and (style == "Title" or re.fullmatch(r"heading ?[1-6]", style, re.I)):
        return "heading"
    if numbered or (style or "").startswith("List"):
        return "listItem"
    return "paragraph"


def read_odt(data):
    with zipfile.ZipFile(data) as package:
        root = ET.fromstring(package.read("content.xml"))
    out = Blocks()
    skipped = {TEXT_NS + "tracked-changes", TEXT_NS + "note", OFFICE_NS + "annotation",
               TABLE_NS + "covered-table-cell"}

    def chars(text):
        if text:
            out.text(re.sub(r"[\n\r\t]", " ", text))

    def walk(elem, lists, header_rows):
        tag = elem.tag
        if tag in skipped:
            return
        close = None
        if tag == TEXT_NS + "h":
            out.open_paragraph("heading")
            close = out.close_paragraph
        elif tag == TEXT_NS + "p":
            out.open_paragraph("listItem" if lists else "paragraph")
            close = out.close_paragraph
        elif tag == TEXT_NS + "list":
            lists += 1
        elif tag in (TEXT_NS + "s", TEXT_NS + "tab"):
            out.text(" ")
        elif tag == TEXT_NS + "line-break":
            out.text("\n")
        elif tag == TABLE_NS + "table":
            out.open_table()
            close = out.close_table
            header_rows = False
        elif tag == TABLE_NS + "table-header-rows":
            header_rows = True
        elif tag == TABLE_NS + "table-row":
            out.open_row(header_rows)
            close = out.close_row
        elif tag == TABLE_NS + "table-cell":
            out.open_cell()
            close = out.close_cell
        chars(elem.text)
        for child in elem:
            walk(child, lists, header_rows)
            chars(child.tail)
        if close:
            close()

    walk(root, 0, False)
    return out.blocks


def read_text(raw, markdown):
    text = raw.decode("utf-8")
    if text.startswith("\ufeff"):
        text = text[1:]
    blocks, open_block, rows = [], None, 0

    def add(kind, body, first_row=False):
        body = trim(body)
        if body:
            blocks.append((kind, body, first_row))

    for raw_line in text.split("\n"):
        line = trim(raw_line)
        is_row = line.startswith("|")
        if not is_row:
            rows = 0
        heading = re.fullmatch(r"#{1,6}(?:[ \t]+(.*?))?[ \t#]*", line)
        item = re.fullmatch(r"(?:[-*+]|[0-9]{1,9}[.)])[ \t]+(.*\S.*)", line)
        if not line or re.fullmatch(r"(?:-[ \t]*){3,}|(?:\*[ \t]*){3,}|(?:_[ \t]*){3,}", line):
            if open_block:
                add(*open_block)
            open_block = None
        elif heading:
            if open_block:
                add(*open_block)
            open_block = None
            add("heading", heading.group(1) or "")
        elif item:
            if open_block:
                add(*open_block)
            open_block = ("listItem", item.group(1))
        elif is_row:
            if open_block:
                add(*open_block)
            open_block = None
            inner = line[1:]
            if inner.endswith("|"):
                inner = inner[:-1]
            cells = [trim(c) for c in inner.split("|")]
            if all(c and set(c) <= set("-:") and "-" in c for c in cells) or not any(cells):
                continue
            add("tableRow", CELL_SEPARATOR.join(cells), rows == 0)
            rows += 1
        elif markdown and open_block:
            open_block = (open_block[0], open_block[1] + " " + line)
        else:
            if open_block:
                add(*open_block)
            open_block = ("paragraph", line)
        if not markdown and open_block:
            add(*open_block)
            open_block = None
    if open_block:
        add(*open_block)
    return blocks


def read_document(path, data):
    ext = path.rsplit(".", 1)[-1].lower() if "." in os.path.basename(path) else ""
    if ext == "docx":
        import io
        return read_docx(io.BytesIO(data))
    if ext == "odt":
        import io
        return read_odt(io.BytesIO(data))
    if ext in ("md", "markdown"):
        return read_text(data, True)
    if ext == "txt":
        return read_text(data, False)
    raise ValueError(f"a .{ext} file cannot be read")


# --- Sections, items, facts -------------------------------------------------------------

def squash(text):
    return " ".join(text.lower().split()).rstrip(":.")


SECTION_REF = re.compile(r"[ \t]*(?:(?P<named>[Ss][Ee][Cc][Tt][Ii][Oo][Nn] +)?)(?P<id>H[12]|[A-K])(?P<rest>.*)", re.S)


def section_reference(text):
    """The sections a heading names at its start: "Section F", "F:", "F.", "F)", "F - ", "H1:"."""
    m = SECTION_REF.match(text)
    if not m:
        return None
    sid, rest = m.group("id"), m.group("rest")
    if m.group("named"):
        if rest and rest[0].isalnum():
            return None
    else:
        after = rest.lstrip(" ")
        if not after or after[0] not in ":.)-\u2013\u2014":
            return None
        if after[0] in "-\u2013\u2014" and not rest.startswith(" "):
            return None  # "A-level"
        if after[0] == "." and re.match(r" *[^ ]\.", after[1:]):
            return None  # "A. N. Other": an initial
    return ["H1", "H2"] if sid == "H" else [sid]


class Plan:
    def __init__(self, blocks, rules, titles):
        self.parts = []  # dicts: number, kind, text (Text), first_row, sections, heading, items
        self.found = set()
        current = []
        for number, (kind, body, first_row) in enumerate(blocks, start=1):
            text = Text(body)
            named = None
            if kind == "heading" or (kind == "paragraph" and text.words() <= 12):
                named = section_reference(body)
                if named is None and squash(body) in titles:
                    named = [titles[squash(body)]]
            if named:
                current = named
                self.found.update(named)
            self.parts.append(dict(number=number, kind=kind, text=text, first_row=first_row, sections=current,
                                   heading=bool(named), items={}))
        for section in ITEM_SECTIONS:
            members = self.section(section)
            structured = any(p["kind"] in ("listItem", "tableRow") for p in members)
            n = 0
            for p in members:
                if structured:
                    is_item = p["kind"] == "listItem" or (p["kind"] == "tableRow" and not p["first_row"])
                else:
                    is_item = p["kind"] == "paragraph" and p["text"].words() >= 6
                if is_item and not starts_with(rules["nothingWords"], p["text"]):
                    n += 1
                    p["items"][section] = n
        self.draft = False
        self.plan_date = self.review_date = None
        for p in self.parts:
            front = not p["sections"]
            if (front or p["heading"] or p["kind"] == "heading") and find_first(rules["draftWords"], p["text"]):
                self.draft = True
            if front and self.plan_date is None:
                label = find_first(rules["planDateLabels"], p["text"])
                if label:
                    self.plan_date = date_after(p["text"], label[1])
            if self.review_date is None:
                word = find_first(rules["reviewWords"], p["text"])
                if word:
                    self.review_date = date_after(p["text"], word[1])

    def section(self, sid):
        return [p for p in self.parts if not p["heading"] and sid in p["sections"]]

    def items(self, sid):
        return [(p["items"][sid], p) for p in self.parts if sid in p["items"]]


# --- The checks -------------------------------------------------------------------------

def run_checks(plan, rules, status, plan_date):
    findings = []

    def add(rule, section, item=None, part=None, quote=None, missing=None, occurrences=None):
        f = {"check": rule["id"]}
        if section is not None:
            f["section"] = section
        if item is not None:
            f["item"] = item
        if part is not None:
            f["block"] = part["number"]
        if quote is not None:
            f["quote"] = quote
        if missing:
            f["missing"] = missing
        if occurrences:
            f["occurrences"] = occurrences
        informs = rule.get("informs") or {}
        f["criterion"] = informs.get(section) if section is not None and section in informs else informs.get("plan")
        f["message"] = rule["message"]
        f["source"] = rule.get("source")
        findings.append(f)

    for rule in rules["checks"]:
        check = rule["id"]
        sections = [s for s in rule["sections"] if s != "plan"]
        items = [(s, n, p) for s in sections for n, p in plan.items(s)]
        if check == "missing-section":
            for s in sections:
                if s not in plan.found:
                    add(rule, s)
        elif check == "vague-wording":
            for s, n, p in items:
                for first, last, _ in find_all(rule["_phrases"], p["text"]):
                    add(rule, s, n, p, quote=p["text"].quote(first, last))
        elif check == "unquantified-provision":
            for s, n, p in items:
                missing = [name for name in ("frequency", "amount") if not find_first(rule["_" + name], p["text"])]
                if missing:
                    add(rule, s, n, p, missing=missing)
        elif check == "no-expertise":
            for s, n, p in items:
                if not find_first(rule["_roles"], p["text"]):
                    add(rule, s, n, p)
        elif check == "outcome-not-time-bound":
            for s, n, p in items:
                if not find_first(rule["_timeFrames"], p["text"]) and not all_dates(p["text"]):
                    add(rule, s, n, p)
        elif check == "outcome-is-provision":
            for s, n, p in items:
                hit = find_first(rule["_phrases"], p["text"])
                if hit:
                    add(rule, s, n, p, quote=p["text"].quote(hit[0], hit[1]))
        elif check == "setting-named-in-draft":
            if status == "draft":
                for s in sections:
                    for p in plan.section(s):
                        for name in settings_named(p["text"], rules):
                            add(rule, s, None, p, quote=name)
        elif check == "no-setting-in-final":
            if status == "final":
                for s in sections:
                    if no_setting(plan, s, rule["_phrases"]):
                        add(rule, s)
        elif check == "stale-advice":
            if plan_date is not None:
                for s in sections:
                    for p in plan.section(s):
                        dates = all_dates(p["text"])
                        if not dates:
                            continue
                        latest = dates[0]
                        for d in dates[1:]:
                            if d[0] > latest[0]:
                                latest = d
                        if (plan_date - latest[0]).days > rule["maxAgeDays"]:
                            add(rule, s, None, p, quote=p["text"].quote(latest[1], latest[2]))
        elif check == "no-review-date":
            if plan.review_date is None:
                add(rule, None)
        elif check == "template-text":
            for p in plan.parts:
                section = p["sections"][0] if p["sections"] else None
                for quote in placeholders(p["text"], rule):
                    add(rule, section, p["items"].get(section), p, quote=quote)
        elif check == "repeated-text":
            repeated(plan, rule, sections, add)
    order = {c["id"]: i for i, c in enumerate(rules["checks"])}
    findings.sort(key=lambda f: (
        0 if "block" not in f else 1, f.get("block", 0), order[f["check"]],
        SECTION_IDS.index(f["section"]) if "section" in f else -1))
    return findings


def settings_named(text, rules):
    """Capitalised names before a setting word, some word of which is not a word of kind."""
    names = []
    t = text.tokens
    for j, token in enumerate(t):
        if not (token.capital and token.key in rules["settingWords"]):
            continue
        first = j
        while first > 0 and t[first - 1].word and t[first - 1].capital and \
                set(text.text[t[first - 1].end:t[first].start]) <= {" "}:
            first -= 1
        if any(w.key not in rules["settingTypeWords"] for w in t[first:j]):
            names.append(text.quote(max(first, j - QUOTE_WORDS + 1), j))
    return names


def no_setting(plan, section, placeholders_):
    if section not in plan.found:
        return True
    parts = plan.section(section)
    values = []
    for i, p in enumerate(parts):
        body = p["text"].text
        if p["kind"] == "tableRow":
            nxt = parts[i + 1] if i + 1 < len(parts) else None
            if p["first_row"] and nxt and nxt["kind"] == "tableRow" and not nxt["first_row"]:
                continue  # a header row
            cells = body.split(CELL_SEPARATOR)
            values += cells[1:] if len(cells) > 1 else cells
        elif ":" in body:
            values.append(body.split(":", 1)[1])
        else:
            values.append(body)
    for value in values:
        text = Text(value)
        if not text.words():
            continue
        hit = find_first(placeholders_, text)
        if hit is None or any(t.word for t in text.tokens[:hit[0]]):
            return False
    return True


def placeholders(text, rule):
    """Template text in a block, in the order it is written."""
    raw = text.text.encode("utf-8")
    reach = 80
    found = []

    def shortened(piece):
        whole = piece.decode("utf-8", "replace")
        words = [w for w in whole.split(" ") if w]
        return whole if len(words) <= QUOTE_WORDS else " ".join(words[:QUOTE_WORDS]) + " \u2026"

    for m in re.finditer(rb"\[", raw):
        i = m.start()
        close = raw.find(b"]", i + 1, i + reach)
        if close < 0:
            continue
        inner = Text(raw[i + 1:close].decode("utf-8", "replace"))
        if any(t.key.startswith(w) for t in inner.tokens for w in rule["bracketWords"]):
            found.append((i, shortened(raw[i:close + 1])))
    closers = {"<": b">", "{": b"}", "[": b"]"}
    for marker in rule.get("markers", []):
        mb = marker.encode("utf-8")
        i = raw.find(mb)
        while i >= 0:
            end = i + len(mb)
            closer = closers.get(marker[0])
            if closer is not None:
                close = raw.find(closer, end, i + reach)
                if close >= 0:
                    end = close + 1
                    if len(mb) > 1 and raw[end:end + 1] == closer:
                        end += 1
            found.append((i, shortened(raw[i:end])))
            i = raw.find(mb, end)
    for first, last, _ in find_all(rule["_phrases"], text):
        found.append((len(text.text[:text.tokens[first].start].encode("utf-8")), text.quote(first, last)))
    found.sort(key=lambda x: x[0])
    return [q for _, q in found]


def sentences(text):
    """Each sentence as the indices of its word tokens."""
    result, current, prev_end = [], [], 0
    for i, t in enumerate(text.tokens):
        if "\n" in text.text[prev_end:t.start] and current:
            result.append(current)
            current = []
        prev_end = t.end
        if t.word:
            current.append(i)
        elif t.key in (".", "!", "?", ";", "|") and current:
            result.append(current)
            current = []
    if current:
        result.append(current)
    return result


def repeated(plan, rule, sections, add):
    seen_blocks, places, quotes = set(), {}, {}
    for s in sections:
        for n, p in plan.items(s):
            if p["number"] in seen_blocks:
                continue
            seen_blocks.add(p["number"])
            for sentence in sentences(p["text"]):
                if len(sentence) < rule["minWords"]:
                    continue
                key = " ".join(p["text"].tokens[i].key for i in sentence)
                if key not in places:
                    places[key] = []
                    quotes[key] = p["text"].quote(sentence[0], sentence[min(len(sentence), QUOTE_WORDS) - 1])
                if all(place["block"] != p["number"] for place in places[key]):
                    places[key].append({"section": s, "item": n, "block": p["number"]})
    for key, where in places.items():
        if len(where) > 1:
            first = where[0]
            part = next(p for p in plan.parts if p["number"] == first["block"])
            add(rule, first["section"], first["item"], part, quote=quotes[key], occurrences=where)


# --- Suggestions ------------------------------------------------------------------------

def suggestions(findings, rules, points):
    criteria = []
    for f in findings:
        if f["criterion"] is not None and f["criterion"] not in criteria:
            criteria.append(f["criterion"])
    out = []
    for criterion in criteria:
        worst, reasons = None, []
        for rule in rules["checks"]:
            found = [f for f in findings if f["check"] == rule["id"] and f["criterion"] == criterion]
            if not found:
                continue
            reasons.append(because(found, rule))
            steps = [s for s in (rule.get("suggest") or rules["suggest"]) if s["from"] <= len(found)]
            if steps and (worst is None or points[steps[-1]["rating"]] < points[worst]):
                worst = steps[-1]["rating"]
        if worst:
            out.append({"criterion": criterion, "rating": worst, "because": "; ".join(reasons)})
    return out


def because(found, rule):
    sections = []
    for f in found:
        if "section" in f and f["section"] not in sections:
            sections.append(f["section"])
    many = rule.get("many") or rule["one"]
    text = f"{len(found)} {rule['one'] if len(found) == 1 else many}"
    if sections:
        text += " in " + ", ".join(sections)
    places = []
    for f in found[:10]:
        place = f"item {f['item']}" if "item" in f else f"block {f['block']}" if "block" in f else "the plan"
        if "quote" in f:
            places.append(f"'{f['quote']}' ({place})")
        elif "item" in f or "block" in f:
            places.append(place)
    if places:
        text += ": " + ", ".join(places)
    if len(found) > 10:
        text += f" and {len(found) - 10} more"
    return text


# --- Command line -----------------------------------------------------------------------

def load_rules(path, framework):
    with open(path, encoding="utf-8") as f:
        rules = yaml.safe_load(f)
    for key in ("planDateLabels", "reviewWords", "draftWords", "nothingWords"):
        rules[key] = Phrases(rules.get(key, []))
    rules["settingWords"] = {w.lower() for w in rules["settingWords"]}
    rules["settingTypeWords"] = {w.lower() for w in rules["settingTypeWords"]}
    for check in rules["checks"]:
        for key in ("phrases", "frequency", "amount", "roles", "timeFrames"):
            check["_" + key] = Phrases(check.get(key, []))
        check["bracketWords"] = [w.lower() for w in check.get("bracketWords", [])]
    with open(framework, encoding="utf-8") as f:
        fw = yaml.safe_load(f)
    titles = {}
    for section in fw["sections"]:
        titles.setdefault(squash(section["title"]), section["id"])
    points = {r["id"]: float(r["points"]) for r in fw["scale"]}
    return rules, titles, points


def expand(paths):
    files = []
    for path in paths:
        if os.path.isdir(path):
            folder = path if path.endswith("/") else path + "/"
            names = [n for n in os.listdir(path) if not n.startswith(".")
                     and n.rsplit(".", 1)[-1].lower() in ("docx", "odt", "md", "markdown", "txt")]
            files += [folder + n for n in sorted(names)]
        else:
            files.append(path)
    return files


def main(argv):
    options = {"--rules": "criteria/plan-checks.yaml", "--criteria": "criteria/ehcp-qa.yaml",
               "--status": None, "--plan-date": None}
    paths = []
    args = iter(argv)
    for arg in args:
        if arg in options:
            options[arg] = next(args)
        else:
            paths.append(arg)
    rules, titles, points = load_rules(options["--rules"], options["--criteria"])
    given_date = datetime.date.fromisoformat(options["--plan-date"]) if options["--plan-date"] else None
    out, failed = [], 0
    for path in expand(paths):
        with open(path, "rb") as f:
            data = f.read()
        try:
            blocks = read_document(path, data)
        except Exception as error:  # a reference: say which file, carry on
            print(f"{path}: cannot be read ({error})", file=sys.stderr)
            failed += 1
            continue
        plan = Plan(blocks, rules, titles)
        status = options["--status"] or ("draft" if plan.draft else "final")
        plan_date = given_date or plan.plan_date
        findings = run_checks(plan, rules, status, plan_date)
        out.append({
            "file": path,
            "digest": hashlib.sha256(data).hexdigest(),
            "rules": str(rules["version"]),
            "status": status,
            "planDate": plan_date.isoformat() if plan_date else None,
            "reviewDate": plan.review_date.isoformat() if plan.review_date else None,
            "sections": [s for s in SECTION_IDS if s in plan.found],
            "findings": findings,
            "counts": {c["id"]: sum(1 for f in findings if f["check"] == c["id"]) for c in rules["checks"]},
            "suggestions": suggestions(findings, rules, points),
        })
    json.dump(out, sys.stdout, ensure_ascii=False)
    sys.stdout.write("\n")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
