namespace ServerlessBlog.Core.Theming.Views;

/// <summary>A year of the archive and its months, newest first.</summary>
public sealed record ArchiveYearView(int Year, IReadOnlyList<ArchiveMonthView> Months);
