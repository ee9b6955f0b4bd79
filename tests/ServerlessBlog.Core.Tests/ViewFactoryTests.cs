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
}
