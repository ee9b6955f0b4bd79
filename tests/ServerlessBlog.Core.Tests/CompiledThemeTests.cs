using System.Text;
using CsCheck;
using ServerlessBlog.Core.Building;
using ServerlessBlog.Core.Storage;
using ServerlessBlog.Core.Theming;
using ServerlessBlog.Core.Theming.Views;
using ServerlessBlog.Testing.Hostile;

namespace ServerlessBlog.Core.Tests;

/// <summary>
/// The default theme is rendered by templates compiled to code, and its Liquid files are what theme authors copy and
/// change: the two must write the same bytes for every page. A theme folder holding the default theme's own Liquid
/// files makes every template a Liquid one, so a site built with it must equal the site built without it.
/// </summary>
public sealed class CompiledThemeTests : IDisposable
{
    /// <summary>Every template file of the default theme, by file name, as a theme author would copy them.</summary>
    private static readonly Dictionary<string, string> DefaultLiquidFiles = Theme.TemplateNames
        .Select(name => name + Theme.TemplateExtension)
        .ToDictionary(file => file, Theme.DefaultFile);

    private static readonly Theme LiquidDefault = Theme.Load(DefaultLiquidFiles);

    private readonly List<string> _folders = [];

    [Fact]
    public async Task The_default_themes_liquid_files_build_the_golden_site_byte_for_byte()
    {
        var content = GoldenCorpus.CopyContent();
        _folders.Add(content);
        WriteDefaultLiquidTheme(content);
        var output = NewFolder();

        await new SiteBuilder(GoldenCorpus.Options, new FixedTimeProvider(GoldenCorpus.Now))
            .BuildAsync(new FolderContentSource(content), new FolderSiteStore(output), new BuildSettings());

        GoldenCorpus.AssertMatches(output);
    }

    [Fact]
    public async Task The_default_themes_liquid_files_build_the_hostile_site_as_the_compiled_templates_do()
    {
        var compiledContent = NewFolder();
        HostileCorpus.WriteContent(compiledContent);
        var liquidContent = NewFolder();
        HostileCorpus.WriteContent(liquidContent);
        WriteDefaultLiquidTheme(liquidContent);
        var compiled = NewFolder();
        var liquid = NewFolder();

        var builder = new SiteBuilder(HostileCorpus.Options, new FixedTimeProvider(HostileCorpus.Now));
        await builder.BuildAsync(new FolderContentSource(compiledContent), new FolderSiteStore(compiled), new BuildSettings());
        await builder.BuildAsync(new FolderContentSource(liquidContent), new FolderSiteStore(liquid), new BuildSettings());

        var files = GoldenCorpus.RelativeFiles(compiled);
        Assert.Equal(files, GoldenCorpus.RelativeFiles(liquid));
        Assert.Contains(files, file => file.EndsWith(".html", StringComparison.Ordinal));
        foreach (var file in files)
        {
            var expected = File.ReadAllText(Path.Combine(liquid, file));
            var actual = File.ReadAllText(Path.Combine(compiled, file));
            Assert.True(expected == actual, $"{file} differs:\n{GoldenCorpus.FirstDifference(expected, actual)}");
        }
    }

    [Fact]
    public void Any_page_renders_to_the_same_bytes_with_the_compiled_templates_and_the_liquid_files()
    {
        var cases = Gen.Select(Views.Site, Views.Page, Gen.Int[0, 5], Views.Post, Views.List, Views.Tag.List[0, 3], Views.Archive)
            .Select(c => (c.Item1, c.Item2, c.Item3, c.Item4, c.Item5, c.Item6, c.Item7));
        cases.Sample(c =>
        {
            var (site, page, which, post, list, tags, archive) = c;
            var compiled = new PageRenderer(Theme.Default, site);
            var liquid = new PageRenderer(LiquidDefault, site);
            var (template, name, model) = which switch
            {
                0 => (Theme.Post, "post", (object)post),
                1 => (Theme.List, "list", list),
                2 => (Theme.Tags, "tags", tags),
                3 => (Theme.Archive, "archive", archive),
                4 => (Theme.NotFound, "error", string.Empty),
                _ => (Theme.Redirect, "redirect", new RedirectView(page.Title, page.CanonicalUrl)),
            };

            var (expected, actual) = template == Theme.Redirect
                ? (liquid.RenderDocument(template, name, model), compiled.RenderDocument(template, name, model))
                : (Encoding.UTF8.GetString(liquid.RenderPageUtf8(template, page, name, model).Span),
                    Encoding.UTF8.GetString(compiled.RenderPageUtf8(template, page, name, model).Span));
            Assert.True(expected == actual, $"{template}: {GoldenCorpus.FirstDifference(expected, actual)}");
        }, iter: 3_000);
    }

    [Fact]
    public async Task A_liquid_layout_wraps_the_compiled_templates_and_a_liquid_page_and_sees_the_pages_objects()
    {
        var content = GoldenCorpus.CopyContent();
        _folders.Add(content);
        File.WriteAllText(Path.Combine(content, "_theme", "layout.liquid"), "<main data-post=\"{{ post.title }}\" data-page=\"{{ page.title }}\">{{ content | raw }}</main>");
        var output = NewFolder();
        var builder = new SiteBuilder(GoldenCorpus.Options, new FixedTimeProvider(GoldenCorpus.Now));

        await builder.BuildAsync(new FolderContentSource(content), new FolderSiteStore(output), new BuildSettings());

        var tags = File.ReadAllText(Path.Combine(output, "tags", "index.html"));
        Assert.StartsWith("<main data-post=\"\" data-page=\"Tags\"><h1>Tags</h1>\n<ul class=\"tag-list\">\n<li><a href=", tags, StringComparison.Ordinal);
        Assert.EndsWith("</ul>\n</main>", tags, StringComparison.Ordinal);
        var post = File.ReadAllText(Path.Combine(output, "posts", "yaml-post", "index.html"));
        Assert.StartsWith("<main data-post=\"A Hugo post in YAML\" data-page=\"A Hugo post in YAML\"><article class=\"post\">", post, StringComparison.Ordinal);

        File.WriteAllText(Path.Combine(content, "_theme", "post.liquid"), "<h1>{{ post.title }}</h1>{{ post.params.mood }}");
        await builder.BuildAsync(new FolderContentSource(content), new FolderSiteStore(output), new BuildSettings());

        Assert.Equal(
            "<main data-post=\"A Hugo post in YAML\" data-page=\"A Hugo post in YAML\"><h1>A Hugo post in YAML</h1>cheerful</main>",
            File.ReadAllText(Path.Combine(output, "posts", "yaml-post", "index.html")));
    }

    public void Dispose()
    {
        foreach (var folder in _folders)
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static void WriteDefaultLiquidTheme(string content)
    {
        var theme = Directory.CreateDirectory(Path.Combine(content, "_theme")).FullName;
        foreach (var (file, text) in DefaultLiquidFiles)
        {
            File.WriteAllText(Path.Combine(theme, file), text);
        }
    }

    private string NewFolder()
    {
        var folder = Directory.CreateTempSubdirectory("compiled-theme-").FullName;
        _folders.Add(folder);
        return folder;
    }

    /// <summary>Views with text that HTML must encode, letters of every plane, empty strings and missing values.</summary>
    private static class Views
    {
        private static readonly string[] Fragments = ["<", ">", "&", "\"", "'", "+", "`", "=", "é", "·", "🎉", "\u202E", "\u0000", "\t", "\n", "\uD800", "a b", "https://x.example/?a=1&b=2", " "];

        public static readonly Gen<string> Text = Gen.OneOf(
            Gen.Const(string.Empty),
            Gen.OneOf(Gen.OneOf(Fragments), Gen.String[0, 6], Gen.Char.Select(ch => ch.ToString())).Array[1, 8].Select(string.Concat));

        public static readonly Gen<string?> Optional = Gen.OneOf(Gen.Const((string?)null), Text.Select(text => (string?)text));

        public static readonly Gen<int> Count = Gen.OneOf(Gen.Int[0, 3], Gen.Int[0, int.MaxValue], Gen.Int[int.MinValue, -1]);

        public static readonly Gen<LinkView> Link = Gen.Select(Text, Text, (title, url) => new LinkView(title, url));

        public static readonly Gen<TagView> Tag = Gen.Select(Text, Text, Count, Text, (name, url, count, feed) => new TagView(name, url, count, feed));

        public static readonly Gen<SiteView> Site = Text.Array[14].Select(t => new SiteView(t[0], t[1], t[2], t[3], t[4], t[5], t[6], t[7], t[8], t[9], t[10], t[11], t[12], t[13]));

        public static readonly Gen<PageView> Page = Gen.Select(Text.Array[3], Optional.Array[3], Gen.Bool, Link.List[0, 3], (text, optional, noindex, feeds) =>
            new PageView { Title = text[0], Description = text[1], CanonicalUrl = text[2], OgType = optional[0] ?? "website", Image = optional[1], PublishedIso = optional[2], ModifiedIso = optional[0], Noindex = noindex, Feeds = feeds });

        public static readonly Gen<PostView> Post = Gen.Select(Text.Array[6], Optional.Array[2], Count, Tag.List[0, 3], Text.List[0, 3], Gen.OneOf(Gen.Const((LinkView?)null), Link.Select(l => (LinkView?)l)).Array[2], (text, optional, minutes, tags, authors, neighbours) =>
            new PostView
            {
                Title = text[0], Url = text[1], DateIso = text[2], DateText = text[3], Excerpt = text[4], Content = text[5],
                UpdatedIso = optional[0], UpdatedText = optional[1], ReadingMinutes = minutes, Tags = tags, Authors = authors,
                Older = neighbours[0], Newer = neighbours[1],
            });

        public static readonly Gen<PostCardView> Card = Gen.Select(Text.Array[5], Count, (text, minutes) => new PostCardView(text[0], text[1], text[2], text[3], minutes, text[4]));

        public static readonly Gen<ListView> List = Gen.Select(Text.Array[3], Optional.Array[3], Gen.Bool, Gen.Int[2, 3], Gen.Select(Text, Card.List[0, 3], (label, cards) => new ListGroupView(label, cards)).List[0, 2], Link.List[0, 2], (text, optional, excerpts, level, groups, links) =>
            new ListView
            {
                Heading = text[0], Intro = text[1], LinksHeading = text[2], MoreUrl = optional[0], MoreLabel = optional[1], FeedUrl = optional[2],
                ShowExcerpts = excerpts, TitleLevel = level, Groups = groups, Links = links,
            });

        public static readonly Gen<ArchiveView> Archive = Gen.Select(Count, Gen.Select(Text, Text, Count, (name, url, count) => new ArchiveMonthView(name, url, count)).List[0, 3], (year, months) => new ArchiveYearView(year, months))
            .List[0, 3].Select(years => new ArchiveView(years));
    }
}
