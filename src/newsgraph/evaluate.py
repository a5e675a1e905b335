"""Evaluation of exported graphs against hand-made gold annotations.

The graph is read the way any linked-data consumer reads it: through the schema.org terms the
export asserts. Matching follows the gold format of ``seeds.gold.json``: corpus-level entities
with aliases, meetings paired one to one by shared participants and agreeing dates, roles
found near their person.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from newsgraph.errors import InputError
from newsgraph.export import read

SCHEMA = "https://schema.org/"
SCHEMA_HTTP = "http://schema.org/"
NG = "https://w3id.org/newsgraph/ontology#"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
ENTITY_TYPES = {"persons": "Person", "organizations": "Organization", "places": "Place"}
STATUS_NAMES = {
    NG + "Held": "held",
    NG + "Planned": "planned",
    NG + "Proposed": "proposed",
    NG + "Cancelled": "cancelled",
    SCHEMA + "EventScheduled": "planned",
    SCHEMA + "EventCancelled": "cancelled",
}


def norm(name: str) -> str:
    """The comparable form of a name: case, dashes, dots, a leading "the", a final "'s"."""
    s = unicodedata.normalize("NFKC", str(name)).casefold().strip()
    s = re.sub(r"[\u2010-\u2015\u2212]", "-", s)
    s = s.replace("\u2019", "'").replace(".", "")
    s = re.sub(r"^the\s+", "", s)
    s = re.sub(r"'s$", "", s)
    return re.sub(r"\s+", " ", s)


@dataclass(frozen=True)
class Figures:
    precision: float
    recall: float
    f1: float
    tp: int
    fp: int
    fn: int


def prf(tp: int, fp: int, fn: int) -> Figures:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return Figures(p, r, f, tp, fp, fn)


@dataclass
class Result:
    """Every figure of one evaluation, with the misses and the spurious items."""

    entities: dict[str, Figures] = field(default_factory=dict)
    entity_total: Figures = field(default_factory=lambda: prf(0, 0, 0))
    meetings: Figures = field(default_factory=lambda: prf(0, 0, 0))
    arguments: dict[str, Figures] = field(default_factory=dict)
    arguments_exact: float = 0.0
    roles: float = 0.0
    roles_found: int = 0
    roles_total: int = 0
    missed: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    spurious: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    duplicates: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))

    def headline(self) -> dict[str, float]:
        return {
            "entity_f1": round(self.entity_total.f1, 3),
            "meeting_f1": round(self.meetings.f1, 3),
            "meeting_args_exact": round(self.arguments_exact, 3),
            "roles": round(self.roles, 3),
        }

    def to_json(self) -> dict[str, Any]:
        return {
            "headline": self.headline(),
            "entities": {k: asdict(v) for k, v in self.entities.items()},
            "entity_total": asdict(self.entity_total),
            "meetings": asdict(self.meetings),
            "arguments": {k: asdict(v) for k, v in self.arguments.items()},
            "arguments_exact": self.arguments_exact,
            "roles": {"share": self.roles, "found": self.roles_found, "total": self.roles_total},
            "missed": dict(self.missed),
            "spurious": dict(self.spurious),
            "duplicates": dict(self.duplicates),
        }


class GraphView:
    """The triples of the graphs as plain strings, schema.org folded to https."""

    def __init__(
        self, triples: Iterable[tuple[str, str, ox.NamedNode | ox.BlankNode | ox.Literal]]
    ):
        self.out: dict[str, dict[str, list[ox.NamedNode | ox.BlankNode | ox.Literal]]] = (
            defaultdict(lambda: defaultdict(list))
        )
        self.typed: dict[str, set[str]] = defaultdict(set)
        for s, p, o in triples:
            if p.startswith(SCHEMA_HTTP):
                p = SCHEMA + p[len(SCHEMA_HTTP) :]
            if p == RDF_TYPE and isinstance(o, ox.NamedNode):
                value = o.value
                if value.startswith(SCHEMA_HTTP):
                    value = SCHEMA + value[len(SCHEMA_HTTP) :]
                self.typed[value].add(s)
                o = ox.NamedNode(value)
            if o not in self.out[s][p]:
                self.out[s][p].append(o)
        self.size = sum(len(v) for props in self.out.values() for v in props.values())

    def of_type(self, local: str) -> list[str]:
        return sorted(self.typed.get(SCHEMA + local, set()))

    def objects(self, node: str, prop: str) -> list[ox.NamedNode | ox.BlankNode | ox.Literal]:
        return self.out.get(node, {}).get(prop, [])

    def names(self, node: str) -> set[str]:
        return {
            norm(o.value)
            for p in (SCHEMA + "name", SCHEMA + "alternateName")
            for o in self.objects(node, p)
            if isinstance(o, ox.Literal)
        }


def _key(term: ox.NamedNode | ox.BlankNode | ox.Literal) -> str:
    return term.value if isinstance(term, ox.NamedNode) else str(term)


def load_graphs(paths: Sequence[str]) -> GraphView:
    """Read RDF files (format from the extension) without fetching anything."""
    return GraphView(
        (_key(q.subject), q.predicate.value, q.object)
        for path in paths
        for q in read(path)
        # Quoted triples (RDF-star) say nothing the gold can match.
        if not isinstance(q.subject, ox.Triple) and not isinstance(q.object, ox.Triple)
    )


def _read_json(path: Path) -> dict[str, Any]:
    try:
        data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise InputError(f"{path}: cannot be read as gold JSON ({exc}); check the file") from None
    return data


def load_gold(path: str, split: str | None = None) -> dict[str, Any]:
    """A gold file, or a folder of per-article gold files merged into one corpus-level gold.

    Per-article files carry ``id``, ``published``, ``split`` and the same lists as a corpus
    gold; ``split`` keeps only the articles of that split.
    """
    folder = Path(path)
    if not folder.is_dir():
        return _read_json(folder)
    stories = [_read_json(p) for p in sorted(folder.glob("*.json"))]
    stories = [s for s in stories if split is None or s.get("split") == split]
    if not stories:
        raise InputError(f"{path}: no gold files{f' of split {split!r}' if split else ''}")
    return merge_gold(stories)


def merge_gold(stories: list[dict[str, Any]]) -> dict[str, Any]:
    """One corpus-level gold from per-article ones: an entity named alike in several is one."""
    merged: dict[str, Any] = {"articles": [], "meetings": []}
    for key in ENTITY_TYPES:
        items: list[dict[str, Any]] = []
        for story in stories:
            for item in story.get(key, []):
                names = Gold.names_of(item)
                same = next((it for it in items if Gold.names_of(it) & names), None)
                if same is None:
                    items.append(json.loads(json.dumps(item)))
                    continue
                known = {norm(a) for a in same["aliases"]} | {norm(same["name"])}
                same["aliases"] += [a for a in item.get("aliases", []) if norm(a) not in known]
                if norm(item["name"]) not in known:
                    same["aliases"].append(item["name"])
                roles = same.setdefault("roles", [])
                roles += [r for r in item.get("roles", []) if r not in roles]
                same["optional"] = bool(same.get("optional")) and bool(item.get("optional"))
        merged[key] = items
    for story in stories:
        merged["articles"].append({"id": story["id"], "published": story.get("published")})
        for meeting in story.get("meetings", []):
            merged["meetings"].append({**meeting, "sources": [story["id"]]})
    return merged


class Gold:
    """The gold file's entities by normalised name."""

    def __init__(self, data: dict[str, Any]) -> None:
        self.data = data
        self.entities = [it for key in ENTITY_TYPES for it in data.get(key, [])]
        self.names = [self.names_of(it) for it in self.entities]

    @staticmethod
    def names_of(item: dict[str, Any]) -> set[str]:
        return {norm(item["name"]), *(norm(a) for a in item.get("aliases", []))}

    def index(self, name: str) -> int | None:
        n = norm(name)
        return next((i for i, names in enumerate(self.names) if n in names), None)

    def of_node(self, view: GraphView, node: str) -> int | None:
        for n in sorted(view.names(node)):
            i = next((j for j, names in enumerate(self.names) if n in names), None)
            if i is not None:
                return i
        return None


def evaluate(view: GraphView, data: dict[str, Any]) -> Result:
    """Score a graph against gold annotations."""
    gold = Gold(data)
    result = Result()
    _entities(view, data, result)
    _meetings(view, data, gold, result)
    _roles(view, data, gold, result)
    return result


def _entities(view: GraphView, data: dict[str, Any], result: Result) -> None:
    tp_all = fp_all = fn_all = 0
    for key, cls in ENTITY_TYPES.items():
        items = data.get(key, [])
        names = [Gold.names_of(it) for it in items]
        matched: dict[int, list[str]] = defaultdict(list)
        fps: list[str] = []
        for node in view.of_type(cls):
            found = view.names(node)
            hit = next((i for i, n in enumerate(names) if found & n), None)
            if hit is None:
                fps.append("/".join(sorted(found)) or node)
            elif not items[hit].get("optional"):
                matched[hit].append(node)
        dups = sum(len(v) - 1 for v in matched.values())
        missed = [
            it["name"] for i, it in enumerate(items) if i not in matched and not it.get("optional")
        ]
        figures = prf(len(matched), len(fps) + dups, len(missed))
        result.entities[key] = figures
        result.missed[key] = missed
        result.spurious[key] = fps
        result.duplicates[key] = [
            f"{items[i]['name']} x{len(v)}" for i, v in matched.items() if len(v) > 1
        ]
        tp_all, fp_all, fn_all = tp_all + figures.tp, fp_all + figures.fp, fn_all + figures.fn
    result.entity_total = prf(tp_all, fp_all, fn_all)


def _day(value: str | None) -> str | None:
    return None if value is None else value.split("T")[0]


def _dates_agree(system: str | None, gold: str | None) -> bool:
    if gold is None:
        return True
    if system is None:
        return False
    return (_day(system) or "")[: len(gold)] == gold


@dataclass
class _System:
    node: str
    parts: set[int]
    raw: list[str]
    loc: set[int]
    date: str | None
    status: str | None


def _system_meetings(view: GraphView, gold: Gold) -> list[_System]:
    out = []
    for m in view.of_type("Event"):
        parties = [a for p in ("attendee", "organizer") for a in view.objects(m, SCHEMA + p)]
        parts = {i for a in parties if (i := gold.of_node(view, _key(a))) is not None}
        places = view.objects(m, SCHEMA + "location")
        loc = {i for o in places if (i := gold.of_node(view, _key(o))) is not None}
        dates = [
            o.value for o in view.objects(m, SCHEMA + "startDate") if isinstance(o, ox.Literal)
        ]
        statuses = [
            STATUS_NAMES[o.value]
            for p in (NG + "status", SCHEMA + "eventStatus")
            for o in view.objects(m, p)
            if isinstance(o, ox.NamedNode) and o.value in STATUS_NAMES
        ]
        raw = sorted(n for a in parties for n in view.names(_key(a)))
        out.append(
            _System(
                m, parts, raw, loc, dates[0] if dates else None, statuses[0] if statuses else None
            )
        )
    return out


def _meetings(view: GraphView, data: dict[str, Any], gold: Gold, result: Result) -> None:
    golds = data.get("meetings", [])
    gold_parts = [{gold.index(n) for n in m["participants"]} - {None} for m in golds]
    gold_loc = [gold.index(m["location"]) if m.get("location") else None for m in golds]
    systems = _system_meetings(view, gold)
    candidates = []
    for si, s in enumerate(systems):
        for gi, gm in enumerate(golds):
            shared = s.parts & gold_parts[gi]
            if not shared or not _dates_agree(s.date, gm.get("date")):
                continue
            closeness = len(shared) / len(s.parts | gold_parts[gi]) + (
                gold_loc[gi] is not None and gold_loc[gi] in s.loc
            )
            candidates.append((closeness, si, gi))
    pairs: list[tuple[int, int]] = []
    used_s: set[int] = set()
    used_g: set[int] = set()
    for _, si, gi in sorted(candidates, reverse=True):
        if si not in used_s and gi not in used_g:
            pairs.append((si, gi))
            used_s.add(si)
            used_g.add(gi)
    optional = {gi for gi, gm in enumerate(golds) if gm.get("optional")}
    ignored = {si for si, gi in pairs if gi in optional}
    pairs = [(si, gi) for si, gi in pairs if gi not in optional]
    tp = len(pairs)
    result.meetings = prf(tp, len(systems) - tp - len(ignored), len(golds) - len(optional) - tp)
    counts = {name: [0, 0, 0] for name in ("participants", "location", "date", "status")}
    exact = 0
    for si, gi in pairs:
        s, gm = systems[si], golds[gi]
        part = counts["participants"]
        part[0] += len(s.parts & gold_parts[gi])
        part[1] += len(s.parts - gold_parts[gi])
        part[2] += len(gold_parts[gi] - s.parts)
        exact += s.parts == gold_parts[gi]
        location_ok = (gold_loc[gi] in s.loc) if gold_loc[gi] is not None else not s.loc
        _tally(counts["location"], bool(s.loc), gold_loc[gi] is not None, location_ok)
        date_ok = (_day(s.date) == gm["date"]) if gm.get("date") else s.date is None
        _tally(counts["date"], s.date is not None, gm.get("date") is not None, date_ok)
        _tally(
            counts["status"],
            s.status is not None,
            gm.get("status") is not None,
            s.status == gm.get("status"),
        )
        exact += location_ok + date_ok
    result.arguments = {name: prf(*c) for name, c in counts.items()}
    result.arguments_exact = exact / (3 * tp) if tp else 0.0
    result.missed["meetings"] = [
        f"{gm.get('id')} ({', '.join(gm['participants'])}; {gm.get('location')}; {gm.get('date')})"
        for gi, gm in enumerate(golds)
        if gi not in used_g and gi not in optional
    ]
    result.spurious["meetings"] = [
        f"{s.node} ({', '.join(s.raw) or 'no participants'}; {s.date})"
        for si, s in enumerate(systems)
        if si not in used_s and si not in ignored
    ]


def _tally(counts: list[int], has_system: bool, has_gold: bool, right: bool) -> None:
    """An argument value: right, wrong (a spurious and a missed value), or only on one side."""
    if right and has_gold:
        counts[0] += 1
    elif not right:
        counts[1] += has_system
        counts[2] += has_gold


def _roles(view: GraphView, data: dict[str, Any], gold: Gold, result: Result) -> None:
    total = found = 0
    persons = view.of_type("Person")
    misses = []
    for it in data.get("persons", []):
        if it.get("optional"):
            continue
        names = Gold.names_of(it)
        node = next((n for n in persons if view.names(n) & names), None)
        for role in it.get("roles", []):
            if role.get("optional"):
                continue
            total += 1
            ok = node is not None and _role_near(view, node, role, gold)
            found += ok
            if not ok:
                misses.append(f"{it['name']}: {role['title']} of {role['of']}")
    result.roles_total, result.roles_found = total, found
    result.roles = found / total if total else 1.0
    result.missed["roles"] = misses


def _role_near(view: GraphView, node: str, role: dict[str, Any], gold: Gold) -> bool:
    """The title within two hops of the person and the affiliation within three."""

    def step(nodes: set[str]) -> set[str]:
        return {_key(o) for n in nodes for objs in view.out.get(n, {}).values() for o in objs}

    literals: set[str] = set()
    near = {node}
    for _ in range(2):
        for n in list(near):
            for objs in view.out.get(n, {}).values():
                literals.update(norm(o.value) for o in objs if isinstance(o, ox.Literal))
        near |= step(near)
    title_ok = any(norm(role["title"]) in t for t in literals)
    i = gold.index(role["of"])
    of_names = gold.names[i] if i is not None else {norm(role["of"])}
    far = near | step(near)
    of_ok = any(view.names(n) & of_names for n in far)
    return title_ok and of_ok


def table(result: Result, *, lists: bool = True) -> str:
    """The figures as a plain-text table, then (with ``lists``) the misses and spurious items."""
    rows = [("", "P", "R", "F1", "tp", "fp", "fn")]

    def row(name: str, f: Figures) -> None:
        rows.append(
            (
                name,
                f"{f.precision:.2f}",
                f"{f.recall:.2f}",
                f"{f.f1:.2f}",
                str(f.tp),
                str(f.fp),
                str(f.fn),
            )
        )

    for key, figures in result.entities.items():
        row(key, figures)
    row("entities", result.entity_total)
    row("meetings", result.meetings)
    for key, figures in result.arguments.items():
        row(f"  {key}", figures)
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    lines = [
        "  ".join(
            c.ljust(w) if i == 0 else c.rjust(w)
            for i, (c, w) in enumerate(zip(r, widths, strict=True))
        )
        for r in rows
    ]
    lines.append(f"meeting arguments exact: {result.arguments_exact:.2f}")
    lines.append(f"roles: {result.roles:.2f} ({result.roles_found}/{result.roles_total})")
    kinds = (
        ("missed", result.missed),
        ("spurious", result.spurious),
        ("duplicates", result.duplicates),
    )
    for title, found in kinds if lists else ():
        for key, items in found.items():
            if items:
                lines.append(f"{title} {key}: " + "; ".join(items))
    # Formatted from the exact figures: rounding twice could disagree in the second decimal.
    lines.append(
        f"entity F1={result.entity_total.f1:.2f}  meeting F1={result.meetings.f1:.2f}  "
        f"meeting arguments exact={result.arguments_exact:.2f}  roles={result.roles:.2f}"
    )
    return "\n".join(lines)
