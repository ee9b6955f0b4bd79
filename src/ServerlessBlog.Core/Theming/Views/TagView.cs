namespace ServerlessBlog.Core.Theming.Views;

/// <summary>A tag as templates show it.</summary>
public sealed record TagView(string Name, string Url, int Count, string FeedUrl);
