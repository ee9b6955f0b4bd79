using System.Net;
using System.Text.Json;
using Microsoft.Playwright;
using ServerlessBlog.Testing;

namespace ServerlessBlog.Browser.Tests;

/// <summary>What every page of the site must pass in the browser: its links work, and axe-core finds nothing serious.</summary>
internal static class PageChecks
{
    private static readonly string AxeScript = Path.Combine(RepositoryRoot.Path, "node_modules", "axe-core", "axe.min.js");

    /// <summary>Every same-site link and resource the page names answers 200 without a redirect.</summary>
    public static async Task AssertInternalLinksWorkAsync(IPage page, HttpClient http, Uri site)
    {
        // In-page anchors (the skip link) name the page itself, which may be the 404 page.
        var targets = await page.EvaluateAsync<string[]>("() => [...document.querySelectorAll(\"a[href]:not([href^='#']), link[href]\")].map(e => e.href)");
        var internalLinks = targets.Select(target => new Uri(target)).Where(uri => uri.Authority == site.Authority)
            .Select(uri => new UriBuilder(uri) { Fragment = string.Empty }.Uri).Distinct().ToList();
        Assert.NotEmpty(internalLinks);
        foreach (var link in internalLinks)
        {
            using var response = await http.GetAsync(link);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{page.Url} links to {link}, which answers {(int)response.StatusCode}");
        }
    }

    /// <summary>Injects axe-core and fails on any serious or critical violation.</summary>
    public static async Task AssertAccessibleAsync(IPage page)
    {
        await NodePackages.EnsureInstalledAsync(AxeScript);
        await page.AddScriptTagAsync(new PageAddScriptTagOptions { Path = AxeScript });
        var violations = await page.EvaluateAsync<JsonElement>(
            "async () => (await axe.run(document, { resultTypes: ['violations'] })).violations.map(v => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map(n => n.target.join(' ')) }))");
        var serious = violations.EnumerateArray()
            .Where(violation => violation.GetProperty("impact").GetString() is "serious" or "critical")
            .Select(violation => $"{violation.GetProperty("id").GetString()} ({violation.GetProperty("impact").GetString()}): {violation.GetProperty("help").GetString()} at {violation.GetProperty("targets")}")
            .ToList();
        Assert.True(serious.Count == 0, $"{page.Url}:\n{string.Join('\n', serious)}");
    }
}
