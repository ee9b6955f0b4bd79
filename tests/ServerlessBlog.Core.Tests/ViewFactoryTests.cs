using System.Globalization;
using CsCheck;
using ServerlessBlog.Core.Generation;
using ServerlessBlog.Core.Site;

namespace ServerlessBlog.Core.Tests;

public sealed class ViewFactoryTests
{
    private readonly ViewFactory _views = new(GoldenCorpus.Options, new SiteUrls(GoldenCorpus.Options.BaseUrl));

    /// <summary>The front matter image goes into og:image and the JSON Feed's item image: readers fetch it as it is.</summary>
    [Theory]
    [InlineData("/images/cover.svg", "https://golden.example/blog/images/cover.svg")]
    [InlineData("images/cover.svg", "https://golden.example/blog/images/cover.svg")]
    [InlineData("https://cdn.example.org/x.png", "https://cdn.example.org/x.png")]
    [InlineData("//cdn.example.org/x.png", "https://cdn.example.org/x.png")]
    [InlineData("/images/%C3%BC%20b.svg", "https://golden.example/blog/images/%C3%BC%20b.svg")]
    [InlineData("/images/ü b.svg", "https://golden.example/blog/images/%C3%BC%20b.svg")]
    [InlineData("/images/cover.svg?v=2", "https://golden.example/blog/images/cover.svg?v=2")]
    [InlineData("/images/sprite.svg#icon", "https://golden.example/blog/images/sprite.svg#icon")]
    [InlineData("javascript:alert(1)", null)]
    [InlineData("data:image/png;base64,iVBORw0KGgo=", null)]
    [InlineData("ftp://files.example.org/x.png", null)]
    [InlineData("../../outside.png", null)]
    public void A_front_matter_image_becomes_an_absolute_http_url_or_none(string image, string? expected)
    {
        Assert.Equal(expected, _views.ImageUrl(image));
    }

    /// <summary>Both forms are written without the date patterns they replace; over any instant, they must write the same.</summary>
    [Fact]
    public void Page_dates_read_as_the_patterns_write_them_in_utc()
    {
        var offsets = Gen.Int[-14 * 60, 14 * 60].Select(minutes => TimeSpan.FromMinutes(minutes));
        var ticks = Gen.Long[DateTime.MinValue.AddDays(1).Ticks, DateTime.MaxValue.AddDays(-1).Ticks];
        Gen.Select(ticks, offsets, (tick, offset) => new DateTimeOffset(tick, TimeSpan.Zero).ToOffset(offset)).Sample(date =>
        {
            Assert.Equal(date.UtcDateTime.ToString("d MMMM yyyy", CultureInfo.InvariantCulture), ViewFactory.Text(date));
            Assert.Equal(date.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture), ViewFactory.Iso(date));
        }, iter: 20_000);
    }
}
