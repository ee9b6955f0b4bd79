using Microsoft.Playwright;
using ServerlessBlog.Core.Storage;
using ServerlessBlog.Testing.Hostile;

namespace ServerlessBlog.Browser.Tests;

/// <summary>
/// Every page the hostile corpus publishes, loaded in Chromium with scripts enabled: none of the scripts, event
/// handlers and script URLs the corpus carries may run. The site is served from its build folder at its own origin
/// through Playwright's request routing; requests anywhere else are refused.
/// </summary>
public sealed class HostilePagesTests : IAsyncLifetime
{
    private const string Marker = "SCRIPT-RAN";

    // A page no build writes, served with a script in it, to show that the watch catches a script that runs.
    private const string ProbePath = "probe-with-a-script.html";

    // Runs before any script of a page: a hostile script that reaches alert, confirm or prompt also leaves a marker.
    private const string Tripwire = """
        for (const name of ['alert', 'confirm', 'prompt']) {
          const original = window[name];
          window[name] = function (...args) { console.log('SCRIPT-RAN ' + name); return original.apply(this, args); };
        }
        """;

    private const string Findings = """
        () => {
          const handlers = [...document.querySelectorAll('*')].flatMap(e => [...e.attributes].filter(a => a.name.toLowerCase().startsWith('on')).map(a => e.tagName + ' ' + a.name));
          const scriptUrls = [...document.querySelectorAll('[href], [src], [action], [formaction], [data]')]
            .flatMap(e => ['href', 'src', 'action', 'formaction', 'data'].map(n => e.getAttribute(n)).filter(v => v && /^\s*(javascript|vbscript|data):/i.test(v) && !/^\s*data:image\/(png|gif|jpeg|webp);/i.test(v)));
          const active = [...document.querySelectorAll('script, iframe, object, embed, frame, base, form')].map(e => e.tagName);
          for (const element of document.querySelectorAll('*')) {
            for (const type of ['mouseover', 'focus', 'load', 'error', 'animationstart', 'toggle']) element.dispatchEvent(new Event(type));
          }
          return [...handlers, ...scriptUrls, ...active];
        }
        """;

    private readonly string _site = Directory.CreateTempSubdirectory("hostile-site-").FullName;
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public async Task InitializeAsync()
    {
        await HostileCorpus.BuildSiteAsync(_site);
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = DevSiteFixture.ChromiumPath, Headless = true });
    }

    [Fact]
    public async Task No_page_of_the_hostile_corpus_runs_a_script_in_chromium()
    {
        var context = await _browser!.NewContextAsync(new BrowserNewContextOptions { JavaScriptEnabled = true });
        await context.AddInitScriptAsync(Tripwire);
        await context.RouteAsync("**/*", ServeAsync);
        var page = await context.NewPageAsync();
        var ran = new List<string>();
        page.Dialog += async (_, dialog) =>
        {
            ran.Add($"{page.Url}: {dialog.Type} dialog '{dialog.Message}'");
            await dialog.DismissAsync();
        };
        page.Console += (_, message) =>
        {
            if (message.Text.Contains(Marker, StringComparison.Ordinal))
            {
                ran.Add($"{page.Url}: {message.Text}");
            }
        };

        var pages = Directory.EnumerateFiles(_site, "*.html", SearchOption.AllDirectories)
            .Select(file => Path.GetRelativePath(_site, file).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .ToList();
        var findings = new List<string>();
        foreach (var path in pages)
        {
            await page.GotoAsync(HostileCorpus.BaseUrl + path, new PageGotoOptions { WaitUntil = WaitUntilState.Load });
            findings.AddRange((await page.EvaluateAsync<string[]>(Findings)).Select(finding => $"{path}: {finding}"));

            // Give timers and handlers a page may have set a moment to fire.
            await page.WaitForTimeoutAsync(20);
        }

        Assert.True(pages.Count >= 40, $"Only {pages.Count} pages were published: the corpus did not build as expected.");
        Assert.Contains("posts/raw-script/index.html", pages);
        Assert.Contains("posts/event-handlers/index.html", pages);
        Assert.Contains("posts/javascript-links/index.html", pages);
        Assert.Empty(ran);
        Assert.Empty(findings);

        // The same watch over a page that does run a script sees it: the checks above can fail.
        await page.GotoAsync(HostileCorpus.BaseUrl + ProbePath);
        await page.WaitForTimeoutAsync(100);
        Assert.Contains(ran, entry => entry.Contains("dialog 'probe'", StringComparison.Ordinal));
        Assert.Contains(ran, entry => entry.Contains(Marker + " alert", StringComparison.Ordinal));
        await context.CloseAsync();
    }

    /// <summary>The build folder as a static website serves it: folder URLs get their index.html, misses get 404.html.</summary>
    private async Task ServeAsync(IRoute route)
    {
        var url = new Uri(route.Request.Url);
        if (!string.Equals(url.GetLeftPart(UriPartial.Authority) + "/", HostileCorpus.BaseUrl, StringComparison.Ordinal))
        {
            await route.AbortAsync();
            return;
        }

        var path = Uri.UnescapeDataString(url.AbsolutePath).TrimStart('/');
        if (path == ProbePath)
        {
            await route.FulfillAsync(new RouteFulfillOptions { Status = 200, ContentType = ContentTypes.Html, Body = "<!doctype html><title>Probe</title><script>alert('probe')</script>" });
            return;
        }

        if (path.Length == 0 || path.EndsWith('/'))
        {
            path += "index.html";
        }

        var file = Path.GetFullPath(Path.Combine(_site, path));
        var found = file.StartsWith(_site, StringComparison.Ordinal) && File.Exists(file);
        var served = found ? file : Path.Combine(_site, "404.html");
        await route.FulfillAsync(new RouteFulfillOptions
        {
            Status = found ? 200 : 404,
            ContentType = ContentTypes.ForPath(found ? path : "404.html"),
            BodyBytes = await File.ReadAllBytesAsync(served),
        });
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
        }

        _playwright?.Dispose();
        Directory.Delete(_site, recursive: true);
    }
}
