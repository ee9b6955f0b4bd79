namespace ServerlessBlog.Core.Theming.Views;

/// <summary>The <c>redirect</c> object of the page written at each of a post's aliases.</summary>
public sealed record RedirectView(string Title, string Url);
