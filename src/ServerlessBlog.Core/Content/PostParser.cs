using System.Globalization;
using ServerlessBlog.Core.Site;

namespace ServerlessBlog.Core.Content;

/// <summary>
/// Turns a post's source file into a <see cref="Post"/>, reading the front matter fields of Hugo, Jekyll and Zola,
/// and falling back to the file name (Jekyll's <c>YYYY-MM-DD-title.md</c>), the leading heading and the file's time.
/// Thread-safe.
/// </summary>
public sealed class PostParser
{
    private static readonly HashSet<string> InterpretedKeys = new(StringComparer.OrdinalIgnoreCase)
    {
        "title", "date", "lastmod", "updated", "last_modified_at", "tags", "categories", "taxonomies", "draft", "published",
        "summary", "description", "slug", "author", "authors", "image", "images", "cover", "aliases", "redirect_from",
    };

    /// <summary>The endings of the files the site makes: no alias may put a page in a folder named so.</summary>
    private static readonly string[] FileExtensions = [".html", ".xml", ".json", ".txt", ".css", ".svg"];

    private readonly int _maxPostBytes;
    private readonly int _maxTags;
    private readonly int _maxAliases;
    private readonly int _maxLineLength;

    /// <param name="maxPostBytes">The largest source accepted.</param>
    /// <param name="maxTags">The most tags, and apart the most categories, one post may have.</param>
    /// <param name="maxAliases">The most aliases one post may have.</param>
    /// <param name="maxLineLength">The longest line accepted, in characters.</param>
    public PostParser(
        int maxPostBytes = Configuration.BlogDefaults.MaxPostBytes,
        int maxTags = Configuration.BlogDefaults.MaxTagsPerPost,
        int maxAliases = Configuration.BlogDefaults.MaxAliasesPerPost,
        int maxLineLength = Configuration.BlogDefaults.MaxLineLength)
    {
        _maxPostBytes = maxPostBytes;
        _maxTags = maxTags;
        _maxAliases = maxAliases;
        _maxLineLength = maxLineLength;
    }

    /// <summary>A parser with the limits of <paramref name="options"/>.</summary>
    public PostParser(Configuration.BlogOptions options)
        : this((options ?? throw new ArgumentNullException(nameof(options))).MaxPostBytes, options.MaxTagsPerPost, options.MaxAliasesPerPost, options.MaxLineLength)
    {
    }

    /// <exception cref="ContentException">The post cannot be published; the exception says why and on which line.</exception>
    public Post Parse(ContentFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        if (file.Content.Length > _maxPostBytes)
        {
            throw new ContentException($"the post is {file.Content.Length} bytes, more than the limit of {_maxPostBytes}");
        }

        var text = SourceText.Decode(file.Content.Span);
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new ContentException("the file is empty");
        }

        CheckLineLengths(text);
        var document = FrontMatterParser.Parse(text);
        var frontMatter = document.FrontMatter;
        var fileName = FileNameParts.From(file.Path);

        var date = ReadDate(frontMatter, "date") ?? fileName.Date ?? file.LastModified;
        var updated = ReadDate(frontMatter, "lastmod", "updated", "last_modified_at");
        var taxonomies = frontMatter.Find("taxonomies") as IReadOnlyDictionary<string, object?>;

        var title = FrontMatterValues.AsText(frontMatter.Find("title"));
        var titleFromHeading = false;
        if (title is null && LeadingHeading.Find(document.Body) is { } heading)
        {
            title = heading;
            titleFromHeading = true;
        }

        title ??= fileName.Title;
        var slug = ReadSlug(frontMatter, fileName);

        var post = new Post
        {
            SourcePath = file.Path,
            Slug = slug,
            Title = title,
            TitleFromHeading = titleFromHeading,
            Date = date,
            Updated = updated,
            Tags = Limit(Distinct(FrontMatterValues.AsList(frontMatter.Find("tags") ?? taxonomies?.GetValueOrDefault("tags"))), _maxTags, "tags", frontMatter),
            Categories = Limit(Distinct(FrontMatterValues.AsList(frontMatter.Find("categories") ?? taxonomies?.GetValueOrDefault("categories"))), _maxTags, "categories", frontMatter),
            Authors = FrontMatterValues.AsNames(frontMatter.Find("authors", "author")),
            Aliases = Limit(ReadAliases(frontMatter), _maxAliases, AliasesKey(frontMatter), frontMatter),
            Draft = ReadFlag(frontMatter, "draft") == true || ReadFlag(frontMatter, "published") == false || fileName.InDraftsFolder,
            Summary = FrontMatterValues.AsText(frontMatter.Find("summary", "description")),
            Image = ReadImage(frontMatter),
            Params = ReadParams(frontMatter),
            Body = document.Body,
            BodyLine = document.BodyLine,
        };
        CheckFeedText(post, frontMatter);
        return post;
    }

    /// <summary>Refuses front matter values that an escape (<c>"\x04"</c>) filled with characters feeds cannot carry.</summary>
    private static void CheckFeedText(Post post, FrontMatter frontMatter)
    {
        var fields = new (string Key, IEnumerable<string?> Values)[]
        {
            ("title", [post.Title]), ("summary", [post.Summary]), ("image", [post.Image]), ("tags", post.Tags), ("categories", post.Categories), ("authors", post.Authors),
        };
        foreach (var (key, values) in fields)
        {
            if (values.Any(value => value is not null && SourceText.HasNonXmlCharacter(value)))
            {
                throw new ContentException($"'{key}' contains a control character, which feeds cannot carry; remove it", frontMatter.LineOf(key));
            }
        }
    }

    private static DateTimeOffset? ReadDate(FrontMatter frontMatter, params string[] keys)
    {
        foreach (var key in keys)
        {
            if (!frontMatter.Values.TryGetValue(key, out var value) || value is null)
            {
                continue;
            }

            if (!PostDates.TryParse(value, out var date))
            {
                throw new ContentException($"'{key}' is not a date: '{Convert.ToString(value, CultureInfo.InvariantCulture)}' (write it as YYYY-MM-DD or YYYY-MM-DDTHH:MM:SSZ)", frontMatter.LineOf(key));
            }

            return date;
        }

        return null;
    }

    /// <summary>
    /// A yes-or-no field. A value that is neither is refused rather than read as "not set": <c>draft: maybe</c>
    /// must not publish a post its author meant to hold back.
    /// </summary>
    private static bool? ReadFlag(FrontMatter frontMatter, string key)
    {
        if (frontMatter.Find(key) is not { } value)
        {
            return null;
        }

        return FrontMatterValues.AsBool(value)
            ?? throw new ContentException($"'{key}' must be true or false, not '{Convert.ToString(value, CultureInfo.InvariantCulture)}'", frontMatter.LineOf(key));
    }

    private static string ReadSlug(FrontMatter frontMatter, FileNameParts fileName)
    {
        if (FrontMatterValues.AsText(frontMatter.Find("slug")) is { } declared)
        {
            var slug = Slug.From(declared);
            return slug.Length > 0
                ? slug
                : throw new ContentException($"'slug' has no letter or digit to make a URL from: '{declared}'", frontMatter.LineOf("slug"));
        }

        var fromName = Slug.From(fileName.Stem);
        return fromName.Length > 0
            ? fromName
            : throw new ContentException($"cannot make a URL slug from the file name '{fileName.Stem}'; set 'slug' in the front matter");
    }

    private static List<string> ReadAliases(FrontMatter frontMatter)
    {
        var aliases = new List<string>();
        foreach (var alias in FrontMatterValues.AsList(frontMatter.Find("aliases", "redirect_from")))
        {
            var line = frontMatter.LineOf(AliasesKey(frontMatter));
            var path = SitePathText.NormalizeRelative(alias) ?? throw new ContentException($"alias '{alias}' is not a path on this site", line);

            // A page inside a folder named like a file (feed.xml/, old.html/) would need a folder where the site may have
            // that file, now or later: a build could not settle that once for all, so such an alias is refused.
            var page = SitePaths.RedirectPageOf(path);
            if (page.Split('/')[..^1].FirstOrDefault(folder => FileExtensions.Any(extension => folder.EndsWith(extension, StringComparison.OrdinalIgnoreCase))) is { } fileName)
            {
                throw new ContentException($"alias '{alias}' would put a page inside '{fileName}', a name the site gives files; an alias ending in '.html' is a page itself", line);
            }

            aliases.Add(path);
        }

        return aliases;
    }

    /// <summary>The key the aliases are read from: Hugo's <c>aliases</c>, or Jekyll's <c>redirect_from</c> when that is empty.</summary>
    private static string AliasesKey(FrontMatter frontMatter) => frontMatter.Find("aliases") is not null ? "aliases" : "redirect_from";

    /// <summary>The fields the post does not interpret, for themes (Hugo's <c>.Params</c>).</summary>
    private static IReadOnlyDictionary<string, object?> ReadParams(FrontMatter frontMatter)
    {
        Dictionary<string, object?>? values = null;
        foreach (var (key, value) in frontMatter.Values)
        {
            if (!InterpretedKeys.Contains(key))
            {
                values ??= new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
                values.Add(key, value);
            }
        }

        return values ?? FrontMatter.Empty.Values;
    }

    private static string? ReadImage(FrontMatter frontMatter) => frontMatter.Find("image", "images", "cover") switch
    {
        string image => FrontMatterValues.AsText(image),
        IReadOnlyList<object?> images => images.Select(FrontMatterValues.AsText).FirstOrDefault(image => image is not null),
        IReadOnlyDictionary<string, object?> cover => FrontMatterValues.AsText(cover.GetValueOrDefault("image")),
        _ => null,
    };

    private void CheckLineLengths(string text)
    {
        if (text.Length <= _maxLineLength)
        {
            return;
        }

        var line = 1;
        foreach (var content in text.AsSpan().EnumerateLines())
        {
            if (content.Length > _maxLineLength)
            {
                throw new ContentException($"the line is {content.Length} characters long, more than the limit of {_maxLineLength}; break it into shorter lines", line);
            }

            line++;
        }
    }

    private static List<string> Limit(List<string> names, int max, string key, FrontMatter frontMatter) =>
        names.Count <= max
            ? names
            : throw new ContentException($"'{key}' has {names.Count} entries, more than the limit of {max}", frontMatter.LineOf(key));

    /// <summary>The names that make a slug, the first of those making the same one.</summary>
    private static List<string> Distinct(List<string> names)
    {
        var slugs = new HashSet<string>(names.Count, StringComparer.Ordinal);
        var distinct = new List<string>(names.Count);
        foreach (var name in names)
        {
            var slug = Slug.From(name);
            if (slug.Length > 0 && slugs.Add(slug))
            {
                distinct.Add(name);
            }
        }

        return distinct;
    }
}
