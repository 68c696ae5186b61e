"""An extraction as JSON and back, so that an upload is extracted once: the task that
extracts it keeps the result for the curator, and confirming stores that result.

The extraction's dataclasses refer to one another (a statement's speaker is one of
the people, a side meeting names its parent meeting): every dataclass instance is
written once, in a flat table, and referred to by its place in it, so the order in
which the database keeps JSON keys does not matter (PostgreSQL's jsonb sorts them).
Only the extraction's own types are read back.
"""
from __future__ import annotations

import dataclasses
import datetime as dt

from meetings.extraction import types as x

_TYPES = {cls.__name__: cls for cls in (x.Article, x.Paragraph, x.DateValue, x.Person, x.Organisation,
                                        x.Meeting, x.Statement, x.Extraction)}
FORMAT = 1


def extraction_dump(extraction: x.Extraction) -> dict:
    table: list[dict] = []
    index: dict[int, int] = {}

    def encode(value):
        if dataclasses.is_dataclass(value) and not isinstance(value, type):
            if type(value).__name__ not in _TYPES:
                raise TypeError(f"cannot keep a {type(value).__name__} of the extraction")
            if id(value) not in index:
                index[id(value)] = len(table)
                table.append({})  # its place is taken before its fields, which may refer back to it
                table[index[id(value)]] = {"$type": type(value).__name__, **{
                    f.name: encode(getattr(value, f.name)) for f in dataclasses.fields(value)}}
            return {"$ref": index[id(value)]}
        if isinstance(value, (set, frozenset)):
            return {"$set": sorted((encode(v) for v in value), key=repr)}
        if isinstance(value, tuple):
            return {"$tuple": [encode(v) for v in value]}
        if isinstance(value, list):
            return [encode(v) for v in value]
        if type(value) is dt.date:
            return {"$date": value.isoformat()}
        if value is None or isinstance(value, (str, int, float, bool)):
            return value
        raise TypeError(f"cannot keep a {type(value).__name__} of the extraction")

    root = encode(extraction)
    return {"format": FORMAT, "root": root["$ref"], "objects": table}


def extraction_load(data: dict) -> x.Extraction:
    if data.get("format") != FORMAT:
        raise ValueError("an extraction kept in another format: extract the article again")
    objects = []
    for entry in data["objects"]:
        cls = _TYPES[entry["$type"]]  # a KeyError for any other type: nothing else is made
        objects.append(cls.__new__(cls))

    def decode(value):
        if isinstance(value, list):
            return [decode(v) for v in value]
        if isinstance(value, dict):
            if "$ref" in value:
                return objects[value["$ref"]]
            if "$set" in value:
                return {decode(v) for v in value["$set"]}
            if "$tuple" in value:
                return tuple(decode(v) for v in value["$tuple"])
            if "$date" in value:
                return dt.date.fromisoformat(value["$date"])
            raise ValueError("not an extraction")
        return value

    for obj, entry in zip(objects, data["objects"]):
        for f in dataclasses.fields(obj):
            if f.name in entry:
                setattr(obj, f.name, decode(entry[f.name]))
            elif f.default is not dataclasses.MISSING:
                setattr(obj, f.name, f.default)
            elif f.default_factory is not dataclasses.MISSING:
                setattr(obj, f.name, f.default_factory())
            else:
                raise ValueError(f"an extraction kept without {type(obj).__name__}.{f.name}")
    extraction = objects[data["root"]]
    if not isinstance(extraction, x.Extraction):
        raise ValueError("not an extraction")
    return extraction
