using System.Globalization;
using System.Text;
using ServerlessBlog.Core.Content;

namespace ServerlessBlog.Core.Tests;

/// <summary>
/// The plain front matter reader must read what it accepts exactly as YamlDotNet does, and decline the rest so that
/// YamlDotNet reads it (and reports its errors with their lines).
/// </summary>
public sealed class PlainFrontMatterReaderTests
{
    // Values as they follow "key: " or "- ": plain, quoted, typed, commented, unicode, and many YAML would read otherwise.
    private static readonly string[] Scalars =
    [
        "Hello", "Hello, world", "Hello   world  ", "C# in depth", "a #comment", "a#b", "x # y # z", "It's fine", "say \"hi\"",
        "\"quoted\"", "\"true\"", "\"\"", "''", "'single'", "'it''s'", "'a' # c", "\"a\" # c", "\"a\"# c", "'a'b", "\"a\"b",
        "\"a\\\"b\"", "\"tab\\tx\"", "\"unterminated", "'unterminated",
        "true", "True", "TRUE", "false", "False", "yes", "no", "on", "off", "null", "Null", "NULL", "~", "",
        "0", "42", "-7", "+7", "007", "1_000", "0x1F", "0o17", "1.5", "-1.5", ".5", "5.", "1e3", "1.2E-3", ".inf", "-.inf", ".nan",
        "9223372036854775807", "9223372036854775808", "99999999999999999999999",
        "2024-05-20", "2024-05-20T07:28:28Z", "2024-05-20 07:28:28 +0100", "2024-05-20T07:28:28.123+02:00",
        "https://example.org/a?b=c#frag", "http://x:8080/", "a: b", "a:", "a:b", "key::", "[a, b]", "[]", "[ ]", "[a,]", "[,a]",
        "[\"a, b\", c]", "['x', \"y\", z]", "[a, [b]]", "[a] # c", "[a]b", "{a: b}", "{}", "a [b] c", "a {b} c", "a ] b",
        "&anchor value", "*alias", "!!str 5", "!tag x", "|", ">", "|-", "- item", "-item", "--", "? q", "@at", "`tick`", "%pc",
        "Café crème", "日本語のタイトル", "emoji 🎉 ok", "Ünïcödé: no", "a\u00A0b", "zero\u200Bwidth", "line\u2028sep", "bom\uFEFF",
        "ctrl\u0001x", "del\u007Fx", "c1\u0085x", "tab\tinside", "a  #  b", "#start", "value # [unclosed", "[a # c]",
    ];

    private static readonly string[] Keys =
    [
        "title", "date", "tags", "draft", "summary", "Title", "last-modified", "last_modified_at", "_x", "2024", "k", "a b", "-k",
        "\"quoted\"", "key ", "ключ", "x.y", new string('k', 130),
    ];

    public static TheoryData<string> HandWritten => new()
    {
        "",
        "\n\n",
        "# only a comment\n",
        "title: \"A Field Guide to Retries, Part 2\"\ndate: 2024-05-20T07:28:28Z\ntags:\n  - rest\n  - python\n  - json\n  - search\n",
        "title: \"A Short Note\"\ndate: 2024-03-02T10:15:00Z\ntags:\n  - functions\n",
        "title: Long\ndate: 2024-09-14T18:05:00Z\nlastmod: 2024-10-02T08:00:00Z\ntags:\n  - dotnet\n  - queues\nsummary: \"A long post.\"\n",
        "tags:\n- a\n- b\n",
        "tags:\n    - a\n    - b\ntitle: x\n",
        "tags:\n  - a\n\n  - b\n",
        "tags:\n  - a\n   - b\n",
        "tags:\n  - a\n# c\n  - b\n",
        "tags:\n  # c\n  - a\n",
        "tags: # none yet\n  - a\n",
        "tags:\n  - a: b\n",
        "tags:\n  - - a\n",
        "tags:\n  -\n",
        "tags:\n  - \n",
        "title: x\n  - a\n",
        "- a\n- b\n",
        "title: a\n  continued\n",
        "title: a\n\n  continued\n",
        "title: a\ntitle: b\n",
        "title: a\nTitle: b\n",
        "title:a\n",
        "title : a\n",
        "title:\n",
        "title:   \n",
        "title: ~\nempty:\nnext: 1\n",
        "title: x\r\ndate: 2024-01-01\r\ntags:\r\n  - a\r\n",
        "title: x\rdate: y\n",
        "title: x\n...\n",
        "%YAML 1.2\n",
        "? complex\n: value\n",
        "x: [a, b, \"c\", 'd''e', 1, true, ~, null, 1.5]\n",
        "x: [a b, c]\n",
        "x: [a,b]\n",
        "x: [\n  a\n]\n",
        "taxonomies:\n  tags: [a]\n",
        "authors:\n  - name: A\n",
        "title: \"tab\tinside\"\n",
        "\ttitle: x\n",
        "title: x\t# c\n",
    };

    [Theory]
    [MemberData(nameof(HandWritten))]
    public void Hand_written_blocks_are_read_as_YamlDotNet_reads_them_or_declined(string yaml) => AssertSameAsYamlDotNet(yaml);

    [Fact]
    public void Generated_blocks_are_read_as_YamlDotNet_reads_them_or_declined()
    {
        var random = new Random(20_241_128);
        var accepted = 0;
        for (var i = 0; i < 20_000; i++)
        {
            var yaml = Generate(random);
            if (AssertSameAsYamlDotNet(yaml))
            {
                accepted++;
            }
        }

        // The comparison means little if nearly everything is declined.
        Assert.InRange(accepted, 2_000, 20_000);
    }

    [Theory]
    [InlineData("title: \"A Field Guide to Retries, Part 2\"\ndate: 2024-05-20T07:28:28Z\ntags:\n  - rest\n  - python\n")]
    [InlineData("title: Plain title\ndate: 2024-05-20\ndraft: false\ntags: [a, b]\nsummary: 'It''s short.' # a comment\n")]
    [InlineData("# comment\ntitle: Café\nweight: 3\nratio: 1.5\nimage:\naliases:\n- /old/\n")]
    public void The_front_matter_posts_have_takes_the_fast_path(string yaml) =>
        Assert.True(PlainFrontMatterReader.TryRead(yaml, out _));

    [Fact]
    public void Errors_still_come_from_YamlDotNet_with_their_lines()
    {
        var error = Assert.Throws<ContentException>(() => FrontMatterParser.Parse("---\ntitle: a\ntitle: b\n---\n"));
        Assert.Contains("invalid YAML front matter", error.Message, StringComparison.Ordinal);

        var notMapping = Assert.Throws<ContentException>(() => FrontMatterParser.Parse("---\n- a\n- b\n---\n"));
        Assert.Contains("mapping", notMapping.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_list_past_the_node_budget_is_left_to_YamlDotNet_which_refuses_it()
    {
        var yaml = new StringBuilder("tags:\n");
        for (var i = 0; i <= YamlFrontMatterReader.MaxNodes; i++)
        {
            yaml.Append(CultureInfo.InvariantCulture, $"  - t{i}\n");
        }

        Assert.False(PlainFrontMatterReader.TryRead(yaml.ToString(), out _));
        Assert.Throws<ContentException>(() => YamlFrontMatterReader.Read(yaml.ToString()));
    }

    private static string Generate(Random random)
    {
        var text = new StringBuilder();
        var lines = random.Next(1, 7);
        for (var line = 0; line < lines; line++)
        {
            var key = random.Next(4) == 0 ? Keys[random.Next(Keys.Length)] : Keys[random.Next(6)] + line.ToString(CultureInfo.InvariantCulture);
            switch (random.Next(10))
            {
                case 0:
                    text.Append(key).Append(":\n");
                    var indent = new string(' ', random.Next(3));
                    for (var item = random.Next(4); item > 0; item--)
                    {
                        text.Append(indent).Append("- ").Append(Scalars[random.Next(Scalars.Length)]).Append('\n');
                    }

                    break;
                case 1:
                    text.Append(key).Append(": [");
                    for (var item = random.Next(4); item > 0; item--)
                    {
                        text.Append(Scalars[random.Next(Scalars.Length)]).Append(item > 1 ? ", " : string.Empty);
                    }

                    text.Append("]\n");
                    break;
                case 2:
                    text.Append(random.Next(2) == 0 ? "# a comment\n" : "\n");
                    break;
                default:
                    text.Append(key).Append(": ").Append(Scalars[random.Next(Scalars.Length)]).Append(random.Next(8) == 0 ? "\r\n" : "\n");
                    break;
            }
        }

        return text.ToString();
    }

    /// <returns>Whether the plain reader accepted the block.</returns>
    private static bool AssertSameAsYamlDotNet(string yaml)
    {
        if (!PlainFrontMatterReader.TryRead(yaml, out var plain))
        {
            return false;
        }

        IReadOnlyDictionary<string, object?> expected;
        try
        {
            expected = YamlFrontMatterReader.ReadWithYamlDotNet(yaml);
        }
        catch (ContentException ex)
        {
            Assert.Fail($"The plain reader accepted a block YamlDotNet refuses ({ex.Message}):\n{yaml}");
            throw;
        }

        AssertSameValue(expected, plain, yaml);
        return true;
    }

    private static void AssertSameValue(object? expected, object? actual, string yaml)
    {
        switch (expected)
        {
            case IReadOnlyDictionary<string, object?> map:
                var actualMap = Assert.IsType<Dictionary<string, object?>>(actual);
                Assert.True(map.Keys.SequenceEqual(actualMap.Keys), $"Keys differ for:\n{yaml}");
                foreach (var (key, value) in map)
                {
                    AssertSameValue(value, actualMap[key], yaml);
                }

                break;
            case List<object?> list:
                var actualList = Assert.IsType<List<object?>>(actual);
                Assert.True(list.Count == actualList.Count, $"List lengths differ for:\n{yaml}");
                for (var i = 0; i < list.Count; i++)
                {
                    AssertSameValue(list[i], actualList[i], yaml);
                }

                break;
            default:
                Assert.True(
                    Equals(expected, actual) && expected?.GetType() == actual?.GetType(),
                    $"Expected {Show(expected)} but read {Show(actual)} for:\n{yaml}");
                break;
        }
    }

    private static string Show(object? value) =>
        value is null ? "null" : string.Create(CultureInfo.InvariantCulture, $"{value.GetType().Name} '{value}'");
}
