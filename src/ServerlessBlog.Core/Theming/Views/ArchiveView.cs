namespace ServerlessBlog.Core.Theming.Views;

/// <summary>The <c>archive</c> object of the archive template: years, newest first.</summary>
public sealed record ArchiveView(IReadOnlyList<ArchiveYearView> Years);
