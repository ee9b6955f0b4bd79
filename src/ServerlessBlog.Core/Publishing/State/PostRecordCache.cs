using System.Collections.Concurrent;

namespace ServerlessBlog.Core.Publishing.State;

/// <summary>
/// The rendered posts a publisher read or wrote lately, so that the feeds of every publish (the newest posts of the
/// site and of each tag, with their full content) do not read the same post records again. An entry is used only for
/// the revision the index names, so a post changed by another publisher is read afresh. Thread-safe; one per publisher.
/// </summary>
public sealed class PostRecordCache
{
    /// <summary>Enough for the site feed and the feeds of a few dozen tags, of typical post sizes.</summary>
    public const int DefaultCapacity = 2048;

    private readonly ConcurrentDictionary<string, (PostRecord Record, long Used)> _records = new(StringComparer.Ordinal);
    private readonly int _capacity;
    private long _clock;

    public PostRecordCache(int capacity = DefaultCapacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _capacity = capacity;
    }

    /// <summary>The cached record of <paramref name="slug"/> if it is the revision <paramref name="revision"/>.</summary>
    public PostRecord? Find(string slug, string? revision)
    {
        if (revision is null || !_records.TryGetValue(slug, out var entry) || entry.Record.Summary.Revision != revision)
        {
            return null;
        }

        _records[slug] = (entry.Record, Interlocked.Increment(ref _clock));
        return entry.Record;
    }

    public void Add(PostRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        _records[record.Summary.Slug] = (record, Interlocked.Increment(ref _clock));
        if (_records.Count > _capacity)
        {
            // Rare: drop the least recently used quarter at once rather than one entry per add.
            foreach (var stale in _records.OrderBy(pair => pair.Value.Used).Take(_capacity / 4 + 1).ToList())
            {
                _records.TryRemove(stale);
            }
        }
    }

    public void Remove(string slug) => _records.TryRemove(slug, out _);
}
