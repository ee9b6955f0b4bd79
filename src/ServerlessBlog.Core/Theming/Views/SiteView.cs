namespace ServerlessBlog.Core.Theming.Views;

/// <summary>The <c>site</c> object of every template.</summary>
public sealed record SiteView(
    string Title,
    string Description,
    string Author,
    string Language,
    string Locale,
    string BaseUrl,
    string HomeUrl,
    string ArchiveUrl,
    string TagsUrl,
    string RssUrl,
    string AtomUrl,
    string JsonFeedUrl,
    string StyleUrl,
    string IconUrl);
