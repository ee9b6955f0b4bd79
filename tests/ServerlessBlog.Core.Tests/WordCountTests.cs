using CsCheck;
using ServerlessBlog.Core.Rendering;

namespace ServerlessBlog.Core.Tests;

/// <summary>The block-at-a-time count must give what counting one character at a time with char.IsWhiteSpace gives.</summary>
public sealed class WordCountTests
{
    private static readonly string[] Pieces =
    [
        " ", "  ", "\n", "\r\n", "\t", "\v", "\f", "\u0085", "\u00A0", "\u2003", "\u3000", "\u001C", "\u001F", "\u007F",
        "word", "a", "é", "日本語", "😀", "`code`", "**bold**", "-", "https://example.org/a?b=c",
    ];

    private static readonly Gen<string> Text =
        Gen.OneOf(Gen.OneOf(Pieces), Gen.String[0, 20], Gen.Char['\u0000', '\u00FF'].Array[0, 40].Select(chars => new string(chars)))
            .Array[0, 80].Select(string.Concat);

    [Fact]
    public void Counts_as_char_IsWhiteSpace_does_on_any_text()
    {
        Text.Sample(text => Assert.Equal(Reference(text), WordCount.Of(text)), iter: 5_000);
    }

    [Fact]
    public void Every_character_is_taken_as_char_IsWhiteSpace_takes_it_wherever_it_falls_in_a_block()
    {
        for (var c = 0; c <= char.MaxValue; c++)
        {
            // Long enough for whole blocks, with the character at a different lane each time.
            var text = new string('x', c % 37) + (char)c + new string('y', 40) + (char)c + " z";
            Assert.Equal(Reference(text), WordCount.Of(text));
        }
    }

    [Theory]
    [InlineData("", 0)]
    [InlineData("   ", 0)]
    [InlineData("one", 1)]
    [InlineData("one two  three\nfour\tfive", 5)]
    [InlineData("a b c d e f g h i j k l m n o p q r s t u v w x y z", 26)]
    public void Counts_words(string text, int words) => Assert.Equal(words, WordCount.Of(text));

    private static int Reference(string text)
    {
        var words = 0;
        var inWord = false;
        foreach (var c in text)
        {
            var isSpace = char.IsWhiteSpace(c);
            if (!isSpace && !inWord)
            {
                words++;
            }

            inWord = !isSpace;
        }

        return words;
    }
}
