using System.Text;

namespace ServerlessBlog.Bench.CorpusGenerator;

/// <summary>Writes sentences and paragraphs with the inline Markdown a post carries: emphasis, links, code spans.</summary>
internal sealed class ProseWriter(Random random, StringBuilder text)
{
    private static readonly string[] Words = Vocabulary.Words;

    public void Paragraph(int minSentences, int maxSentences)
    {
        var sentences = random.Next(minSentences, maxSentences + 1);
        for (var i = 0; i < sentences; i++)
        {
            if (i > 0)
            {
                text.Append(' ');
            }

            Sentence(inline: true);
        }

        text.Append('\n').Append('\n');
    }

    public void Sentence(bool inline)
    {
        var words = random.Next(8, 19);
        for (var i = 0; i < words; i++)
        {
            if (i > 0)
            {
                text.Append(' ');
            }

            var word = Words[random.Next(Words.Length)];
            if (i == 0)
            {
                text.Append(char.ToUpperInvariant(word[0])).Append(word, 1, word.Length - 1);
            }
            else if (inline)
            {
                Inline(word);
            }
            else
            {
                text.Append(word);
            }

            if (i > 2 && i < words - 2 && random.Next(12) == 0)
            {
                text.Append(',');
            }
        }

        text.Append('.');
    }

    public void Phrase(int minWords, int maxWords)
    {
        var words = random.Next(minWords, maxWords + 1);
        for (var i = 0; i < words; i++)
        {
            if (i > 0)
            {
                text.Append(' ');
            }

            text.Append(Words[random.Next(Words.Length)]);
        }
    }

    private void Inline(string word)
    {
        switch (random.Next(60))
        {
            case 0:
                text.Append('*').Append(word).Append('*');
                break;
            case 1:
                text.Append("**").Append(word).Append("**");
                break;
            case 2:
                text.Append('`').Append(word).Append("()`");
                break;
            case 3:
                text.Append('[').Append(word).Append(' ').Append(Words[random.Next(Words.Length)])
                    .Append("](https://example.org/docs/").Append(word).Append(')');
                break;
            default:
                text.Append(word);
                break;
        }
    }
}
