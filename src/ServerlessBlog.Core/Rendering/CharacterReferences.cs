using System.Globalization;
using System.Text.RegularExpressions;
using ServerlessBlog.Core.Content;

namespace ServerlessBlog.Core.Rendering;

/// <summary>
/// A post's source may not hold a character XML cannot carry (<see cref="SourceText"/> refuses the file), but a numeric
/// character reference such as <c>&amp;#5;</c> writes one into the rendered text, and the feeds, being XML, could not
/// carry the post. Such a post is refused, as one with the character itself is, rather than published without its feeds.
/// </summary>
internal static partial class CharacterReferences
{
    /// <exception cref="ContentException">The HTML or the excerpt holds a character XML cannot carry.</exception>
    public static void RefuseNonXmlCharacters(Post post, string html, string excerpt)
    {
        if ((FirstNonXmlCharacter(html) ?? FirstNonXmlCharacter(excerpt)) is { } found)
        {
            throw new ContentException(
                string.Create(CultureInfo.InvariantCulture, $"the character reference to U+{(int)found:X4}, a control character, writes a character feeds cannot carry; remove it"),
                LineOfReference(post, found));
        }
    }

    private static char? FirstNonXmlCharacter(string text) =>
        SourceText.IndexOfNonXmlCharacter(text) is var index and >= 0 ? text[index] : null;

    /// <summary>The line of the first reference to <paramref name="character"/> in the post's file, or the body's first line.</summary>
    private static int LineOfReference(Post post, char character)
    {
        foreach (Match reference in NumericReference().Matches(post.Body))
        {
            var value = reference.Groups["hex"].Success
                ? int.Parse(reference.Groups["hex"].ValueSpan, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture)
                : int.Parse(reference.Groups["decimal"].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture);
            if (value == character)
            {
                return post.BodyLine + post.Body.AsSpan(0, reference.Index).Count('\n');
            }
        }

        return post.BodyLine;
    }

    // CommonMark's numeric character references: up to 6 hexadecimal or 7 decimal digits.
    [GeneratedRegex("&#(?:[xX](?<hex>[0-9a-fA-F]{1,6})|(?<decimal>[0-9]{1,7}));")]
    private static partial Regex NumericReference();
}
