"""The old GitHub Pages site's per-meetup table (vdlm-github-site/index.md, FORMATS.md §5): #1-#37, AI, WA."""

import datetime
import re
from dataclasses import dataclass, field

from .markdown import parse_tables


@dataclass
class WebsiteMeetup:
    label: str  # "7", "AI", "WA"
    date: datetime.date
    venue: str
    topic: str
    more_url: str
    videos: list[str] = field(default_factory=list)
    photos_url: str = ""
    meetup_url: str = ""
    line: int = 0


def read_website_meetups(text: str) -> list[WebsiteMeetup]:
    meetups: list[WebsiteMeetup] = []
    for table in parse_tables(text):
        if [h.lower() for h in table.header[:3]] != ["#", "date", "venue"]:
            continue
        for row in table.rows:
            cells = row.cells
            # "2018-12-04/05": an event over two days is dated by its first.
            match = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})(?:/\d{2})?", cells[1].text)
            if not match:
                continue
            date = datetime.date(int(match[1]), int(match[2]), int(match[3]))
            more = cells[4].links[0].href if cells[4].links else ""
            videos = [link.href for link in cells[5].links]
            photos = cells[6].links[0].href if cells[6].links else ""
            meetup = cells[7].links[0].href if cells[7].links else ""
            meetups.append(
                WebsiteMeetup(
                    cells[0].text,
                    date,
                    cells[2].text,
                    cells[3].text,
                    more,
                    videos,
                    photos,
                    meetup,
                    row.line,
                )
            )
    return meetups
