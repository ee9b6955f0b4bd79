using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace ServerlessBlog.Cli.Tests;

/// <summary>The built sites judged by real validators: the Nu Html Checker, feedparser and xmllint.</summary>
public sealed partial class SiteValidationTests(BuiltSites sites) : IClassFixture<BuiltSites>
{
    [Fact]
    public async Task Every_page_is_valid_html5_by_the_nu_html_checker()
    {
        await RepositoryTools.EnsureNodePackagesAsync();
        var pages = sites.Files("*.html").ToList();
        Assert.True(pages.Count > 40, $"only {pages.Count} pages were built");

        var result = await RepositoryTools.RunAsync("java", ["-jar", RepositoryTools.VnuJar, "--errors-only", "--format", "json", .. pages], RepositoryTools.Root);

        using var report = JsonDocument.Parse(result.StandardError.Length > 0 ? result.StandardError : result.StandardOutput);
        var errors = report.RootElement.GetProperty("messages").EnumerateArray()
            .Select(message => $"{message.GetProperty("url").GetString()}: {message.GetProperty("message").GetString()}")
            .ToList();
        Assert.Empty(errors);
        Assert.Equal(0, result.ExitCode);
    }

    [Fact]
    public async Task Every_feed_parses_cleanly_in_feedparser_with_dated_linked_identified_items()
    {
        var feeds = sites.Files("*.xml").Where(path => !Path.GetFileName(path).StartsWith("sitemap", StringComparison.Ordinal)).ToList();
        Assert.Contains(feeds, path => path.EndsWith("/atom.xml", StringComparison.Ordinal));
        Assert.Contains(feeds, path => path.EndsWith("/tags/csharp/feed.xml", StringComparison.Ordinal));

        var result = await RepositoryTools.RunAsync("/usr/bin/python3", [Path.Combine(AppContext.BaseDirectory, "check_feeds.py"), .. feeds], RepositoryTools.Root);

        Assert.True(result.ExitCode == 0, $"feedparser failed (apt-get install python3-feedparser):\n{result.StandardError}");
        using var reports = JsonDocument.Parse(result.StandardOutput);
        foreach (var report in reports.RootElement.EnumerateArray())
        {
            var path = report.GetProperty("path").GetString();
            Assert.False(report.GetProperty("bozo").GetBoolean(), $"{path}: {report.GetProperty("bozo_exception").GetString()}");
            Assert.Matches("^(rss20|atom10)$", report.GetProperty("version").GetString());
            var entries = report.GetProperty("entries").EnumerateArray().ToList();
            Assert.NotEmpty(entries);
            Assert.All(entries, entry =>
            {
                Assert.True(entry.GetProperty("has_date").GetBoolean(), $"{path}: an entry has no parsed date");
                Assert.True(entry.GetProperty("has_content").GetBoolean(), $"{path}: an entry has no content");
                Assert.StartsWith("http", entry.GetProperty("link").GetString(), StringComparison.Ordinal);
                Assert.Equal(entry.GetProperty("link").GetString(), entry.GetProperty("id").GetString());
                if (report.GetProperty("version").GetString() == "atom10")
                {
                    // Footnotes and #fragment links resolve against the entry's page, not the feed file.
                    Assert.All(entry.GetProperty("hrefs").EnumerateArray(), href => Assert.StartsWith("http", href.GetString(), StringComparison.Ordinal));
                }
            });
        }
    }

    [Fact]
    public async Task Every_xml_file_is_well_formed_by_xmllint()
    {
        var files = sites.Files("*.xml").ToList();

        var result = await RepositoryTools.RunAsync("xmllint", ["--noout", .. files], RepositoryTools.Root);

        Assert.True(result.ExitCode == 0, result.StandardError);
    }

    [Fact]
    public void Sitemaps_list_every_post_and_listing_page_with_absolute_urls_and_lastmod()
    {
        XNamespace ns = "http://www.sitemaps.org/schemas/sitemap/0.9";
        var index = XDocument.Load(Path.Combine(sites.Golden, "sitemap.xml"));
        var children = index.Root!.Elements(ns + "sitemap").Select(sitemap => sitemap.Element(ns + "loc")!.Value).ToList();
        var urls = children
            .Select(child => XDocument.Load(Path.Combine(sites.Golden, child["https://golden.example/blog/".Length..])))
            .SelectMany(sitemap => sitemap.Root!.Elements(ns + "url"))
            .ToList();

        Assert.All(urls, url => Assert.Matches(@"^\d{4}-\d{2}-\d{2}T", url.Element(ns + "lastmod")!.Value));
        var locations = urls.Select(url => url.Element(ns + "loc")!.Value).ToList();
        Assert.All(locations, location => Assert.StartsWith("https://golden.example/blog/", location, StringComparison.Ordinal));
        Assert.Contains("https://golden.example/blog/posts/yaml-post/", locations);
        Assert.Contains("https://golden.example/blog/tags/csharp/", locations);
        Assert.Equal(9, locations.Count(location => location.Contains("/posts/", StringComparison.Ordinal)));
        Assert.Contains("Sitemap: https://golden.example/blog/sitemap.xml", File.ReadAllText(Path.Combine(sites.Golden, "robots.txt")), StringComparison.Ordinal);
    }

    [Fact]
    public void The_json_feed_is_json_feed_1_1_with_ids_urls_dates_and_content()
    {
        using var feed = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(sites.Golden, "feed.json")));

        Assert.Equal("https://jsonfeed.org/version/1.1", feed.RootElement.GetProperty("version").GetString());
        Assert.Equal("https://golden.example/blog/feed.json", feed.RootElement.GetProperty("feed_url").GetString());
        var items = feed.RootElement.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(4, items.Count);
        Assert.All(items, item =>
        {
            Assert.StartsWith("https://golden.example/blog/posts/", item.GetProperty("id").GetString(), StringComparison.Ordinal);
            Assert.True(DateTimeOffset.TryParse(item.GetProperty("date_published").GetString(), System.Globalization.CultureInfo.InvariantCulture, out _));
            Assert.False(string.IsNullOrEmpty(item.GetProperty("content_html").GetString()));
        });
    }

    [Fact]
    public void Every_internal_link_and_image_points_to_a_file_the_build_wrote()
    {
        var broken = new List<string>();
        foreach (var (folder, basePath) in new[] { (sites.Sample, "/"), (sites.Golden, "/blog/") })
        {
            foreach (var page in Directory.EnumerateFiles(folder, "*.html", SearchOption.AllDirectories))
            {
                foreach (Match match in Reference().Matches(File.ReadAllText(page)))
                {
                    var url = System.Net.WebUtility.HtmlDecode(match.Groups["url"].Value);
                    var path = InternalPath(url, basePath);
                    if (path is not null && !Exists(folder, path))
                    {
                        broken.Add($"{Path.GetRelativePath(folder, page)} -> {url}");
                    }
                }
            }
        }

        Assert.Empty(broken);
    }

    private static string? InternalPath(string url, string basePath)
    {
        foreach (var origin in new[] { "http://localhost:5080", "https://golden.example" })
        {
            if (url.StartsWith(origin, StringComparison.Ordinal))
            {
                url = url[origin.Length..];
            }
        }

        if (!url.StartsWith(basePath, StringComparison.Ordinal))
        {
            return null;
        }

        var end = url.IndexOfAny(['#', '?']);
        return Uri.UnescapeDataString(end < 0 ? url[basePath.Length..] : url[basePath.Length..end]);
    }

    private static bool Exists(string folder, string path) =>
        path.Length == 0 || path.EndsWith('/') ? File.Exists(Path.Combine(folder, path, "index.html")) : File.Exists(Path.Combine(folder, path));

    [GeneratedRegex("(?:href|src)=\"(?<url>[^\"]+)\"")]
    private static partial Regex Reference();
}
