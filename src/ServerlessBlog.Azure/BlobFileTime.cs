using System.Globalization;

namespace ServerlessBlog.Azure;

/// <summary>
/// The time a content file last changed on the author's disk, kept in its blob's metadata by the uploader (a blob's
/// own last-modified time is when it was uploaded): an undated post takes it, as <c>blog build</c> gives it the file's
/// time. A blob uploaded by another tool has none, and its upload time stands in.
/// </summary>
public static class BlobFileTime
{
    /// <summary>The metadata key (blob metadata names are C# identifiers, compared without case).</summary>
    public const string MetadataName = "filemodified";

    /// <summary>The metadata that records <paramref name="fileTime"/>.</summary>
    public static Dictionary<string, string> Metadata(DateTimeOffset fileTime) =>
        new(StringComparer.OrdinalIgnoreCase) { [MetadataName] = fileTime.UtcDateTime.ToString("O", CultureInfo.InvariantCulture) };

    /// <summary>The file's time recorded in <paramref name="metadata"/>, else <paramref name="uploaded"/>.</summary>
    public static DateTimeOffset Of(IDictionary<string, string>? metadata, DateTimeOffset uploaded) =>
        metadata is not null
        && metadata.FirstOrDefault(pair => string.Equals(pair.Key, MetadataName, StringComparison.OrdinalIgnoreCase)).Value is { } text
        && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var fileTime)
            ? fileTime
            : uploaded;
}
