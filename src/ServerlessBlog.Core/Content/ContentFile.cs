namespace ServerlessBlog.Core.Content;

/// <summary>One file of the content root: a post or an asset, with its bytes.</summary>
/// <param name="Path">The path relative to the content root, with forward slashes.</param>
/// <param name="Content">The file's bytes.</param>
/// <param name="LastModified">When the file last changed; the date of a post that names none.</param>
/// <param name="Version">What changes whenever the file is written (a blob's ETag), when the store has one.</param>
public sealed record ContentFile(string Path, ReadOnlyMemory<byte> Content, DateTimeOffset LastModified, string? Version = null);
