using System.Text;
using static ServerlessBlog.Testing.Hostile.HostileOutcome;

namespace ServerlessBlog.Testing.Hostile;

/// <summary>The table of hostile and broken uploads: one line a case, its bytes and what must become of it.</summary>
internal static class HostileCases
{
    private const string Date = "date: 2024-03-01T10:00:00Z";

    public static List<HostileCase> All() =>
    [
        // Files that are not posts at all.
        Rejected("empty-file", "cases/empty-file.md", [], "the file is empty"),
        Rejected("whitespace-only", "cases/whitespace-only.md", Utf8(" \n\t\r\n"), "the file is empty"),
        Rejected("binary-named-md", "cases/binary-named-md.md", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52], "not valid UTF-8"),
        Rejected("nul-in-text", "cases/nul-in-text.md", Utf8($"---\ntitle: Nul\n{Date}\n---\nText\0more.\n"), "binary, not text"),
        Rejected("control-character", "cases/control-character.md", Utf8($"---\ntitle: Bell\n{Date}\n---\nRing \u0007 the bell.\n"), "control character U+0007"),
        Rejected("referenced-control-character", "cases/referenced-control-character.md", Utf8($"---\ntitle: Bell by reference\n{Date}\n---\nRing &#7; the bell.\n"), "character reference to U+0007"),
        Rejected("escaped-control-character", "cases/escaped-control-character.md", Utf8($"---\ntitle: \"Bell \\x07\"\n{Date}\n---\nBody.\n"), "'title' contains a control character"),
        Rejected("invalid-utf8", "cases/invalid-utf8.md", [.. Utf8($"---\ntitle: Bad bytes\n{Date}\n---\nCaf"), 0xC3, 0x28, .. Utf8("\n")], "not valid UTF-8"),
        Rejected("over-size-limit", "cases/over-size-limit.md", Utf8($"---\ntitle: Too big\n{Date}\n---\n" + Repeat("All work and no play.\n", 50_000)), "more than the limit of 1048576"),
        Rejected("huge-single-line", "cases/huge-single-line.md", Utf8($"---\ntitle: One long line\n{Date}\n---\n" + Repeat("[a](", 100_000)), "more than the limit of 20000"),
        Published("long-line-under-limit", "cases/long-line-under-limit.md", Utf8($"---\ntitle: A long line\n{Date}\n---\n" + Repeat("word ", 3_900)), "long-line-under-limit"),

        // Front matter.
        Published("front-matter-only", "cases/front-matter-only.md", Utf8($"---\ntitle: Only front matter\n{Date}\n---\n"), "front-matter-only"),
        Rejected("unterminated-front-matter", "cases/unterminated-front-matter.md", Utf8($"---\ntitle: Never closed\n{Date}\nBody.\n"), "is never closed"),
        Rejected("invalid-yaml", "cases/invalid-yaml.md", Utf8("---\ntitle: [unclosed\ndate: 2024-03-01\n---\nBody.\n"), "invalid YAML front matter"),
        Rejected("yaml-not-a-mapping", "cases/yaml-not-a-mapping.md", Utf8("---\n- a\n- b\n---\nBody.\n"), "must be a mapping"),
        Rejected("invalid-toml", "cases/invalid-toml.md", Utf8("+++\ntitle = \"unclosed\ndate = 2024-03-01\n+++\nBody.\n"), "invalid TOML front matter"),
        Rejected("yaml-alias-bomb", "cases/yaml-alias-bomb.md", Utf8(AliasBomb()), "alias bomb"),
        Rejected("yaml-deep-nesting", "cases/yaml-deep-nesting.md", Utf8($"---\ntitle: x\ntags: {new string('[', 500)}{new string(']', 500)}\n---\nBody.\n"), "more than 64 deep"),
        Rejected("toml-deep-nesting", "cases/toml-deep-nesting.md", Utf8($"+++\ntitle = \"x\"\ntags = {new string('[', 500)}{new string(']', 500)}\n+++\nBody.\n"), "maximum depth"),

        // Encodings and line endings.
        Published("utf16-le-bom", "cases/utf16-le-bom.md", [0xFF, 0xFE, .. Encoding.Unicode.GetBytes($"---\ntitle: Ünïcødé in UTF-16 ✓\n{Date}\n---\nSixteen bits.\n")], "utf16-le-bom"),
        Published("utf16-be-bom", "cases/utf16-be-bom.md", [0xFE, 0xFF, .. Encoding.BigEndianUnicode.GetBytes($"---\ntitle: Big endian ✓\n{Date}\n---\nSixteen bits.\n")], "utf16-be-bom"),
        Published("utf8-bom", "cases/utf8-bom.md", [0xEF, 0xBB, 0xBF, .. Utf8($"---\ntitle: With a BOM\n{Date}\n---\nBOM.\n")], "utf8-bom"),
        Published("crlf", "cases/crlf.md", Utf8($"---\r\ntitle: Windows line endings\r\n{Date}\r\ntags: [crlf]\r\n---\r\nLine one.\r\nLine two.\r\n"), "crlf"),
        Published("mixed-line-endings", "cases/mixed-line-endings.md", Utf8($"---\r\ntitle: Mixed line endings\n{Date}\r\n---\nOne.\r\nTwo.\nThree.\r\n"), "mixed-line-endings"),

        // Titles, tags and names.
        Published("title-with-html", "cases/title-with-html.md", Utf8($"---\ntitle: \"<script>alert('title')</script> \\\"quoted\\\" & 'single' a/b ünï 🎉\"\n{Date}\n---\nBody.\n"), "title-with-html"),
        Published("tags-with-html", "cases/tags-with-html.md", Utf8($"---\ntitle: Hostile tags\n{Date}\ntags: [\"<b onmouseover=alert(1)>bold</b>\", \"\\\"quoted\\\"\", ünïcødé, \"a/b\", \"with space\", \"C#\", \"../up\", \"%2e%2e\"]\n---\nBody.\n"), "tags-with-html"),
        Published("slug-with-dots-and-slashes", "cases/slug-with-dots-and-slashes.md", Utf8($"---\ntitle: Traversal\nslug: ../../etc/passwd\n{Date}\n---\nBody.\n"), "etc-passwd"),
        Published("slug-with-percent-hash-question", "cases/slug-with-percent-hash-question.md", Utf8($"---\ntitle: Odd slug\nslug: \"100% #1 ?why\"\n{Date}\n---\nBody.\n"), "100-sharp1-why"),
        Published("file-name-with-dots", "cases/dots..in..name.md", Utf8($"---\ntitle: Dots in the name\n{Date}\n---\nBody.\n"), "dots-in-name"),
        Published("file-name-with-percent", "cases/100%-sure.md", Utf8($"---\ntitle: Percent\n{Date}\n---\nBody.\n"), "100-sure"),
        Published("file-name-with-hash", "cases/c#-tips.md", Utf8($"---\ntitle: Hash\n{Date}\n---\nBody.\n"), "csharp-tips"),
        Published("file-name-with-question-mark", "cases/why?.md", Utf8($"---\ntitle: Question\n{Date}\n---\nBody.\n"), "why"),
        Rejected("file-name-without-letters", "cases/%%%.md", Utf8($"---\ntitle: No slug\n{Date}\n---\nBody.\n"), "cannot make a URL slug"),
        Rejected("slug-already-taken", "cases/slug-already-taken.md", Utf8($"---\ntitle: Thief\nslug: {HostileCorpus.TakenSlug}\n{Date}\n---\nBody.\n"), "already taken by base/owner.md"),
        Rejected("alias-outside-the-site", "cases/alias-outside-the-site.md", Utf8($"---\ntitle: Escaping alias\naliases: [\"../../../../outside\"]\n{Date}\n---\nBody.\n"), "is not a path on this site"),
        Rejected("thousands-of-tags", "cases/thousands-of-tags.md", Utf8($"---\ntitle: Tag storm\n{Date}\ntags: [{string.Join(", ", Enumerable.Range(0, 3000).Select(i => $"t{i}"))}]\n---\nBody.\n"), "'tags' has 3000 entries, more than the limit of 50"),
        Published("image-with-script-url", "cases/image-with-script-url.md", Utf8($"---\ntitle: Cover image\nimage: \"javascript:alert(1)\"\n{Date}\n---\nBody.\n"), "image-with-script-url"),

        // Dates.
        Rejected("unparsable-date", "cases/unparsable-date.md", Utf8("---\ntitle: When?\ndate: next tuesday\n---\nBody.\n"), "'date' is not a date"),
        Rejected("out-of-range-date", "cases/out-of-range-date.md", Utf8("---\ntitle: Month 13\ndate: 2024-13-45\n---\nBody.\n"), "'date' is not a date"),
        Rejected("five-digit-year", "cases/five-digit-year.md", Utf8("---\ntitle: Far future\ndate: 99999-01-01\n---\nBody.\n"), "'date' is not a date"),
        Published("year-one", "cases/year-one.md", Utf8("---\ntitle: Year one\ndate: 0001-01-01\n---\nBody.\n"), "year-one"),

        // Markdown structure.
        Published("nested-lists", "cases/nested-lists.md", Utf8($"---\ntitle: Nested lists\n{Date}\n---\n" + string.Concat(Enumerable.Range(0, 40).Select(i => new string(' ', i * 2) + "- level\n"))), "nested-lists"),
        Rejected("deeply-nested-lists", "cases/deeply-nested-lists.md", Utf8($"---\ntitle: Too deep\n{Date}\n---\n" + string.Concat(Enumerable.Range(0, 900).Select(i => new string(' ', i * 2) + "- level\n"))), "too deep to render"),
        Published("nested-block-quotes", "cases/nested-block-quotes.md", Utf8($"---\ntitle: Nested quotes\n{Date}\n---\n" + new string('>', 30) + " deep\n"), "nested-block-quotes"),
        Rejected("deeply-nested-block-quotes", "cases/deeply-nested-block-quotes.md", Utf8($"---\ntitle: Too deep quotes\n{Date}\n---\n" + new string('>', 19_000) + " deep\n"), "too deep to render"),
        Rejected("raw-html-flood", "cases/raw-html-flood.md", Utf8($"---\ntitle: Divs\n{Date}\n---\n" + Repeat("<div>\n", 20_000)), "raw HTML tags"),

        // Script in Markdown.
        Published("raw-script", "cases/raw-script.md", Utf8($"---\ntitle: Script\n{Date}\n---\n<script>alert('raw')</script>\n\nText <script>alert('inline')</script> here.\n"), "raw-script"),
        Published("raw-iframe", "cases/raw-iframe.md", Utf8($"---\ntitle: Frame\n{Date}\n---\n<iframe src=\"https://evil.example/\"></iframe>\n\n<object data=\"x.swf\"></object><embed src=\"x.swf\">\n"), "raw-iframe"),
        Published("event-handlers", "cases/event-handlers.md", Utf8($"---\ntitle: Handlers\n{Date}\n---\n<img src=\"x.png\" onerror=\"alert(1)\">\n\n<div onclick=\"alert(2)\" onmouseover=alert(3)>hover</div>\n\n<details open ontoggle=alert(4)><summary>s</summary>x</details>\n\n<svg onload=alert(5)></svg>\n"), "event-handlers"),
        Published("javascript-links", "cases/javascript-links.md", Utf8($"---\ntitle: Script links\n{Date}\n---\n[md](javascript:alert(1)) [tab](<java\tscript:alert(2)>) [ent](jav&#x09;ascript:alert(3)) <javascript:alert(4)>\n\n<a href=\"JaVaScRiPt:alert(5)\">html</a> <a href=\" javascript:alert(6)\">space</a>\n\n[ref]\n\n[ref]: vbscript:msgbox(7)\n"), "javascript-links"),
        Published("data-links", "cases/data-links.md", Utf8($"---\ntitle: Data links\n{Date}\n---\n[page](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==) ![svg](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+) <a href=\"data:text/html,<script>alert(2)</script>\">html</a>\n"), "data-links"),
        Published("harmless-html", "cases/harmless-html.md", Utf8($"---\ntitle: Harmless HTML\n{Date}\n---\nPress <kbd>Ctrl</kbd>, x<sup>2</sup>.\n\n<details><summary>More</summary>Hidden.</details>\n"), "harmless-html"),

        // Assets.
        Published("svg-plain", "cases/plain.svg", Utf8("<svg xmlns=\"http://www.w3.org/2000/svg\"><circle r=\"4\"/></svg>")),
        Rejected("svg-with-script", "cases/script.svg", Utf8("<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"), "<script> element"),
        Rejected("svg-with-handler", "cases/handler.svg", Utf8("<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>"), "event handler"),
        Rejected("svg-with-script-link", "cases/link.svg", Utf8("<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\"><a xlink:href=\"javascript:alert(1)\"><text>x</text></a></svg>"), "script or data URL"),
        Rejected("svg-with-foreign-object", "cases/foreign.svg", Utf8("<svg xmlns=\"http://www.w3.org/2000/svg\"><foreignObject><div xmlns=\"http://www.w3.org/1999/xhtml\">x</div></foreignObject></svg>"), "<foreignObject> element"),
        Rejected("svg-with-entities", "cases/entities.svg", Utf8("<?xml version=\"1.0\"?><!DOCTYPE svg [<!ENTITY a \"aaaa\">]><svg xmlns=\"http://www.w3.org/2000/svg\">&a;</svg>"), "not well-formed XML"),
        Rejected("html-asset", "cases/page.html", Utf8("<script>alert(document.cookie)</script>"), "would open as a page of the site"),

        // Names the site ignores.
        Ignored("hidden-file", "cases/.hidden.md", Utf8($"---\ntitle: Hidden\n{Date}\n---\nBody.\n")),
        Ignored("hidden-folder", "cases/.git/config.md", Utf8($"---\ntitle: Git\n{Date}\n---\nBody.\n")),
        Ignored("name-only-dots", "cases/...", Utf8("dots")),
        Ignored("folder-only-dots", "cases/..../post.md", Utf8($"---\ntitle: Dots\n{Date}\n---\nBody.\n")),
    ];

    private static HostileCase Published(string name, string path, byte[] content, string? slug = null) => new(name, path, content, HostileOutcome.Published, Slug: slug);

    private static HostileCase Rejected(string name, string path, byte[] content, string reason) => new(name, path, content, HostileOutcome.Rejected, reason);

    private static HostileCase Ignored(string name, string path, byte[] content) => new(name, path, content, HostileOutcome.Ignored);

    private static byte[] Utf8(string text) => HostileCorpus.Utf8(text);

    private static string Repeat(string text, int count) => new StringBuilder(text.Length * count).Insert(0, text, count).ToString();

    private static string AliasBomb()
    {
        var yaml = new StringBuilder("---\ntitle: Billion laughs\na: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        for (var level = 'b'; level <= 'i'; level++)
        {
            var previous = (char)(level - 1);
            yaml.Append(level).Append(": &").Append(level).Append(" [").Append(string.Join(',', Enumerable.Repeat($"*{previous}", 9))).Append("]\n");
        }

        return yaml.Append("---\nBody.\n").ToString();
    }
}
