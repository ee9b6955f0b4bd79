namespace ServerlessBlog.Core.Storage;

/// <summary>A document of the state store and the version it was read at (an ETag, for blobs).</summary>
public sealed record StoredDocument(ReadOnlyMemory<byte> Content, string Version);
