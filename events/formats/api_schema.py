"""The JSON Schema (draft 2020-12) of the API's responses (events.formats.api), served at /api/schema.json.

The tests validate every kind of response against it with the `jsonschema` package, so the two cannot drift apart.
"""

from events.formats.api import links, page_url, schema_url

# Local times with their UTC offset, as the API writes them: "2024-06-12T18:30:00+02:00".
INSTANT = {
    "type": ["string", "null"],
    "format": "date-time",
    "pattern": r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$",
}
URL = {"type": "string", "format": "uri", "pattern": "^https?://"}
OPTIONAL_URL = {"type": ["string", "null"], "format": "uri", "pattern": "^https?://"}
OPTIONAL_TEXT = {"type": ["string", "null"]}


def _object(properties: dict, description: str = "") -> dict:
    """An object with exactly these properties, all present (null where unknown)."""
    schema = {
        "type": "object",
        "properties": properties,
        "required": list(properties),
        "additionalProperties": False,
    }
    if description:
        schema["description"] = description
    return schema


VENUE = _object(
    {
        "name": {"type": "string"},
        "address": OPTIONAL_TEXT,
        "city": OPTIONAL_TEXT,
        "online": {"type": "boolean"},
        "latitude": {"type": ["number", "null"], "minimum": -90, "maximum": 90},
        "longitude": {"type": ["number", "null"], "minimum": -180, "maximum": 180},
        "url": URL,
    },
    "Where the meetup takes place; null while to be announced.",
)

SLOT = _object(
    {
        "title": {"type": "string"},
        "kind": {"type": "string"},
        "cancelled": {"type": "boolean", "description": "The slot, or its talk, is cancelled."},
        "starts_at": INSTANT,
        "ends_at": INSTANT,
    },
    "A line of the agenda, in running order.",
)

TALK = _object(
    {
        "title": {"type": "string"},
        "url": URL,
        "kind": {"type": "string"},
        "cancelled": {"type": "boolean"},
        "speakers": {
            "type": "array",
            "items": _object({"name": {"type": "string"}, "affiliation": OPTIONAL_TEXT, "url": URL}),
        },
        "abstract": {**OPTIONAL_TEXT, "description": "Markdown."},
        "slides_url": OPTIONAL_URL,
        "video_url": OPTIONAL_URL,
    }
)

EVENT = _object(
    {
        "number": {
            "type": ["integer", "null"],
            "description": "The meetup's number; null for special events.",
        },
        "slug": {"type": "string"},
        "title": {"type": "string"},
        "kind": {"enum": ["meetup", "special", "partner"]},
        "status": {"enum": ["published", "cancelled"]},
        "date": {"type": "string", "format": "date", "pattern": r"^\d{4}-\d{2}-\d{2}$"},
        "starts_at": {**INSTANT, "description": "Null while the time is unknown."},
        "ends_at": {**INSTANT, "description": "Null while the end is unknown."},
        "time_zone": {
            "type": "string",
            "description": "The IANA zone of the local times, e.g. Europe/Vienna.",
        },
        "description": {**OPTIONAL_TEXT, "description": "Markdown."},
        "url": URL,
        "api_url": URL,
        "calendar_url": URL,
        "meetup_url": OPTIONAL_URL,
        "venue": {"oneOf": [{"type": "null"}, VENUE]},
        "agenda": {"type": "array", "items": SLOT},
        "talks": {"type": "array", "items": TALK},
        "sponsors": {
            "type": "array",
            "items": _object({"name": {"type": "string"}, "role": {"type": "string"}}),
        },
        "video_url": OPTIONAL_URL,
        "photos_url": OPTIONAL_URL,
        "updated_at": {"type": "string", "format": "date-time"},
    },
    "A published or cancelled meetup.",
)

PAGE = _object(
    {
        "schema": URL,
        "page": {"type": "integer", "minimum": 1},
        "links": _object(
            {
                "self": URL,
                "first": URL,
                "prev": OPTIONAL_URL,
                "next": OPTIONAL_URL,
                "calendar": URL,
            }
        ),
        "events": {"type": "array", "items": {"$ref": "#/$defs/event"}},
    },
    "A page of meetups, newest first; follow links.next for older ones.",
)

DOCUMENT = _object({"schema": URL, "event": {"$ref": "#/$defs/event"}}, "One meetup.")


def api_schema() -> dict:
    first_page = page_url(1)
    one = links().event_api.format(slug="SLUG")
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": schema_url(),
        "title": "Meetups API",
        "description": f"Pages of meetups, newest first ({first_page}, then links.next), and single meetups ({one}).",
        "oneOf": [{"$ref": "#/$defs/page"}, {"$ref": "#/$defs/document"}],
        "$defs": {"event": EVENT, "page": PAGE, "document": DOCUMENT},
    }
