namespace ServerlessBlog.Core.Rendering;

/// <summary>
/// Tells the URLs a published page may link to from the ones a browser would run or render as a document:
/// <c>javascript:</c>, <c>vbscript:</c>, <c>data:</c> and any other scheme than the few a blog needs.
/// </summary>
/// <remarks>
/// <c>data:</c> is refused for images too: an author uploads the image as an asset instead, and one rule is easier
/// to trust than a list of safe media types.
/// </remarks>
public static class SafeUrl
{
    /// <summary>The schemes a link or image may use; a URL with no scheme (a path, a <c>#fragment</c>) is always safe.</summary>
    public static readonly IReadOnlySet<string> AllowedSchemes =
        new HashSet<string>(["http", "https", "mailto", "tel"], StringComparer.OrdinalIgnoreCase);

    /// <summary>Whether a browser following <paramref name="url"/> only navigates or fetches, never runs script.</summary>
    public static bool IsSafe(string? url) => Scheme(url) is not { } scheme || AllowedSchemes.Contains(scheme);

    /// <summary>
    /// The scheme a browser reads from <paramref name="url"/>, or null when it has none. Follows the URL standard's
    /// parser: leading and trailing C0 controls and spaces are trimmed, tabs and newlines anywhere are ignored,
    /// so <c>" java\tscript:"</c> is read as <c>javascript</c> the way a browser reads it.
    /// </summary>
    public static string? Scheme(string? url)
    {
        if (string.IsNullOrEmpty(url))
        {
            return null;
        }

        var span = url.AsSpan().Trim("\0\u0001\u0002\u0003\u0004\u0005\u0006\u0007\b\t\n\u000B\f\r\u000E\u000F\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001A\u001B\u001C\u001D\u001E\u001F ");
        Span<char> scheme = stackalloc char[32];
        var length = 0;
        foreach (var c in span)
        {
            if (c is '\t' or '\n' or '\r')
            {
                continue;
            }

            if (c == ':')
            {
                return length == 0 ? null : new string(scheme[..length]);
            }

            var valid = char.IsAsciiLetter(c) || (length > 0 && (char.IsAsciiDigit(c) || c is '+' or '-' or '.'));
            if (!valid)
            {
                return null;
            }

            if (length == scheme.Length)
            {
                // No scheme is this long: a browser reads it as a scheme all the same, and none is allowed.
                return "unknown";
            }

            scheme[length++] = char.ToLowerInvariant(c);
        }

        return null;
    }
}
