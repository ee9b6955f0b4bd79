using System.Runtime.CompilerServices;
using System.Text;
using ServerlessBlog.Core.Content;
using ServerlessBlog.Core.Storage;

namespace ServerlessBlog.Bench.Incremental;

/// <summary>A content root holding only a <c>_theme/post.liquid</c>, for the publisher's theme to come from.</summary>
internal sealed class ThemeContent : IContentSource
{
    private const string Path = "_theme/post.liquid";
    private readonly ContentFile _file = new(Path, Encoding.UTF8.GetBytes("<article class=\"bench\"><h1>{{ post.title }}</h1>\n{{ post.content | raw }}</article>\n"), new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero), "theme-1");

    public async IAsyncEnumerable<ContentEntry> ListAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await Task.Yield();
        yield return new ContentEntry(_file.Path, _file.LastModified, _file.Content.Length, _file.Version);
    }

    public ValueTask<ContentFile> ReadAsync(ContentEntry entry, CancellationToken cancellationToken = default) => ValueTask.FromResult(_file);
}
