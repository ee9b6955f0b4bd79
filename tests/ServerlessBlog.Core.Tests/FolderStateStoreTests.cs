using ServerlessBlog.Core.Storage;

namespace ServerlessBlog.Core.Tests;

/// <summary>The tests' state store must behave as blob storage does where the publisher relies on it: versions and compare-and-write.</summary>
public sealed class FolderStateStoreTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("state-store-").FullName;

    [Fact]
    public async Task Writing_the_same_bytes_again_gives_a_new_version_as_an_etag_does()
    {
        var store = new FolderStateStore(_folder);
        var first = await store.TryWriteAsync("index/catalog.json", "{}"u8.ToArray(), null);
        var second = await store.TryWriteAsync("index/catalog.json", "{}"u8.ToArray(), first);

        Assert.NotNull(second);
        Assert.NotEqual(first, second);
        Assert.Equal(second, await new FolderStateStore(_folder).GetVersionAsync("index/catalog.json"));
        Assert.Null(await store.TryWriteAsync("index/catalog.json", "{}"u8.ToArray(), first));
        Assert.Equal(["index/catalog.json"], await store.ListAsync().ToListAsync());
    }

    [Fact]
    public async Task A_write_stopped_at_any_point_leaves_the_old_bytes_with_the_old_version_or_the_new_with_the_new()
    {
        var store = new FolderStateStore(_folder);
        for (var i = 0; i < 400; i++)
        {
            var path = $"probe/{i}.json";
            var first = await store.TryWriteAsync(path, "\"one\""u8.ToArray(), null);
            using var stop = new CancellationTokenSource();
            stop.CancelAfter(TimeSpan.FromTicks(Random.Shared.Next(0, 20_000)));
            try
            {
                await store.TryWriteAsync(path, "\"two\""u8.ToArray(), first, stop.Token);
                continue;
            }
            catch (OperationCanceledException)
            {
            }

            var now = (await store.ReadAsync(path))!;
            Assert.Equal(now.Version == first, now.Content.Span.SequenceEqual("\"one\""u8));
        }
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
