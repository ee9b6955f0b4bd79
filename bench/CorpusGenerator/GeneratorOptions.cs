using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace ServerlessBlog.Bench.CorpusGenerator;

/// <summary>The command line of the generator: how many posts, where, and from which seed.</summary>
internal sealed class GeneratorOptions
{
    public const string Usage = "usage: corpus-generator --posts N --out DIR [--seed 42]";

    public const int DefaultSeed = 42;

    public required int Posts { get; init; }

    public required string OutputDirectory { get; init; }

    public int Seed { get; init; } = DefaultSeed;

    public static bool TryParse(
        IReadOnlyList<string> args,
        [NotNullWhen(true)] out GeneratorOptions? options,
        [NotNullWhen(false)] out string? error)
    {
        options = null;
        int? posts = null;
        string? output = null;
        var seed = DefaultSeed;

        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            if (i + 1 >= args.Count)
            {
                error = $"missing value after {name}";
                return false;
            }

            var value = args[++i];
            switch (name)
            {
                case "--posts" when TryParsePositive(value, out var count):
                    posts = count;
                    break;
                case "--seed" when int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number):
                    seed = number;
                    break;
                case "--out":
                    output = value;
                    break;
                default:
                    error = $"unknown option or bad value: {name} {value}";
                    return false;
            }
        }

        if (posts is null || string.IsNullOrWhiteSpace(output))
        {
            error = "--posts and --out are required";
            return false;
        }

        options = new GeneratorOptions { Posts = posts.Value, OutputDirectory = Path.GetFullPath(output), Seed = seed };
        error = null;
        return true;
    }

    private static bool TryParsePositive(string value, out int count) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out count) && count > 0;
}
