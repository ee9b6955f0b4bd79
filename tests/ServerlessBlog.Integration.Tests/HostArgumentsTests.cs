using Microsoft.Extensions.Configuration;
using ServerlessBlog.Cli.Dev;
using ServerlessBlog.Core.Configuration;

namespace ServerlessBlog.Integration.Tests;

/// <summary><c>blog dev</c> hands the local host every setting the site's pages and checks depend on, as <c>blog build</c> reads them.</summary>
public sealed class HostArgumentsTests
{
    // Settings of the Functions app's own triggers, which the local host does not have.
    private static readonly HashSet<string> FunctionsOnly = [nameof(BlogOptions.DeleteQueue), nameof(BlogOptions.ReconcileSchedule)];

    [Fact]
    public void The_local_host_gets_every_setting_of_the_blog_from_blog_dev()
    {
        var options = new BlogOptions
        {
            Title = "A title", Description = "A description", BaseUrl = "http://127.0.0.1:5999/", Author = "An author", Language = "fr-CA",
            PostsPerPage = 3, FeedItems = 7, MaxPostBytes = 12345, MaxLineLength = 321, MaxTagsPerPost = 4, MaxAliasesPerPost = 2,
            AllowRawHtml = true, PostsContainer = "p", SiteContainer = "s", StateContainer = "st",
        };

        var bound = new BlogOptions();
        new ConfigurationBuilder().AddCommandLine(HostArguments.For(options, "UseDevelopmentStorage=true", verbose: false)).Build()
            .GetSection(BlogOptions.SectionName).Bind(bound);

        Assert.All(
            typeof(BlogOptions).GetProperties().Where(property => property.CanWrite && !FunctionsOnly.Contains(property.Name)),
            property => Assert.Equal(property.GetValue(options), property.GetValue(bound)));
    }
}
