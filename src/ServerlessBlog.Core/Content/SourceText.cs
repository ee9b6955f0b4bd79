using System.Text;

namespace ServerlessBlog.Core.Content;

/// <summary>Turns a source file's bytes into text, refusing what is not text.</summary>
public static class SourceText
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    private static readonly UnicodeEncoding StrictUtf16LittleEndian = new(bigEndian: false, byteOrderMark: false, throwOnInvalidBytes: true);
    private static readonly UnicodeEncoding StrictUtf16BigEndian = new(bigEndian: true, byteOrderMark: false, throwOnInvalidBytes: true);

    /// <summary>The characters XML 1.0 does not allow: C0 controls other than tab and line ends, and U+FFFE, U+FFFF.</summary>
    private static readonly System.Buffers.SearchValues<char> NotXmlCharacters = System.Buffers.SearchValues.Create(
        "\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u000B\u000C\u000E\u000F\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001A\u001B\u001C\u001D\u001E\u001F\uFFFE\uFFFF");

    /// <summary>
    /// Decodes UTF-8 (with or without a byte order mark) or UTF-16 with a byte order mark.
    /// </summary>
    /// <exception cref="ContentException">The bytes are not valid text.</exception>
    public static string Decode(ReadOnlySpan<byte> bytes)
    {
        string text;
        try
        {
            text = bytes switch
            {
                [0xEF, 0xBB, 0xBF, ..] => StrictUtf8.GetString(bytes[3..]),
                [0xFF, 0xFE, ..] => StrictUtf16LittleEndian.GetString(bytes[2..]),
                [0xFE, 0xFF, ..] => StrictUtf16BigEndian.GetString(bytes[2..]),
                _ => StrictUtf8.GetString(bytes),
            };
        }
        catch (DecoderFallbackException ex)
        {
            throw new ContentException($"the file is not valid UTF-8 text (invalid byte at offset {ex.Index})", LineAt(bytes, Math.Max(0, ex.Index)));
        }

        var nul = text.IndexOf('\0', StringComparison.Ordinal);
        if (nul >= 0)
        {
            throw new ContentException("the file is binary, not text (it contains a NUL character)", LineOf(text, nul));
        }

        // Pages may carry them, but feeds and sitemaps are XML, which cannot: refuse the post rather than half publish it.
        var control = text.AsSpan().IndexOfAny(NotXmlCharacters);
        if (control >= 0)
        {
            throw new ContentException($"the file contains the control character U+{(int)text[control]:X4}, which feeds cannot carry; remove it", LineOf(text, control));
        }

        return text;
    }

    /// <summary>Whether <paramref name="text"/> has a character XML cannot carry, such as one a YAML or TOML escape wrote.</summary>
    public static bool HasNonXmlCharacter(string text) => IndexOfNonXmlCharacter(text) >= 0;

    /// <summary>Where the first character XML cannot carry is in <paramref name="text"/>, or -1.</summary>
    public static int IndexOfNonXmlCharacter(string text) => text.AsSpan().IndexOfAny(NotXmlCharacters);

    /// <summary>The 1-based line of the character at <paramref name="index"/>.</summary>
    public static int LineOf(string text, int index)
    {
        var span = text.AsSpan(0, Math.Min(index, text.Length));
        return span.Count('\n') + 1;
    }

    private static int LineAt(ReadOnlySpan<byte> bytes, int index) => bytes[..Math.Min(index, bytes.Length)].Count((byte)'\n') + 1;
}
