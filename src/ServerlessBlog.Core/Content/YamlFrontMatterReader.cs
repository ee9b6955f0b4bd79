using System.Buffers;
using System.Globalization;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace ServerlessBlog.Core.Content;

/// <summary>
/// Reads YAML front matter into plain values. Plain scalars are typed by the YAML core schema;
/// quoted scalars stay strings. Aliases are followed within a node budget, so an alias bomb is refused.
/// </summary>
internal static partial class YamlFrontMatterReader
{
    /// <summary>The most nodes one front matter block may expand to.</summary>
    internal const int MaxNodes = 10_000;

    /// <summary>
    /// What the messages call the block. Lines are counted as in a post, where the block starts on line 2, after the
    /// opening <c>---</c>: a reader of another YAML file (<see cref="Configuration.SiteConfigurationFile"/>) renames
    /// and renumbers.
    /// </summary>
    internal const string Subject = "YAML front matter";

    /// <summary>The deepest nesting of flow collections (<c>[[[...]]]</c>) read: the YAML loader recurses once per level.</summary>
    internal const int MaxFlowDepth = 64;

    /// <summary>Every character the number patterns of <see cref="ResolvePlain"/> can match.</summary>
    private static readonly SearchValues<char> NumberCharacters = SearchValues.Create("0123456789+-.eE");

    public static IReadOnlyDictionary<string, object?> Read(string yaml)
    {
        CheckFlowDepth(yaml);
        if (PlainFrontMatterReader.TryRead(yaml, out var plain))
        {
            return plain;
        }

        return ReadWithYamlDotNet(yaml);
    }

    /// <summary>Reads any YAML block with YamlDotNet, as every block was read before the plain reader.</summary>
    internal static IReadOnlyDictionary<string, object?> ReadWithYamlDotNet(string yaml)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException ex)
        {
            // The block starts on line 2 of the file, after the opening '---'.
            throw new ContentException($"invalid {Subject}: {Reason(ex)}", (int)ex.Start.Line + 1, ex);
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException)
        {
            // YamlDotNet's scanner fails this way on some malformed flow collections, and its node constructors on
            // tags they refuse (an empty or relative verbatim tag, !<> or !<K:>); it knows no line then.
            throw new ContentException($"invalid {Subject}: it is not well-formed YAML", 2, ex);
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is YamlScalarNode { Value: null or "" })
        {
            return new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
        }

        if (stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            throw new ContentException($"the {Subject} must be a mapping of keys to values", (int)stream.Documents[0].RootNode.Start.Line + 1);
        }

        var budget = MaxNodes;
        return ReadMapping(root, ref budget);
    }

    private static Dictionary<string, object?> ReadMapping(YamlMappingNode mapping, ref int budget)
    {
        var values = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
        foreach (var (keyNode, valueNode) in mapping.Children)
        {
            var key = keyNode is YamlScalarNode { Value: { } scalarKey } ? scalarKey : keyNode.ToString();
            values[key] = ReadNode(valueNode, ref budget);
        }

        return values;
    }

    private static object? ReadNode(YamlNode node, ref int budget)
    {
        if (--budget < 0)
        {
            throw new ContentException($"the {Subject} expands to more than {MaxNodes} values (an alias bomb?)", (int)node.Start.Line + 1);
        }

        switch (node)
        {
            case YamlScalarNode scalar:
                return scalar.Style is ScalarStyle.Plain ? ResolvePlain(scalar.Value) : scalar.Value;
            case YamlSequenceNode sequence:
                var list = new List<object?>(sequence.Children.Count);
                foreach (var child in sequence.Children)
                {
                    list.Add(ReadNode(child, ref budget));
                }

                return list;
            case YamlMappingNode mapping:
                return ReadMapping(mapping, ref budget);
            default:
                return null;
        }
    }

    /// <summary>The value of a plain scalar by the YAML core schema: null, a boolean, an integer, a float or the text.</summary>
    internal static object? ResolvePlain(string? value)
    {
        switch (value)
        {
            case null or "" or "~" or "null" or "Null" or "NULL":
                return null;
            case "true" or "True" or "TRUE":
                return true;
            case "false" or "False" or "FALSE":
                return false;
        }

        // Both number patterns start with a digit, a sign or a point and have nothing else but an exponent's 'e':
        // most scalars are words or dates, and skip the patterns.
        if (value[0] is not ((>= '0' and <= '9') or '-' or '+' or '.') || value.AsSpan().ContainsAnyExcept(NumberCharacters))
        {
            return value;
        }

        if (IntegerPattern().IsMatch(value) && long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer))
        {
            return integer;
        }

        if (FloatPattern().IsMatch(value) && double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            return number;
        }

        return value;
    }

    /// <summary>
    /// Refuses flow collections nested deeper than <see cref="MaxFlowDepth"/> before the loader sees them: it would
    /// overflow the stack, which no exception handler catches. Every bracket counts, quoted or not: telling quotes
    /// apart would need the parser this check protects, and only a block no one writes has 64 brackets open at once.
    /// </summary>
    private static void CheckFlowDepth(string yaml)
    {
        var depth = 0;
        var line = 2;
        foreach (var c in yaml)
        {
            depth = c switch
            {
                '[' or '{' => depth + 1,
                ']' or '}' => Math.Max(0, depth - 1),
                _ => depth,
            };
            line += c == '\n' ? 1 : 0;
            if (depth > MaxFlowDepth)
            {
                throw new ContentException($"the {Subject} nests lists or maps more than {MaxFlowDepth} deep", line);
            }
        }
    }

    private static string Reason(YamlException ex)
    {
        var message = ex.InnerException is YamlException inner ? inner.Message : ex.Message;
        return LocationPrefix().Replace(message, string.Empty).Trim();
    }

    [GeneratedRegex(@"^[-+]?[0-9]+\z")]
    private static partial Regex IntegerPattern();

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?\z")]
    private static partial Regex FloatPattern();

    [GeneratedRegex(@"^\(Line: \d+, Col: \d+, Idx: \d+\) - \(Line: \d+, Col: \d+, Idx: \d+\):\s*")]
    private static partial Regex LocationPrefix();
}
