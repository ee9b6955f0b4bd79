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
            case string text when TryParseUtc(text.AsSpan().Trim(), out date):
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

    /// <summary>
    /// The two forms nearly every post writes, <c>2024-01-15</c> and <c>2024-01-15T10:30:00Z</c>, read without the
    /// general parser and its fourteen formats. Anything else, an impossible date included, is left to that parser.
    /// </summary>
    private static bool TryParseUtc(ReadOnlySpan<char> text, out DateTimeOffset date)
    {
        date = default;
        if ((text.Length != 10 && (text.Length != 20 || text[10] != 'T' || text[13] != ':' || text[16] != ':' || text[19] != 'Z'))
            || text[4] != '-' || text[7] != '-'
            || !TryReadDigits(text[..4], out var year) || !TryReadDigits(text[5..7], out var month) || !TryReadDigits(text[8..10], out var day))
        {
            return false;
        }

        int hour = 0, minute = 0, second = 0;
        if (text.Length == 20 && (!TryReadDigits(text[11..13], out hour) || !TryReadDigits(text[14..16], out minute) || !TryReadDigits(text[17..19], out second)))
        {
            return false;
        }

        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month) || hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }

        date = new DateTimeOffset(year, month, day, hour, minute, second, TimeSpan.Zero);
        return true;
    }

    private static bool TryReadDigits(ReadOnlySpan<char> digits, out int value)
    {
        value = 0;
        foreach (var digit in digits)
        {
            if (!char.IsAsciiDigit(digit))
            {
                return false;
            }

            value = (value * 10) + (digit - '0');
        }

        return true;
    }

    [GeneratedRegex(@"([+-]\d{2})(\d{2})$")]
    private static partial Regex CompactOffset();
}
