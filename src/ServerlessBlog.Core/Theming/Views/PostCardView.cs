namespace ServerlessBlog.Core.Theming.Views;

/// <summary>A post in a listing.</summary>
public sealed record PostCardView(string Title, string Url, string DateIso, string DateText, int ReadingMinutes, string Excerpt);
