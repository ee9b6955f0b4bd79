using ServerlessBlog.Core.Content;

namespace ServerlessBlog.Core.Tests;

public sealed class SlugTests
{
    [Theory]
    [InlineData("Hello, World!", "hello-world")]
    [InlineData("  spaces   everywhere ", "spaces-everywhere")]
    [InlineData("C#", "csharp")]
    [InlineData("C++", "cplusplus")]
    [InlineData(".NET", "net")]
    [InlineData("Node.js", "node-js")]
    [InlineData("Ünïcödé", "ünïcödé")]
    [InlineData("日本語のタイトル", "日本語のタイトル")]
    [InlineData("tips & tricks", "tips-tricks")]
    [InlineData("../../etc/passwd", "etc-passwd")]
    [InlineData("a/b%c#d?e", "a-b-csharpd-e")]
    [InlineData("...", "")]
    public void Slugs_keep_letters_and_digits_of_any_script(string text, string expected)
    {
        Assert.Equal(expected, Slug.From(text));
    }

    [Fact]
    public void Slugs_are_capped_in_length()
    {
        Assert.True(Slug.From(new string('a', 500)).Length <= Slug.MaxLength);
    }
}
