using System.Globalization;
using System.Text;

namespace ServerlessBlog.Core.Content;

/// <summary>Makes URL path segments from titles, file names and tags.</summary>
public static class Slug
{
    /// <summary>The longest slug produced, in characters.</summary>
    public const int MaxLength = 80;

    /// <summary>
    /// Lower-cases <paramref name="text"/>, keeps letters and digits of any script, spells out
    /// <c>#</c> and <c>+</c> (so <c>C#</c> and <c>C++</c> stay apart from <c>C</c>), and joins the rest with single hyphens.
    /// </summary>
    /// <returns>The slug, or an empty string when <paramref name="text"/> has no letter or digit.</returns>
    public static string From(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var builder = new StringBuilder(Math.Min(text.Length, MaxLength));
        Span<char> encoded = stackalloc char[2];
        var pendingHyphen = false;
        foreach (var rune in text.Normalize(NormalizationForm.FormC).EnumerateRunes())
        {
            ReadOnlySpan<char> piece = rune.Value switch
            {
                '#' => "sharp",
                '+' => "plus",
                _ when Rune.IsLetterOrDigit(rune) => encoded[..Rune.ToLowerInvariant(rune).EncodeToUtf16(encoded)],
                _ when Rune.GetUnicodeCategory(rune) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark => encoded[..rune.EncodeToUtf16(encoded)],
                _ => [],
            };

            if (piece.IsEmpty)
            {
                pendingHyphen = builder.Length > 0;
                continue;
            }

            if (pendingHyphen)
            {
                builder.Append('-');
                pendingHyphen = false;
            }

            if (builder.Length + piece.Length > MaxLength)
            {
                break;
            }

            builder.Append(piece);
        }

        return builder.ToString().TrimEnd('-');
    }

    /// <summary>Whether <paramref name="slug"/> is already a valid slug.</summary>
    public static bool IsValid(string slug) => slug.Length > 0 && string.Equals(From(slug), slug, StringComparison.Ordinal);
}
