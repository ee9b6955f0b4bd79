using ServerlessBlog.Core.Site;
using ServerlessBlog.Infra.Tests.Support;

namespace ServerlessBlog.Infra.Tests;

/// <summary>infra/README.md tells a person how to deploy, publish, find the site and tear down.</summary>
public sealed class ReadmeTests
{
    private static readonly string Readme = RepoPaths.ReadText("infra", "README.md");

    [Theory]
    [InlineData("azd up")]
    [InlineData("az deployment sub create")]
    [InlineData("az storage blob upload --auth-mode login")]
    [InlineData("azd down --purge")]
    [InlineData("BLOG_SITE_URL")]
    [InlineData("postdeploy")]
    [InlineData("bash infra/validate.sh")]
    [InlineData("dotnet test tests/ServerlessBlog.Infra.Tests")]
    public void The_readme_covers(string text)
    {
        Assert.Contains(text, Readme, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(SitePaths.RssFeed)]
    [InlineData(SitePaths.AtomFeed)]
    [InlineData(SitePaths.JsonFeed)]
    public void The_readme_gives_the_feed_url(string feed)
    {
        Assert.Contains("${BLOG_SITE_URL}" + feed, Readme, StringComparison.Ordinal);
    }
}
