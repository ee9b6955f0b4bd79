using Microsoft.Playwright;
using ServerlessBlog.Testing;

namespace ServerlessBlog.Browser.Tests;

/// <summary>One <c>blog dev</c> on a copy of the sample blog and one headless Chromium, shared by a test class.</summary>
public sealed class DevSiteFixture : IAsyncLifetime
{
    /// <summary>Debian's Chromium: Playwright must never download a browser of its own.</summary>
    public const string ChromiumPath = "/usr/bin/chromium";

    private static readonly TimeSpan ActionTimeout = TimeSpan.FromSeconds(120);

    private IPlaywright? _playwright;

    public DevServer Server { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    public HttpClient Http { get; } = new(new HttpClientHandler { AllowAutoRedirect = false });

    /// <summary>Where the screenshots go: the test project's TestResults folder, kept as an artifact.</summary>
    public static string Screenshots { get; } = Path.Combine(RepositoryRoot.Path, "tests", "ServerlessBlog.Browser.Tests", "TestResults", "screenshots");

    public async Task InitializeAsync()
    {
        await NodePackages.EnsureAzuriteAsync();
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        Server = await DevServer.StartAsync();
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = ChromiumPath, Headless = true });
    }

    /// <summary>A new page in a context of its own, with every console error and uncaught exception collected.</summary>
    public async Task<(IPage Page, List<string> Errors)> OpenAsync(ColorScheme scheme = ColorScheme.Light)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = Server.BaseUrl.AbsoluteUri, ColorScheme = scheme, ViewportSize = new ViewportSize { Width = 1000, Height = 800 } });

        // The suite's projects run side by side on two cores, with the storage soak and chaos tests: a navigation can take
        // longer than Playwright's default 30 s there. These tests judge what pages do, not how fast.
        context.SetDefaultTimeout((float)ActionTimeout.TotalMilliseconds);
        context.SetDefaultNavigationTimeout((float)ActionTimeout.TotalMilliseconds);
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        // Every failed request shows here too, including the icon Chromium fetches on its own after a page loads: the
        // pages link the theme's icon, so a missing one is an error of the site.
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                errors.Add($"{page.Url}: {message.Text}");
            }
        };
        page.PageError += (_, error) => errors.Add($"{page.Url}: {error}");
        return (page, errors);
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        _playwright?.Dispose();
        Http.Dispose();
        if (Server is not null)
        {
            await Server.DisposeAsync();
        }
    }
}
