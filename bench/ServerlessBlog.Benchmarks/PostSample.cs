using System.Text;
using ServerlessBlog.Core.Content;

namespace ServerlessBlog.Bench.Benchmarks;

/// <summary>
/// One of the posts the benchmarks run on, embedded in the assembly so every run reads the same bytes:
/// <c>small</c> (a note of a few lines), <c>typical</c> (a post of the generated corpus, seed 42: about 6 KB
/// with headings, lists, links, code spans and a C# block) and <c>large</c> (about 38 KB: a table and six
/// corpus bodies with code in four languages).
/// </summary>
public sealed class PostSample
{
    /// <summary>The names the benchmarks take as a parameter.</summary>
    public static readonly string[] Names = ["small", "typical", "large"];

    private static readonly DateTimeOffset FileTime = new(2024, 11, 1, 0, 0, 0, TimeSpan.Zero);

    private PostSample(string name, byte[] bytes)
    {
        Name = name;
        Bytes = bytes;
        Text = Encoding.UTF8.GetString(bytes);
        File = new ContentFile($"posts/{name}.md", bytes, FileTime);

        // What Markdig alone is given: the Markdown after the front matter, as our renderer gets it.
        Body = FrontMatterParser.Parse(Text).Body;
    }

    public string Name { get; }

    public byte[] Bytes { get; }

    /// <summary>The whole source file as text, front matter included.</summary>
    public string Text { get; }

    /// <summary>The Markdown body, without front matter.</summary>
    public string Body { get; }

    /// <summary>The file as a content source hands it to the build.</summary>
    public ContentFile File { get; }

    public static PostSample Load(string name)
    {
        using var stream = typeof(PostSample).Assembly.GetManifestResourceStream($"Posts/{name}.md")
            ?? throw new ArgumentException($"There is no sample post '{name}'.", nameof(name));
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return new PostSample(name, buffer.ToArray());
    }
}
