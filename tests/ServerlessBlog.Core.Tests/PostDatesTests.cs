using System.Globalization;
using CsCheck;
using ServerlessBlog.Core.Content;

namespace ServerlessBlog.Core.Tests;

public sealed class PostDatesTests
{
    [Theory]
    [InlineData("2024-01-15", "2024-01-15T00:00:00+00:00")]
    [InlineData(" 2024-01-15\t", "2024-01-15T00:00:00+00:00")]
    [InlineData("2024-02-29T23:59:59Z", "2024-02-29T23:59:59+00:00")]
    [InlineData("2024-01-15T10:30:00+01:00", "2024-01-15T10:30:00+01:00")]
    [InlineData("2024-01-15 10:30:00 +0100", "2024-01-15T10:30:00+01:00")]
    [InlineData("2024-01-15T10:30", "2024-01-15T10:30:00+00:00")]
    [InlineData("2024-01-15T10:30:00.250Z", "2024-01-15T10:30:00.2500000+00:00")]
    public void Dates_and_date_times_are_read_with_their_offset_or_as_utc(string text, string expected)
    {
        Assert.True(PostDates.TryParse(text, out var date));
        Assert.Equal(DateTimeOffset.Parse(expected, CultureInfo.InvariantCulture), date);
        Assert.Equal(DateTimeOffset.Parse(expected, CultureInfo.InvariantCulture).Offset, date.Offset);
    }

    [Theory]
    [InlineData("2023-02-29")]
    [InlineData("2024-13-01")]
    [InlineData("2024-00-10")]
    [InlineData("2024-04-31")]
    [InlineData("0000-01-01")]
    [InlineData("2024-01-15T24:00:00Z")]
    [InlineData("2024-01-15T10:60:00Z")]
    [InlineData("2024-01-15T10:30:60Z")]
    [InlineData("2024-1-15")]
    [InlineData("2024/01/15")]
    [InlineData("yesterday")]
    [InlineData("")]
    public void What_is_not_a_real_date_is_refused(string text)
    {
        Assert.False(PostDates.TryParse(text, out _));
    }

    /// <summary>
    /// The two common forms are read without the general parser; on any string of their shape, valid or not, both
    /// must agree.
    /// </summary>
    [Fact]
    public void The_common_forms_read_as_the_general_parser_reads_them()
    {
        var digits = Gen.Char['0', '9'];
        var twoDigits = Gen.Select(digits, digits, (a, b) => $"{a}{b}");
        var date = Gen.Select(Gen.Int[0, 9999], twoDigits, twoDigits, (year, month, day) => $"{year:D4}-{month}-{day}");
        var dateTime = Gen.Select(date, twoDigits, twoDigits, twoDigits, (day, hour, minute, second) => $"{day}T{hour}:{minute}:{second}Z");
        Gen.OneOf(date, dateTime).Sample(text =>
        {
            var general = DateTimeOffset.TryParseExact(
                text, ["yyyy-MM-dd", "yyyy-MM-dd'T'HH:mm:ssK"], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var expected);

            Assert.Equal(general, PostDates.TryParse(text, out var actual));
            Assert.Equal(expected, actual);
            Assert.Equal(expected.Offset, actual.Offset);
        }, iter: 20_000);
    }
}
