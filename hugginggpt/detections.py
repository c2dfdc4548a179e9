"""What a list of detections says, one rule for the experts that write them and the answer that reads
them: how many people they show.

A detection is {"label", "score", "box": {"xmin", "ymin", "xmax", "ymax"}}. Detectors box a person
whole ("person"), by the face ("face"), or both: a face inside a person's box is that person again.
"""

from __future__ import annotations

from typing import Any

PERSON_LABELS = frozenset({"person", "people", "man", "woman", "boy", "girl", "child", "pedestrian"})


def inside(a: dict[str, Any], b: dict[str, Any]) -> bool:
    """Is box `a`'s centre inside box `b`?"""
    cx, cy = (a["xmin"] + a["xmax"]) / 2, (a["ymin"] + a["ymax"]) / 2
    return b["xmin"] <= cx <= b["xmax"] and b["ymin"] <= cy <= b["ymax"]


def _boxed(d: Any) -> bool:
    return isinstance(d, dict) and isinstance(d.get("box"), dict) and {"xmin", "ymin", "xmax", "ymax"} <= set(d["box"])


def people(found: list[dict[str, Any]]) -> tuple[int, int, int]:
    """(people, whole figures, faces): every person box is a person, and every face outside all of them."""
    bodies = [d for d in found if str(d.get("label", "")).lower() in PERSON_LABELS]
    faces = [d for d in found if str(d.get("label", "")).lower() == "face"]
    alone = [f for f in faces if not (_boxed(f) and any(_boxed(b) and inside(f["box"], b["box"]) for b in bodies))]
    return len(bodies) + len(alone), len(bodies), len(faces)


def people_said(found: list[dict[str, Any]]) -> tuple[str, str]:
    """("2 people", "2 faces"), ("1 person", ""), ("3 people", "2 seen whole, 3 faces"): the count of
    `people` in words and what it rests on ("" when every person was seen whole)."""
    n, bodies, faces = people(found)
    count = f"{n} {'person' if n == 1 else 'people'}"
    if not faces:
        return count, ""
    by = f"{faces} face{'s' * (faces != 1)}"
    return count, by if not bodies else f"{bodies} seen whole, {by}"


def say_people(found: list[dict[str, Any]]) -> str:
    """ "2 people (2 faces)", "1 person", "3 people (2 whole, 3 faces)": the count and what it rests on."""
    count, basis = people_said(found)
    return f"{count} ({basis})" if basis else count
