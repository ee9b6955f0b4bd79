using System.Net;
using Microsoft.Playwright;

namespace ServerlessBlog.Browser.Tests;

/// <summary>A reader's visit to the site <c>blog dev</c> serves, in Chromium.</summary>
public sealed class BrowsingTests(DevSiteFixture site) : IClassFixture<DevSiteFixture>
{
    [Fact]
    public async Task A_reader_clicks_from_home_to_a_post_to_a_tag_and_home_with_feeds_discoverable_no_console_errors_and_no_broken_links()
    {
        var (page, errors) = await site.OpenAsync();
        var http = site.Http;

        await page.GotoAsync("/");
        await AssertFeedLinksAsync(page);
        await PageChecks.AssertInternalLinksWorkAsync(page, http, site.Server.BaseUrl);

        await page.ClickAsync("a[href='/posts/writing-code/']");
        await page.WaitForURLAsync("**/posts/writing-code/");
        Assert.Equal("Writing about code", await page.InnerTextAsync("h1"));
        await AssertFeedLinksAsync(page);
        await PageChecks.AssertInternalLinksWorkAsync(page, http, site.Server.BaseUrl);

        await page.ClickAsync(".tags a[rel=tag] >> text=serverless");
        await page.WaitForURLAsync("**/tags/serverless/");
        Assert.Contains("serverless", await page.InnerTextAsync("h1"), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(1, await page.Locator("link[rel=alternate][type='application/rss+xml'][href='/tags/serverless/feed.xml']").CountAsync());
        await PageChecks.AssertInternalLinksWorkAsync(page, http, site.Server.BaseUrl);

        await page.ClickAsync("nav[aria-label=Site] >> text=Home");
        await page.WaitForURLAsync(site.Server.BaseUrl.AbsoluteUri);
        Assert.Equal("ServerlessBlog Sample", await page.TitleAsync());

        Assert.Empty(errors);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_missing_url_shows_the_404_page_with_status_404()
    {
        var (page, errors) = await site.OpenAsync();

        var response = await page.GotoAsync("/no/such/page/");

        Assert.Equal((int)HttpStatusCode.NotFound, response!.Status);
        Assert.Equal("Page not found", await page.InnerTextAsync("h1"));
        await PageChecks.AssertInternalLinksWorkAsync(page, site.Http, site.Server.BaseUrl);
        Assert.DoesNotContain(errors, error => !error.Contains("status of 404", StringComparison.Ordinal));
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData(ColorScheme.Light)]
    [InlineData(ColorScheme.Dark)]
    public async Task Every_kind_of_page_is_accessible_and_is_screenshotted_in_each_color_scheme(ColorScheme scheme)
    {
        var (page, errors) = await site.OpenAsync(scheme);
        Directory.CreateDirectory(DevSiteFixture.Screenshots);
        var name = scheme.ToString().ToLowerInvariant();
        var pages = new Dictionary<string, string>
        {
            ["home"] = "/",
            ["post"] = "/posts/writing-code/",
            ["tag"] = "/tags/serverless/",
            ["tags"] = "/tags/",
            ["archive"] = "/archive/",
            ["404"] = "/missing/",
        };

        foreach (var (kind, path) in pages)
        {
            await page.GotoAsync(path);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(DevSiteFixture.Screenshots, $"{kind}-{name}.png"), FullPage = true });
            await PageChecks.AssertAccessibleAsync(page);
        }

        await page.GotoAsync("/");
        var background = await page.EvaluateAsync<string>("() => getComputedStyle(document.body).backgroundColor");
        Assert.Equal(scheme == ColorScheme.Dark ? "rgb(20, 23, 26)" : "rgb(253, 253, 252)", background);
        Assert.DoesNotContain(errors, error => !error.Contains("status of 404", StringComparison.Ordinal));
        await page.Context.CloseAsync();
    }

    private static async Task AssertFeedLinksAsync(IPage page)
    {
        foreach (var (type, href) in new[] { ("application/rss+xml", "/feed.xml"), ("application/atom+xml", "/atom.xml"), ("application/feed+json", "/feed.json") })
        {
            Assert.Equal(1, await page.Locator($"head link[rel=alternate][type='{type}'][href='{href}']").CountAsync());
        }
    }
}
