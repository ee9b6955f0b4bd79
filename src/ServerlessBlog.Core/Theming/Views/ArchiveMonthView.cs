namespace ServerlessBlog.Core.Theming.Views;

/// <summary>A month of the archive.</summary>
public sealed record ArchiveMonthView(string Name, string Url, int Count);
