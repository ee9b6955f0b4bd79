namespace ServerlessBlog.Core.Storage;

/// <summary>A file of the content root, before it is read.</summary>
/// <param name="Path">The path relative to the content root, with forward slashes.</param>
/// <param name="LastModified">When the file last changed.</param>
/// <param name="Length">Its size in bytes.</param>
/// <param name="Version">What changes whenever the file is written (a blob's ETag); times alone can miss two writes in one second.</param>
public sealed record ContentEntry(string Path, DateTimeOffset LastModified, long Length, string? Version = null);
