using ServerlessBlog.Core.Publishing.State;
using ServerlessBlog.Core.Site;

namespace ServerlessBlog.Core.Tests;

public sealed class PostRecordCacheTests
{
    [Fact]
    public void Serves_a_record_only_for_the_revision_the_index_names()
    {
        var cache = new PostRecordCache();
        var record = Record("hello", "AAAA");
        cache.Add(record);

        Assert.Same(record, cache.Find("hello", "AAAA"));
        Assert.Null(cache.Find("hello", "BBBB"));
        Assert.Null(cache.Find("hello", null));
        Assert.Null(cache.Find("other", "AAAA"));
    }

    [Fact]
    public void A_full_cache_drops_the_least_recently_used_records()
    {
        var cache = new PostRecordCache(capacity: 8);
        for (var i = 0; i < 8; i++)
        {
            cache.Add(Record($"post-{i}", "R"));
        }

        Assert.NotNull(cache.Find("post-0", "R"));
        cache.Add(Record("post-8", "R"));

        Assert.NotNull(cache.Find("post-0", "R"));
        Assert.NotNull(cache.Find("post-8", "R"));
        Assert.Null(cache.Find("post-1", "R"));
    }

    [Fact]
    public void The_revision_tells_apart_renderings_of_the_same_source()
    {
        var hash = new string('A', 64);

        Assert.Equal(16, PostRecord.RevisionOf(hash, "<p>a</p>").Length);
        Assert.Equal(PostRecord.RevisionOf(hash, "<p>a</p>"), PostRecord.RevisionOf(hash, "<p>a</p>"));
        Assert.NotEqual(PostRecord.RevisionOf(hash, "<p><a href=\"/posts/old/\">b</a></p>"), PostRecord.RevisionOf(hash, "<p><a href=\"/posts/new/\">b</a></p>"));
        Assert.NotEqual(PostRecord.RevisionOf(hash, "<p>a</p>"), PostRecord.RevisionOf(new string('B', 64), "<p>a</p>"));
    }

    private static PostRecord Record(string slug, string revision) => new()
    {
        Summary = new PostSummary { Slug = slug, Title = slug, SourcePath = $"posts/{slug}.md", Date = DateTimeOffset.UnixEpoch, Revision = revision },
        ContentHtml = "<p>Hello</p>",
        SourceHash = revision,
    };
}
