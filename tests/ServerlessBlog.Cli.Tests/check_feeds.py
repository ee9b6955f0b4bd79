"""Parses each feed given on the command line with feedparser and prints one JSON report per feed."""
import json
import re
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
                # Links in the content as feedparser resolves them (against xml:base, else the feed's own location).
                "hrefs": [href for content in entry.get("content", []) for href in re.findall(r'href="([^"]*)"', content.get("value", ""))],
            }
            for entry in feed.entries
        ],
    })
json.dump(reports, sys.stdout)
