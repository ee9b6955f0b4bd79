namespace ServerlessBlog.Core.Storage;

/// <summary>A file of the content root, before it is read.</summary>
/// <param name="Path">The path relative to the content root, with forward slashes.</param>
/// <param name="LastModified">When the file last changed.</param>
/// <param name="Length">Its size in bytes.</param>
public sealed record ContentEntry(string Path, DateTimeOffset LastModified, long Length);
