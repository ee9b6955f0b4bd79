using System.Text;
using CsCheck;
using ServerlessBlog.Core.Theming;

namespace ServerlessBlog.Core.Tests;

/// <summary>Pages are encoded by <see cref="Utf8PageWriter"/>: it must give the bytes a StreamWriter gives for the same writes.</summary>
public sealed class Utf8PageWriterTests
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    // Pieces that end or start inside a surrogate pair, so that a character is split across two writes.
    private static readonly Gen<string> Piece = Gen.OneOf(
        Gen.String[0, 30],
        Gen.OneOf("😀", "\uD83D", "\uDE00", "日本語", "é", "<p>", "&amp;", string.Empty),
        Gen.Char.Array[0, 600].Select(chars => new string(chars)));

    [Fact]
    public void Writes_the_bytes_a_StreamWriter_writes()
    {
        Gen.Select(Piece.Array[0, 40], Gen.Int[0, 3].Array[40], Gen.Int[1, 64]).Sample((pieces, ways, capacity) =>
        {
            using var expected = new MemoryStream();
            using (var stream = new StreamWriter(expected, Utf8, 16, leaveOpen: true))
            {
                WriteAll(stream, pieces, ways);
            }

            using var writer = new Utf8PageWriter(Utf8, capacity);
            WriteAll(writer, pieces, ways);

            Assert.Equal(expected.ToArray(), writer.WrittenMemory.ToArray());
        }, iter: 3_000);
    }

    [Theory]
    [InlineData("\uD83D", "", "\uDE00")]
    [InlineData("\uD83D", "", "")]
    [InlineData("a\uD83D", "", "b")]
    public void Keeps_a_held_surrogate_across_an_empty_write(string first, string empty, string last)
    {
        using var expected = new MemoryStream();
        using (var stream = new StreamWriter(expected, Utf8, 16, leaveOpen: true))
        {
            stream.Write(first);
            stream.Write(empty);
            stream.Write(last);
        }

        using var writer = new Utf8PageWriter(Utf8, 64);
        writer.Write(first);
        writer.Write(empty);
        writer.Write(last);

        Assert.Equal(expected.ToArray(), writer.WrittenMemory.ToArray());
    }

    private static void WriteAll(TextWriter writer, string[] pieces, int[] ways)
    {
        for (var i = 0; i < pieces.Length; i++)
        {
            var piece = pieces[i];
            switch (ways[i])
            {
                case 0:
                    writer.WriteAsync(piece).GetAwaiter().GetResult();
                    break;
                case 1:
                    writer.Write(piece.AsSpan());
                    break;
                case 2:
                    foreach (var c in piece)
                    {
                        writer.Write(c);
                    }

                    break;
                default:
                    writer.Write(piece.ToCharArray(), 0, piece.Length);
                    break;
            }
        }
    }
}
