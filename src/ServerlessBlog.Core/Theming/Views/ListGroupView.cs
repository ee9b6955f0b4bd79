namespace ServerlessBlog.Core.Theming.Views;

/// <summary>A run of posts in a listing, under an optional heading such as a year.</summary>
public sealed record ListGroupView(string Label, IReadOnlyList<PostCardView> Posts);
