using System.Diagnostics;
using System.Net;
using Microsoft.Playwright;

namespace ServerlessBlog.Browser.Tests;

/// <summary>The author's loop in <c>blog dev</c>: a save shows in the open page by itself, a delete unpublishes.</summary>
public sealed class LiveEditingTests(DevSiteFixture site) : IClassFixture<DevSiteFixture>
{
    private static readonly TimeSpan UpdateTimeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Saving_a_post_updates_the_open_page_without_a_reload_by_the_reader()
    {
        var (page, _) = await site.OpenAsync();
        await page.GotoAsync("/posts/writing-code/");
        Assert.Equal("Writing about code", await page.InnerTextAsync("h1"));

        var file = Path.Combine(site.Server.Content, "posts", "writing-code.md");
        var saved = Stopwatch.StartNew();
        await File.WriteAllTextAsync(file, (await File.ReadAllTextAsync(file)).Replace("title = \"Writing about code\"", "title = \"Writing about code, revised\"", StringComparison.Ordinal));

        await page.WaitForFunctionAsync("() => document.querySelector('h1').textContent === 'Writing about code, revised'", null, new() { Timeout = (float)UpdateTimeout.TotalMilliseconds });
        Console.WriteLine($"save to browser update: {saved.Elapsed.TotalSeconds:0.0} s");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Saving_a_theme_file_renders_the_open_page_again_and_deleting_it_brings_back_the_default_theme()
    {
        var (page, errors) = await site.OpenAsync();
        await page.GotoAsync("/posts/hello-world/");
        Assert.Equal(1, await page.Locator("article.post").CountAsync());
        var theme = Path.Combine(site.Server.Content, "_theme", "post.liquid");
        var wait = new PageWaitForFunctionOptions { Timeout = (float)UpdateTimeout.TotalMilliseconds };

        Directory.CreateDirectory(Path.GetDirectoryName(theme)!);
        await File.WriteAllTextAsync(theme, "<article class=\"themed\"><h1>{{ post.title }}</h1>\n{{ post.content | raw }}</article>\n");
        await page.WaitForFunctionAsync("() => document.querySelector('article.themed h1') !== null", null, wait);

        File.Delete(theme);
        await page.WaitForFunctionAsync("() => document.querySelector('article.post') !== null", null, wait);
        Assert.Empty(errors);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Deleting_a_post_file_unpublishes_it()
    {
        var url = new Uri(site.Server.BaseUrl, "posts/unicode-titles/");
        using (var before = await site.Http.GetAsync(url))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }

        File.Delete(Path.Combine(site.Server.Content, "posts", "unicode-titles.md"));

        var waited = Stopwatch.StartNew();
        HttpStatusCode status;
        do
        {
            await Task.Delay(250);
            using var response = await site.Http.GetAsync(url);
            status = response.StatusCode;
        }
        while (status != HttpStatusCode.NotFound && waited.Elapsed < UpdateTimeout);

        Assert.Equal(HttpStatusCode.NotFound, status);
        var home = await site.Http.GetStringAsync(site.Server.BaseUrl);
        Assert.DoesNotContain("/posts/unicode-titles/", home, StringComparison.Ordinal);
    }
}
