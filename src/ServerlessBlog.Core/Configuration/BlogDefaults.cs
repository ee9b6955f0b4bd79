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
    public const string PostsContainer = "posts";
    public const string SiteContainer = "$web";
    public const string StateContainer = "blog-state";
    public const string DeleteQueue = "post-deletes";

    /// <summary>Every 15 minutes, on the quarter hour.</summary>
    public const string ReconcileSchedule = "0 */15 * * * *";
}
