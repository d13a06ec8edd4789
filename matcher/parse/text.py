"""Small helpers every part of the parse stage uses on a line's text: cleaning, bullets,
Markdown, and the words that name roles and organisations."""

from __future__ import annotations

import re
from functools import lru_cache

from matcher.document import BULLET_GLYPHS

# A bullet glyph, or a mark that opens a list's item here: a dash, "*" or ">" even glued
# to the text, "o" before a space, a number or a letter ("1.", "2)", "(a)").
_BULLET_RE = re.compile(rf"^\s*(?:[{BULLET_GLYPHS}*\-–—>]+\s*|o\s+|\d{{1,2}}[.)]\s+|\(?[a-z]\)\s+)")
_MARKDOWN_RE = re.compile(r"^\s*#{1,6}\s*|\*\*|__")
# Fullwidth punctuation read through the wrong code page, as PDFs exported from some resume
# sites carry it: "ï¼Œ" is U+FF0C (comma); "ï¼" followed by an invisible character is
# U+FF0D (hyphen), used both as a range dash ("11/2015 ï¼ 12/2015") and between employer
# and place.  Zero-width characters split words invisibly.
_MOJIBAKE = (
    ("ï¼Œ", ", "),
    ("ï¼\u200b", " – "),
    ("ï¼", " – "),
    ("，", ", "),
    ("－", " – "),
    ("\u200b", ""),
)


# Each line is cleaned about five times on its way through the stage (headings, dates,
# headers, certifications); the answer depends only on the text.
@lru_cache(maxsize=8192)
def _clean(text: str) -> str:
    if not text.isascii():  # every mojibake sequence holds a character beyond ASCII
        for bad, good in _MOJIBAKE:
            text = text.replace(bad, good)
    return " ".join(text.split())


def _strip_markdown(text: str) -> str:
    """``text`` without Markdown's heading marks and emphasis."""
    # Every match of _MARKDOWN_RE holds one of these marks, and most lines none: three
    # substring tests are far cheaper than the substitution (and, written out, than any()
    # over a tuple of them, on some hundred lines per resume).
    if "#" not in text and "**" not in text and "__" not in text:
        return text
    return _MARKDOWN_RE.sub("", text)


def _is_bullet(text: str) -> bool:
    return bool(_BULLET_RE.match(text)) and not text.lstrip().startswith("**")


def _strip_bullet(text: str) -> str:
    if text.lstrip().startswith("**"):
        return text.strip()
    return _BULLET_RE.sub("", text, count=1).strip()


def _wordset(text: str) -> frozenset[str]:
    """A set of words written as one string (long vocabularies read better that way)."""
    return frozenset(text.split())


# Nouns that make a line a job title rather than a name, a heading or an organisation.
_ROLE_WORDS = _wordset(
    """
    engineer engineers developer developers scientist scientists analyst analysts manager managers
    director directors lead leader head intern internship consultant architect specialist officer
    assistant associate coordinator administrator admin accountant chef cook teacher tutor lecturer
    professor instructor designer researcher vp president founder co-founder cofounder owner
    technician representative rep supervisor clerk nurse advisor adviser executive programmer
    partner principal fellow trainee apprentice student editor writer producer agent cashier
    auditor controller bookkeeper attorney lawyer paralegal counsel physician therapist pharmacist
    operator mechanic driver pilot officer secretary receptionist recruiter strategist planner
    buyer merchandiser banker underwriter teller trader broker examiner inspector estimator
    electrician carpenter technologist scientist statistician economist translator volunteer
    chair chairman ceo cto cfo coo cio cdo svp evp avp staff sr sr. jr jr. senior junior
    worker workers laborer mentor coach trainer guard server bartender host hostess
    barista waiter waitress stylist hairstylist realtor hygienist housekeeper caregiver
    photographer videographer copywriter welder plumber nanny babysitter dispatcher custodian
    janitor machinist paramedic surgeon dentist veterinarian psychologist psychiatrist counselor
    counsellor librarian archivist curator journalist reporter correspondent illustrator
    animator musician lifeguard member ambassador attendant scribe preparer adjuster actuary
    investigator firefighter sergeant lieutenant clinician dietitian nutritionist optometrist
    chiropractor midwife phlebotomist sonographer radiographer practitioner contractor
    freelancer handyman landscaper installer assembler courier concierge tester webmaster
    generalist liaison facilitator moderator organizer organiser marketer salesperson salesman
    saleswoman surveyor draftsman drafter geologist chemist biologist physicist mathematician
    epidemiologist aide educator registrar superintendent postdoc treasurer comptroller
    processor coder biller transcriptionist interpreter columnist publicist spokesperson
    scheduler foreman fabricator millwright steward evangelist
    """
)
"""Surnames that are also trades ("Baker", "Mason", "Porter", "Dean") are left out: the
contact stage reads a line holding one of these words as no person's name."""
_ORG_WORDS = _wordset(
    """
    inc inc. corp corp. corporation llc llp ltd ltd. limited company co co. gmbh ag plc sa
    university college institute school academy labs lab laboratory laboratories technologies
    technology solutions group bank hospital clinic agency foundation partners consulting services
    systems software holdings industries international enterprises ventures studio studios
    associates firm council department ministry government org organization organisation
    """
)
_INSTITUTION_RE = re.compile(
    r"\b(?:universit|college|institut|school|academy|polytechnic|conservatory|iit\b|mit\b"
    r"|universidad|universidade|hochschule|école|ecole|politecnico)",
    re.IGNORECASE,
)


def _balance(text: str) -> str:
    """Drop a parenthesis left open or closed at either end by cutting a date off."""
    while text.endswith(")") and text.count(")") > text.count("("):
        text = text[:-1].rstrip()
    while text.startswith("(") and text.count("(") > text.count(")"):
        text = text[1:].lstrip()
    if text.count("(") > text.count(")"):
        text = text.rstrip(" (") if text.endswith("(") else text + ")"
    return text
