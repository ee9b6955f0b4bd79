namespace ServerlessBlog.Core.Publishing.State;

/// <summary>A month that has posts, in the catalog.</summary>
public sealed record CatalogMonth(int Year, int Month, int Count, DateTimeOffset LastModified);
