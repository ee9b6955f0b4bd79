namespace ServerlessBlog.Core.Configuration;

/// <summary>The default value of every <see cref="BlogOptions"/> setting, in one place.</summary>
public static class BlogDefaults
{
    public const string Title = "My Blog";
    public const string BaseUrl = "http://localhost:5080/";
    public const string Language = "en";
    public const int PostsPerPage = 10;
    public const int FeedItems = 20;
    public const int MaxPostBytes = 1024 * 1024;

    /// <summary>
    /// Markdown parsers take time that grows faster than the length of a line for some inputs
    /// (thousands of unclosed links on one line): a line this long is already no prose.
    /// </summary>
    public const int MaxLineLength = 20_000;

    /// <summary>Each tag has pages and a feed of its own: a post with thousands would make thousands of writes.</summary>
    public const int MaxTagsPerPost = 50;

    /// <summary>Each alias is a redirect page of its own.</summary>
    public const int MaxAliasesPerPost = 20;

    /// <summary>Raw HTML in Markdown is sanitized unless a site whose authors are all trusted allows it.</summary>
    public const bool AllowRawHtml = false;
    public const string PostsContainer = "posts";
    public const string SiteContainer = "$web";
    public const string StateContainer = "blog-state";
    public const string DeleteQueue = "post-deletes";

    /// <summary>Every 15 minutes, on the quarter hour.</summary>
    public const string ReconcileSchedule = "0 */15 * * * *";
}
