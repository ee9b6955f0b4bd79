"""Parses each feed given on the command line with feedparser and prints one JSON report per feed."""
import json
import sys

import feedparser

reports = []
for path in sys.argv[1:]:
    feed = feedparser.parse(path)
    reports.append({
        "path": path,
        "bozo": bool(feed.bozo),
        "bozo_exception": str(feed.get("bozo_exception", "")),
        "version": feed.version,
        "title": feed.feed.get("title", ""),
        "link": feed.feed.get("link", ""),
        "entries": [
            {
                "title": entry.get("title", ""),
                "link": entry.get("link", ""),
                "id": entry.get("id", ""),
                "has_date": bool(entry.get("published_parsed") or entry.get("updated_parsed")),
                "has_content": bool(entry.get("content") or entry.get("summary")),
            }
            for entry in feed.entries
        ],
    })
json.dump(reports, sys.stdout)
