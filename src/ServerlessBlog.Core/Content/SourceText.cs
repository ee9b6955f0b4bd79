using System.Text;

namespace ServerlessBlog.Core.Content;

/// <summary>Turns a source file's bytes into text, refusing what is not text.</summary>
public static class SourceText
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    private static readonly UnicodeEncoding StrictUtf16LittleEndian = new(bigEndian: false, byteOrderMark: false, throwOnInvalidBytes: true);
    private static readonly UnicodeEncoding StrictUtf16BigEndian = new(bigEndian: true, byteOrderMark: false, throwOnInvalidBytes: true);

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

        return text;
    }

    /// <summary>The 1-based line of the character at <paramref name="index"/>.</summary>
    public static int LineOf(string text, int index)
    {
        var span = text.AsSpan(0, Math.Min(index, text.Length));
        return span.Count('\n') + 1;
    }

    private static int LineAt(ReadOnlySpan<byte> bytes, int index) => bytes[..Math.Min(index, bytes.Length)].Count((byte)'\n') + 1;
}
