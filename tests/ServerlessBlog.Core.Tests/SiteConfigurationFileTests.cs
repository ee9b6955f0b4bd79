using ServerlessBlog.Core.Configuration;
using ServerlessBlog.Core.Content;

namespace ServerlessBlog.Core.Tests;

public sealed class SiteConfigurationFileTests
{
    [Fact]
    public void Settings_become_keys_of_the_blog_section()
    {
        var settings = SiteConfigurationFile.Read("title: My Blog\npostsPerPage: 5\nallowRawHtml: True\n");

        Assert.Equal("My Blog", settings["Blog:title"]);
        Assert.Equal("5", settings["Blog:postsPerPage"]);
        Assert.Equal("true", settings["Blog:allowRawHtml"]);
    }

    /// <summary>site.yaml is not front matter: its errors say YAML and count its lines from 1.</summary>
    [Theory]
    [InlineData("title: a: b\n", "invalid YAML: ", 1)]
    [InlineData("title: ok\nbaseUrl: a: b\n", "invalid YAML: ", 2)]
    [InlineData("- a\n- b\n", "the YAML must be a mapping of keys to values", 1)]
    public void A_file_that_is_not_a_yaml_mapping_is_reported_on_its_own_line(string yaml, string message, int line)
    {
        var error = Assert.Throws<ContentException>(() => SiteConfigurationFile.Read(yaml));

        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("front matter", error.Message, StringComparison.Ordinal);
        Assert.Equal(line, error.Line);
    }
}
