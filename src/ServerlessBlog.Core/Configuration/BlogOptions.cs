using System.ComponentModel.DataAnnotations;

namespace ServerlessBlog.Core.Configuration;

/// <summary>
/// Every setting of a blog, bound from the <c>Blog</c> configuration section
/// (<c>site.yaml</c>, <c>Blog__BaseUrl</c> and friends in the environment, app settings on Azure).
/// Defaults live in <see cref="BlogDefaults"/>.
/// </summary>
public sealed class BlogOptions
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string SectionName = "Blog";

    /// <summary>The site's title, shown in the header and used as the feed title.</summary>
    [Required(AllowEmptyStrings = false)]
    public string Title { get; set; } = BlogDefaults.Title;

    /// <summary>One sentence about the site, used in meta tags and feeds.</summary>
    public string Description { get; set; } = string.Empty;

    /// <summary>The absolute URL the site is served from, such as the static website endpoint.</summary>
    [Required(AllowEmptyStrings = false)]
    public string BaseUrl { get; set; } = BlogDefaults.BaseUrl;

    /// <summary>The default author of posts that name none.</summary>
    public string Author { get; set; } = string.Empty;

    /// <summary>The BCP 47 language tag of the site's pages and feeds.</summary>
    [Required(AllowEmptyStrings = false)]
    public string Language { get; set; } = BlogDefaults.Language;

    /// <summary>How many posts the home page and each listing page show.</summary>
    [Range(1, 1000)]
    public int PostsPerPage { get; set; } = BlogDefaults.PostsPerPage;

    /// <summary>How many of the newest posts each feed carries.</summary>
    [Range(1, 1000)]
    public int FeedItems { get; set; } = BlogDefaults.FeedItems;

    /// <summary>The largest post source accepted, in bytes.</summary>
    [Range(1, 64 * 1024 * 1024)]
    public int MaxPostBytes { get; set; } = BlogDefaults.MaxPostBytes;

    /// <summary>The longest line accepted in a post, in characters.</summary>
    [Range(80, 1024 * 1024)]
    public int MaxLineLength { get; set; } = BlogDefaults.MaxLineLength;

    /// <summary>The most tags (and, apart, categories) one post may have.</summary>
    [Range(1, 10_000)]
    public int MaxTagsPerPost { get; set; } = BlogDefaults.MaxTagsPerPost;

    /// <summary>The most aliases (redirects from old URLs) one post may have.</summary>
    [Range(0, 10_000)]
    public int MaxAliasesPerPost { get; set; } = BlogDefaults.MaxAliasesPerPost;

    /// <summary>
    /// Publish raw HTML written in Markdown as it is. Off by default: raw HTML is sanitized, so that no script,
    /// event handler or <c>javascript:</c> URL reaches a page or a feed. Switch it on only when every author is trusted.
    /// </summary>
    public bool AllowRawHtml { get; set; } = BlogDefaults.AllowRawHtml;

    /// <summary>The container (or folder) authors upload posts and assets to.</summary>
    [Required(AllowEmptyStrings = false)]
    public string PostsContainer { get; set; } = BlogDefaults.PostsContainer;

    /// <summary>The container the site is published to: the static website's <c>$web</c>.</summary>
    [Required(AllowEmptyStrings = false)]
    public string SiteContainer { get; set; } = BlogDefaults.SiteContainer;

    /// <summary>The private container holding the post index and publishing status records.</summary>
    [Required(AllowEmptyStrings = false)]
    public string StateContainer { get; set; } = BlogDefaults.StateContainer;

    /// <summary>The storage queue that receives the posts container's BlobDeleted events.</summary>
    [Required(AllowEmptyStrings = false)]
    public string DeleteQueue { get; set; } = BlogDefaults.DeleteQueue;

    /// <summary>The NCRONTAB schedule of the reconcile step.</summary>
    [Required(AllowEmptyStrings = false)]
    public string ReconcileSchedule { get; set; } = BlogDefaults.ReconcileSchedule;
}
