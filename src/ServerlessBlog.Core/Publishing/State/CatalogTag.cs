namespace ServerlessBlog.Core.Publishing.State;

/// <summary>A tag in the catalog: its name, count, how many posts it has each year, and when its newest post changed.</summary>
public sealed record CatalogTag(string Slug, string Name, int Count, IReadOnlyDictionary<int, int> Years, DateTimeOffset LastModified);
