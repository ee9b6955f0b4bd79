using System.Globalization;
using Microsoft.Extensions.Logging;
using ServerlessBlog.Azure;
using ServerlessBlog.Core.Configuration;
using ServerlessBlog.LocalHost;

namespace ServerlessBlog.Cli.Dev;

/// <summary>The configuration <c>blog dev</c> hands the local trigger host: the blog's settings, Azurite, a quick reconcile.</summary>
internal static class HostArguments
{
    /// <summary>Quiet unless asked: blog dev prints each publish itself, and the host's own logs are for --verbose.</summary>
    private const string DefaultLogLevel = "Logging:LogLevel:Default";

    /// <summary>
    /// Saves reach the host through its blob trigger and deletes are unpublished directly, so the reconcile only heals
    /// drift: run it rarely, since each round that overlaps the trigger publishes the same upload twice.
    /// </summary>
    public static readonly TimeSpan ReconcileInterval = TimeSpan.FromSeconds(30);

    public static string[] For(BlogOptions options, string connectionString, bool verbose)
    {
        ArgumentNullException.ThrowIfNull(options);
        var settings = new Dictionary<string, string>
        {
            [StorageConnection.DefaultName] = connectionString,
            [Blog(nameof(BlogOptions.Title))] = options.Title,
            [Blog(nameof(BlogOptions.Description))] = options.Description,
            [Blog(nameof(BlogOptions.Author))] = options.Author,
            [Blog(nameof(BlogOptions.Language))] = options.Language,
            [Blog(nameof(BlogOptions.BaseUrl))] = options.BaseUrl,
            [Blog(nameof(BlogOptions.PostsPerPage))] = options.PostsPerPage.ToString(CultureInfo.InvariantCulture),
            [Blog(nameof(BlogOptions.FeedItems))] = options.FeedItems.ToString(CultureInfo.InvariantCulture),
            [Blog(nameof(BlogOptions.MaxPostBytes))] = options.MaxPostBytes.ToString(CultureInfo.InvariantCulture),
            [Blog(nameof(BlogOptions.MaxLineLength))] = options.MaxLineLength.ToString(CultureInfo.InvariantCulture),
            [Blog(nameof(BlogOptions.MaxTagsPerPost))] = options.MaxTagsPerPost.ToString(CultureInfo.InvariantCulture),
            [Blog(nameof(BlogOptions.MaxAliasesPerPost))] = options.MaxAliasesPerPost.ToString(CultureInfo.InvariantCulture),
            [Blog(nameof(BlogOptions.AllowRawHtml))] = options.AllowRawHtml ? "true" : "false",
            [Blog(nameof(BlogOptions.PostsContainer))] = options.PostsContainer,
            [Blog(nameof(BlogOptions.SiteContainer))] = options.SiteContainer,
            [Blog(nameof(BlogOptions.StateContainer))] = options.StateContainer,
            [$"{LocalHostOptions.SectionName}:{nameof(LocalHostOptions.ReconcileInterval)}"] = ReconcileInterval.ToString("c", CultureInfo.InvariantCulture),
            [DefaultLogLevel] = verbose ? nameof(LogLevel.Information) : nameof(LogLevel.Warning),
        };

        // An empty value cannot be written as --key=, and an empty setting is the default anyway.
        return settings.Where(pair => pair.Value.Length > 0).Select(pair => $"--{pair.Key}={pair.Value}").ToArray();
    }

    private static string Blog(string name) => $"{BlogOptions.SectionName}:{name}";
}
