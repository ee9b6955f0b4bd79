using System.Globalization;
using System.Text;

namespace ServerlessBlog.Bench.CorpusGenerator;

/// <summary>Composes one post's source: YAML front matter, then a Markdown body of about <see cref="TargetBytes"/>.</summary>
internal sealed class PostComposer(IReadOnlyList<PostPlan> plans)
{
    public const int TargetBytes = 6 * 1024;

    // Sections average some 700 bytes: stopping a little early lands the mean near the target.
    private const int StopAfterBytes = TargetBytes - 400;

    public string Compose(PostPlan plan, int seed)
    {
        var random = Seeds.ForPost(seed, plan.Index, Seeds.BodyStream);
        var text = new StringBuilder(TargetBytes + 2048);
        var prose = new ProseWriter(random, text);

        var hasSummary = random.Next(5) < 2;
        var hasCode = random.Next(2) == 0;
        var hasQuote = random.Next(3) == 0;
        var hasRelativeLink = plans.Count > 1 && random.Next(3) == 0;

        AppendFrontMatter(text, plan, hasSummary ? prose : null);

        prose.Paragraph(2, 4);
        if (hasRelativeLink)
        {
            AppendRelativeLink(text, random, plan);
        }

        for (var section = 0; text.Length < StopAfterBytes; section++)
        {
            AppendHeading(text, prose, "## ", section);
            prose.Paragraph(2, 5);

            if (section == 1 && hasCode)
            {
                CodeSamples.Append(text, random);
            }
            else if (section == 2 && hasQuote)
            {
                text.Append("> ");
                prose.Sentence(inline: true);
                text.Append(' ');
                prose.Sentence(inline: true);
                text.Append("\n\n");
            }

            switch (random.Next(3))
            {
                case 0:
                    AppendList(text, prose, random);
                    break;
                case 1:
                    AppendHeading(text, prose, "### ", section);
                    prose.Paragraph(1, 3);
                    break;
                default:
                    prose.Paragraph(1, 3);
                    break;
            }
        }

        return text.ToString();
    }

    private static void AppendFrontMatter(StringBuilder text, PostPlan plan, ProseWriter? summary)
    {
        text.Append("---\n");
        text.Append("title: \"").Append(plan.Title).Append("\"\n");
        text.Append("date: ").Append(plan.Date.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)).Append('\n');
        text.Append("tags:\n");
        foreach (var tag in plan.Tags)
        {
            text.Append("  - ").Append(tag).Append('\n');
        }

        if (summary is not null)
        {
            text.Append("summary: \"");
            summary.Sentence(inline: false);
            text.Append("\"\n");
        }

        text.Append("---\n\n");
    }

    private static void AppendHeading(StringBuilder text, ProseWriter prose, string marker, int section)
    {
        text.Append(CultureInfo.InvariantCulture, $"{marker}{section + 1}. ");
        prose.Phrase(2, 5);
        text.Append("\n\n");
    }

    private static void AppendList(StringBuilder text, ProseWriter prose, Random random)
    {
        var numbered = random.Next(2) == 0;
        var items = random.Next(3, 7);
        for (var i = 0; i < items; i++)
        {
            text.Append(numbered ? string.Create(CultureInfo.InvariantCulture, $"{i + 1}. ") : "- ");
            prose.Sentence(inline: true);
            text.Append('\n');
        }

        text.Append('\n');
    }

    private void AppendRelativeLink(StringBuilder text, Random random, PostPlan plan)
    {
        var other = (plan.Index + 1 + random.Next(plans.Count - 1)) % plans.Count;
        text.Append("For the background of this one, [see](").Append(plans[other].FileName)
            .Append(") where it started.\n\n");
    }
}
