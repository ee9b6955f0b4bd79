using System.Globalization;
using System.Text;
using Azure;
using ServerlessBlog.Azure;

namespace ServerlessBlog.Integration.Tests;

[Collection(AzuriteCollectionDefinition.Name)]
public sealed class BlobStateStoreTests(AzuriteFixture azurite)
{
    private const string IndexPath = "index/posts.json";

    [Fact]
    public async Task Creating_a_document_that_exists_fails_and_keeps_the_first()
    {
        var store = await CreateStoreAsync();

        var first = await store.TryWriteAsync(IndexPath, Utf8("first"), expectedVersion: null);
        var second = await store.TryWriteAsync(IndexPath, Utf8("second"), expectedVersion: null);

        Assert.NotNull(first);
        Assert.Null(second);
        var stored = await store.ReadAsync(IndexPath);
        Assert.NotNull(stored);
        Assert.Equal("first", Text(stored.Content));
        Assert.Equal(first, stored.Version);
    }

    [Fact]
    public async Task A_write_with_a_stale_version_fails_and_leaves_the_content()
    {
        var store = await CreateStoreAsync();
        var v1 = await store.TryWriteAsync(IndexPath, Utf8("one"), null);
        var v2 = await store.TryWriteAsync(IndexPath, Utf8("two"), v1);

        var stale = await store.TryWriteAsync(IndexPath, Utf8("three"), v1);

        Assert.NotNull(v2);
        Assert.NotEqual(v1, v2);
        Assert.Null(stale);
        var stored = await store.ReadAsync(IndexPath);
        Assert.Equal("two", Text(stored!.Content));
        Assert.Equal(v2, stored.Version);
        Assert.Equal(v2, await store.GetVersionAsync(IndexPath));
    }

    [Fact]
    public async Task A_write_expecting_a_version_of_a_deleted_document_fails()
    {
        var store = await CreateStoreAsync();
        var v1 = await store.TryWriteAsync(IndexPath, Utf8("one"), null);
        Assert.True(await store.TryDeleteAsync(IndexPath, v1!));

        Assert.Null(await store.TryWriteAsync(IndexPath, Utf8("two"), v1));
        Assert.Null(await store.ReadAsync(IndexPath));
    }

    [Fact]
    public async Task A_delete_with_a_stale_version_fails_and_the_current_version_succeeds()
    {
        var store = await CreateStoreAsync();
        var v1 = await store.TryWriteAsync(IndexPath, Utf8("one"), null);
        var v2 = await store.TryWriteAsync(IndexPath, Utf8("two"), v1);

        Assert.False(await store.TryDeleteAsync(IndexPath, v1!));
        Assert.Equal("two", Text((await store.ReadAsync(IndexPath))!.Content));

        Assert.True(await store.TryDeleteAsync(IndexPath, v2!));
        Assert.Null(await store.ReadAsync(IndexPath));
        Assert.Null(await store.GetVersionAsync(IndexPath));
    }

    [Fact]
    public async Task Deleting_a_missing_document_succeeds()
    {
        var store = await CreateStoreAsync();
        var v1 = await store.TryWriteAsync(IndexPath, Utf8("one"), null);
        Assert.True(await store.TryDeleteAsync(IndexPath, v1!));

        // A second publisher deleting with the version it read: the document is gone, as it wanted.
        Assert.True(await store.TryDeleteAsync(IndexPath, v1!));
        Assert.True(await store.TryDeleteAsync("never/written.json", v1!));
    }

    [Fact]
    public async Task A_missing_document_has_no_content_and_no_version()
    {
        var store = await CreateStoreAsync();

        Assert.Null(await store.ReadAsync("status/missing.json"));
        Assert.Null(await store.GetVersionAsync("status/missing.json"));
    }

    [Fact]
    public async Task A_missing_container_is_an_error_not_a_missing_document()
    {
        var store = new BlobStateStore(azurite.BlobService.GetBlobContainerClient($"missing-{Guid.NewGuid():N}"));

        await Assert.ThrowsAsync<RequestFailedException>(async () => await store.ReadAsync(IndexPath));
        await Assert.ThrowsAsync<RequestFailedException>(async () => await store.GetVersionAsync(IndexPath));
        await Assert.ThrowsAsync<RequestFailedException>(async () => await store.TryWriteAsync(IndexPath, Utf8("x"), null));
    }

    [Fact]
    public async Task Lists_the_documents_under_a_prefix()
    {
        var store = await CreateStoreAsync();
        foreach (var path in new[] { "status/b.json", IndexPath, "status/a.json", "status/nested/c.json" })
        {
            Assert.NotNull(await store.TryWriteAsync(path, Utf8(path), null));
        }

        Assert.Equal(["status/a.json", "status/b.json", "status/nested/c.json"], await store.ListAsync("status/").ToListAsync());
        Assert.Equal(4, (await store.ListAsync().ToListAsync()).Count);
    }

    [Fact]
    public async Task Fifty_concurrent_increments_of_one_counter_lose_no_update()
    {
        const int Writers = 50;
        const string CounterPath = "counters/published.txt";
        var store = await CreateStoreAsync();
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var conflicts = 0;

        var writers = Enumerable.Range(0, Writers).Select(async _ =>
        {
            await start.Task;
            while (true)
            {
                var current = await store.ReadAsync(CounterPath);
                var value = current is null ? 0 : int.Parse(Text(current.Content), CultureInfo.InvariantCulture);
                var next = Utf8((value + 1).ToString(CultureInfo.InvariantCulture));
                if (await store.TryWriteAsync(CounterPath, next, current?.Version) is not null)
                {
                    return;
                }

                Interlocked.Increment(ref conflicts);
            }
        }).ToList();
        start.SetResult();
        await Task.WhenAll(writers);

        var counter = await store.ReadAsync(CounterPath);
        Assert.Equal(Writers.ToString(CultureInfo.InvariantCulture), Text(counter!.Content));
        Assert.True(conflicts > 0, "The writers never raced, so the test proved nothing.");
    }

    [Fact]
    public async Task A_document_another_instance_changed_is_read_afresh()
    {
        var container = await azurite.CreateContainerAsync("state");
        var mine = new BlobStateStore(container);
        var other = new BlobStateStore(container);
        var v1 = await mine.TryWriteAsync(IndexPath, Utf8("one"), null);
        Assert.Equal("one", Text((await mine.ReadAsync(IndexPath))!.Content));

        var v2 = await other.TryWriteAsync(IndexPath, Utf8("two"), v1);
        var read = await mine.ReadAsync(IndexPath);

        Assert.Equal("two", Text(read!.Content));
        Assert.Equal(v2, read.Version);
    }

    [Fact]
    public async Task A_document_read_again_unchanged_comes_back_without_its_bytes_crossing_the_wire()
    {
        var notModified = new StatusCounter(304);
        var options = BlobServiceClientFactory.CreateClientOptions();
        options.AddPolicy(notModified, global::Azure.Core.HttpPipelinePosition.PerRetry);
        var container = await azurite.CreateContainerAsync("state");
        var store = new BlobStateStore(new global::Azure.Storage.Blobs.BlobServiceClient(azurite.ConnectionString, options).GetBlobContainerClient(container.Name));
        var version = await new BlobStateStore(container).TryWriteAsync(IndexPath, Utf8("[1,2,3]"), null);

        var first = await store.ReadAsync(IndexPath);
        var second = await store.ReadAsync(IndexPath);

        Assert.Equal(1, notModified.Count);
        Assert.Equal("[1,2,3]", Text(second!.Content));
        Assert.Equal(version, second.Version);
        Assert.Equal(first!.Version, second.Version);
    }

    [Fact]
    public async Task A_document_deleted_by_another_instance_reads_as_missing()
    {
        var container = await azurite.CreateContainerAsync("state");
        var mine = new BlobStateStore(container);
        var version = await mine.TryWriteAsync(IndexPath, Utf8("one"), null);
        await mine.ReadAsync(IndexPath);

        Assert.True(await new BlobStateStore(container).TryDeleteAsync(IndexPath, version!));

        Assert.Null(await mine.ReadAsync(IndexPath));
    }

    private async Task<BlobStateStore> CreateStoreAsync() => new(await azurite.CreateContainerAsync("state"));

    private static ReadOnlyMemory<byte> Utf8(string text) => Encoding.UTF8.GetBytes(text);

    private static string Text(ReadOnlyMemory<byte> bytes) => Encoding.UTF8.GetString(bytes.Span);
}
