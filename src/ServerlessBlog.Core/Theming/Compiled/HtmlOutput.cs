using System.Globalization;

namespace ServerlessBlog.Core.Theming.Compiled;

/// <summary>Values written as Liquid's <c>{{ value }}</c> writes them with the theme's encoder.</summary>
internal static class HtmlOutput
{
    /// <summary>Text, HTML-encoded; nothing for null.</summary>
    public static void Text(TextWriter output, string? value)
    {
        if (value is not null)
        {
            ThemeTemplate.Encoder.Encode(output, value);
        }
    }

    /// <summary>A whole number, in digits of the invariant culture.</summary>
    public static void Number(TextWriter output, int value)
    {
        Span<char> digits = stackalloc char[11];
        value.TryFormat(digits, out var length, provider: CultureInfo.InvariantCulture);
        output.Write(digits[..length]);
    }
}
