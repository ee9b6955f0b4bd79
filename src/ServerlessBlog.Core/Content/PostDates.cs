using System.Globalization;
using System.Text.RegularExpressions;

namespace ServerlessBlog.Core.Content;

/// <summary>Reads the dates that Hugo, Jekyll and Zola posts write, in invariant culture.</summary>
public static partial class PostDates
{
    private static readonly string[] Formats =
    [
        "yyyy-MM-dd",
        "yyyy-MM-dd'T'HH:mm:ssK",
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK",
        "yyyy-MM-dd'T'HH:mmK",
        "yyyy-MM-dd HH:mm:ssK",
        "yyyy-MM-dd HH:mm:ss.FFFFFFFK",
        "yyyy-MM-dd HH:mmK",
        "yyyy-MM-dd HH:mm:ss K",
        "yyyy-MM-dd HH:mm K",
        "yyyy-MM-dd'T'HH:mm:ss",
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF",
        "yyyy-MM-dd HH:mm:ss",
        "yyyy-MM-dd HH:mm",
        "yyyy-MM-dd'T'HH:mm",
    ];

    /// <summary>
    /// Parses a date or date-time; one without an offset is taken as UTC.
    /// Jekyll's <c>2024-01-15 10:30:00 +0100</c> is accepted.
    /// </summary>
    public static bool TryParse(object? value, out DateTimeOffset date)
    {
        switch (value)
        {
            case DateTimeOffset offset:
                date = offset;
                return true;
            case DateTime dateTime:
                date = new DateTimeOffset(DateTime.SpecifyKind(dateTime, DateTimeKind.Utc));
                return true;
            case string text:
                var normalized = CompactOffset().Replace(text.Trim(), "$1:$2");
                normalized = normalized.EndsWith(" Z", StringComparison.Ordinal) ? normalized[..^2] + "Z" : normalized;
                return DateTimeOffset.TryParseExact(normalized, Formats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out date);
            default:
                date = default;
                return false;
        }
    }

    [GeneratedRegex(@"([+-]\d{2})(\d{2})$")]
    private static partial Regex CompactOffset();
}
