using Polly;
using ServerlessBlog.Core.Publishing.State;
using ServerlessBlog.Core.Storage;

namespace ServerlessBlog.Core.Tests;

public sealed class StateDocumentsTests : IDisposable
{
    private const string Path = "index/counter.json";
    private readonly string _folder = Directory.CreateTempSubdirectory("state-documents-").FullName;
    private readonly StateDocuments _documents;

    public StateDocumentsTests()
    {
        _documents = new StateDocuments(new FolderStateStore(_folder), ConflictPipeline.Create(TimeProvider.System));
    }

    [Fact]
    public async Task An_update_from_a_stale_copy_is_refused_and_applied_to_the_current_document()
    {
        var first = await _documents.UpdateAsync<List<int>>(Path, _ => [1], CancellationToken.None);
        await _documents.UpdateAsync<List<int>>(Path, list => [.. list!, 2], CancellationToken.None);
        var changes = 0;

        var update = await _documents.UpdateAsync<List<int>>(
            Path,
            list =>
            {
                changes++;
                return [.. list ?? [], 3];
            },
            CancellationToken.None,
            new StateSnapshot<List<int>>(first.Written, first.Version));

        Assert.Equal(2, changes);
        Assert.Equal([1, 2, 3], update.Written);
        Assert.Equal([1, 2, 3], (await _documents.ReadAsync<List<int>>(Path, CancellationToken.None)).Value);
        Assert.Equal(update.Version, (await _documents.ReadAsync<List<int>>(Path, CancellationToken.None)).Version);
    }

    [Fact]
    public async Task A_guess_that_a_document_is_absent_creates_it_or_finds_it()
    {
        var absent = new StateSnapshot<List<int>>(null, null);

        var created = await _documents.UpdateAsync<List<int>>(Path, list => [.. list ?? [], 1], CancellationToken.None, absent);
        var updated = await _documents.UpdateAsync<List<int>>(Path, list => [.. list ?? [], 2], CancellationToken.None, absent);

        Assert.Null(created.Previous);
        Assert.Equal([1], updated.Previous);
        Assert.Equal([1, 2], (await _documents.ReadAsync<List<int>>(Path, CancellationToken.None)).Value);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
