namespace ServerlessBlog.Core.Theming.Views;

/// <summary>A titled link: a neighbouring post, a feed.</summary>
public sealed record LinkView(string Title, string Url);
