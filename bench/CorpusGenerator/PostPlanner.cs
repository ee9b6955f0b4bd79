using System.Globalization;
using System.Text;

namespace ServerlessBlog.Bench.CorpusGenerator;

/// <summary>Decides every post's title, slug, date and tags from the seed alone.</summary>
internal static class PostPlanner
{
    private static readonly DateTimeOffset FirstDate = new(2020, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly long SpanSeconds = (long)TimeSpan.FromDays(5 * 365).TotalSeconds;

    public static PostPlan[] Plan(int posts, int seed)
    {
        var plans = new PostPlan[posts];
        for (var i = 0; i < posts; i++)
        {
            var random = Seeds.ForPost(seed, i, Seeds.PlanStream);
            var title = MakeTitle(random, i);
            plans[i] = new PostPlan
            {
                Index = i,
                Title = title,
                Slug = Slugify(title),
                Date = FirstDate.AddSeconds(random.NextInt64(SpanSeconds)),
                Tags = PickTags(random),
            };
        }

        return plans;
    }

    private static string MakeTitle(Random random, int index)
    {
        var pattern = Vocabulary.TitlePatterns[random.Next(Vocabulary.TitlePatterns.Length)];
        var first = random.Next(Vocabulary.TitleWords.Length);
        var second = (first + 1 + random.Next(Vocabulary.TitleWords.Length - 1)) % Vocabulary.TitleWords.Length;
        var phrase = string.Format(CultureInfo.InvariantCulture, pattern, Vocabulary.TitleWords[first], Vocabulary.TitleWords[second]);
        return string.Create(CultureInfo.InvariantCulture, $"{phrase}, Part {index + 1}");
    }

    // A skewed pick, so that a few tags are common and most are rare, as on a real blog.
    private static string[] PickTags(Random random)
    {
        var count = 1 + random.Next(4);
        var tags = new List<string>(count);
        while (tags.Count < count)
        {
            var r = random.NextDouble();
            var tag = Vocabulary.Tags[(int)(Vocabulary.Tags.Length * r * r)];
            if (!tags.Contains(tag))
            {
                tags.Add(tag);
            }
        }

        return [.. tags];
    }

    private static string Slugify(string title)
    {
        var slug = new StringBuilder(title.Length);
        foreach (var c in title)
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                slug.Append(char.ToLowerInvariant(c));
            }
            else if (slug.Length > 0 && slug[^1] != '-')
            {
                slug.Append('-');
            }
        }

        return slug.ToString().TrimEnd('-');
    }
}
