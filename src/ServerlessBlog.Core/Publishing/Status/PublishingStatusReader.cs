using ServerlessBlog.Core.Content;
using ServerlessBlog.Core.Publishing.State;
using ServerlessBlog.Core.Storage;

namespace ServerlessBlog.Core.Publishing.Status;

/// <summary>
/// Reads the publisher's status records (<c>sources/{path}.json</c>) and compares them with the uploaded content:
/// the one place that knows how a record says a file is live, failed, waiting, or not yet handled.
/// </summary>
public sealed class PublishingStatusReader
{
    private readonly IStateStore _state;

    public PublishingStatusReader(IStateStore state)
    {
        ArgumentNullException.ThrowIfNull(state);
        _state = state;
    }

    /// <summary>The status record of one uploaded file, or <see langword="null"/> when no publisher has recorded it.</summary>
    public async Task<SourceRecord?> ReadAsync(string sourcePath, CancellationToken cancellationToken = default)
    {
        var stored = await _state.ReadAsync(StatePaths.Source(sourcePath), cancellationToken);
        return stored is null ? null : StateJson.Deserialize<SourceRecord>(stored.Content);
    }

    /// <summary>
    /// Whether <paramref name="record"/> is about the upload whose version is <paramref name="version"/>:
    /// a record of an older upload says nothing about the new one yet.
    /// </summary>
    public static bool IsAbout(SourceRecord? record, string version) =>
        record is not null && string.Equals(record.SourceVersion, version, StringComparison.Ordinal);

    /// <summary>Every recorded file, sorted by path, and the uploaded files of <paramref name="content"/> not handled yet.</summary>
    public async Task<PublishingStatus> ReadAllAsync(IContentSource content, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        var records = new Dictionary<string, SourceRecord>(StringComparer.Ordinal);
        await foreach (var path in _state.ListAsync(StatePaths.SourcesFolder, cancellationToken))
        {
            if (await ReadAsync(StatePaths.SourcePathOf(path), cancellationToken) is { } record)
            {
                records[record.SourcePath] = record;
            }
        }

        var unprocessed = new List<string>();
        await foreach (var entry in content.ListAsync(cancellationToken))
        {
            if (ContentPaths.IsUploaded(entry.Path) && !(records.TryGetValue(entry.Path, out var record) && record.Describes(entry)))
            {
                unprocessed.Add(entry.Path);
            }
        }

        var sorted = records.Values.OrderBy(record => record.SourcePath, StringComparer.Ordinal).ToList();
        return new PublishingStatus(
            sorted.Where(record => record.Outcome == PublishOutcome.Published && !record.IsAsset).ToList(),
            sorted.Where(record => record.Outcome == PublishOutcome.Rejected).ToList(),
            sorted.Where(record => record.Outcome == PublishOutcome.Pending).ToList(),
            sorted.Where(record => record.Outcome == PublishOutcome.Published && record.IsAsset && !Theming.ThemeFiles.IsThemeFile(record.SourcePath)).ToList(),
            unprocessed.Order(StringComparer.Ordinal).ToList(),
            sorted.Where(record => record.Outcome == PublishOutcome.Published && Theming.ThemeFiles.IsThemeFile(record.SourcePath)).ToList());
    }
}
