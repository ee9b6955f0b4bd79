using System.Globalization;

namespace ServerlessBlog.Bench.Benchmarks;

/// <summary>
/// The ratios of <see cref="PerPostBenchmarks"/> and the site builds (<see cref="SiteBuildCases"/>) measured in processor time rather
/// than wall time, with the cases of each interleaved round after round so that a neighbour's load hits all of
/// them alike; the figure reported is the median over rounds. Processor time adds up every thread, so the site build
/// (one worker a core) and Markdig alone (one thread) compare fairly. For a machine shared with other work, where
/// wall-clock means wander. Run with <c>--ratios</c>.
/// </summary>
internal static class RatioProbe
{
    private const int Rounds = 21;
    private static readonly TimeSpan WarmupPerCase = TimeSpan.FromMilliseconds(300);

    public static void Run(TextWriter output)
    {
        output.WriteLine("Whole site (SiteBuildBenchmarks, LargeSiteBuildBenchmarks): all cases per post, Markdig over the same bodies on one thread.");
        output.WriteLine();
        output.WriteLine("| Site | Markdig alone (us CPU/post) | Markdig + our pipeline (us CPU/post) | Site build (us CPU/post) | Build / Markdig alone | Build / Markdig + our pipeline |");
        output.WriteLine("|---|---:|---:|---:|---:|---:|");
        foreach (var site in new SiteBuildCases[] { new SiteBuildBenchmarks(), new LargeSiteBuildBenchmarks() })
        {
            site.Setup();
            Action[] siteCases =
            [
                () => MarkdigEach(site.Bodies, pipeline: null),
                () => MarkdigEach(site.Bodies, Core.Rendering.BlogMarkdown.Pipeline),
                () => site.BuildSite().GetAwaiter().GetResult(),
            ];
            var rounds = Measure(siteCases, site.Posts);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {site.Posts} generated posts | {Micro(rounds[0])} | {Micro(rounds[1])} | {Micro(rounds[2])} | {Ratio(rounds[2], rounds[0])} | {Ratio(rounds[2], rounds[1])} |"));
        }

        output.WriteLine();
        output.WriteLine($"One post, alone (its tag feed and month sitemap written for it alone, the harsher) and among others (its share of a tag feed and a month sitemap shared with {PerPostBenchmarks.OtherPosts} other posts: the documents with it less the documents without it).");
        output.WriteLine();
        output.WriteLine("| Post | Markdig alone (us CPU) | Markdig + our pipeline (us CPU) | Whole post alone (us CPU) | Alone / Markdig alone | Alone / Markdig + our pipeline | Post's share among others (us CPU) | Share / Markdig alone | Share / Markdig + our pipeline |");
        output.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var name in PostSample.Names)
        {
            var bench = new PerPostBenchmarks { Sample = name };
            bench.Setup();
            Action[] cases =
            [
                () => bench.MarkdigAlone(),
                () => bench.MarkdigWithOurPipeline(),
                // The documents without the post run first: what a case leaves for the collector lands in the next one,
                // and should rather add to the post's share than take from it.
                () => bench.OthersDocuments().GetAwaiter().GetResult(),
                () => bench.WholePostAmongOthers().GetAwaiter().GetResult(),
                () => bench.WholePost().GetAwaiter().GetResult(),
            ];
            var rounds = Measure(cases, 1);
            var share = rounds[3].Select((value, round) => value - rounds[2][round]).ToArray();
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {name} | {Micro(rounds[0])} | {Micro(rounds[1])} | {Micro(rounds[4])} | {Ratio(rounds[4], rounds[0])} | {Ratio(rounds[4], rounds[1])} | {Micro(share)} | {Ratio(share, rounds[0])} | {Ratio(share, rounds[1])} |"));
        }
    }

    private static void MarkdigEach(IReadOnlyList<string> bodies, Markdig.MarkdownPipeline? pipeline)
    {
        foreach (var body in bodies)
        {
            Markdig.Markdown.ToHtml(body, pipeline);
        }
    }

    /// <summary>
    /// Times the cases round after round; <paramref name="perCall"/> is how many posts one call handles.
    /// </summary>
    /// <returns>Nanoseconds of processor time a post, for each case and round.</returns>
    private static double[][] Measure(Action[] cases, int perCall)
    {
        WarmUp(cases);

        // Enough calls a round for about 20 ms of the slowest case, and at least five, or two of a whole large site.
        var slowest = cases.Max(run => Time(run, 3));
        var calls = Math.Max(perCall > SiteCorpus.Posts ? 2 : 5, (int)(20_000_000 / Math.Max(1, slowest)));
        var perRound = new double[cases.Length][];
        for (var c = 0; c < cases.Length; c++)
        {
            perRound[c] = new double[Rounds];
        }

        for (var round = 0; round < Rounds; round++)
        {
            for (var c = 0; c < cases.Length; c++)
            {
                perRound[c][round] = Time(cases[c], calls) / perCall;
            }
        }

        return perRound;
    }

    /// <summary>The median, in microseconds.</summary>
    private static string Micro(double[] nanoseconds) => (Median(nanoseconds) / 1000).ToString("F1", CultureInfo.InvariantCulture);

    /// <summary>The median over rounds of each round's ratio, so that a round slowed by a neighbour cancels out.</summary>
    private static string Ratio(double[] ours, double[] baseline) =>
        Median(ours.Select((value, round) => value / baseline[round]).ToArray()).ToString("F2", CultureInfo.InvariantCulture);

    /// <summary>
    /// Runs each case for a while, three times over with pauses, so the JIT's second tier has replaced the first
    /// before anything is measured (a few hundred calls leave much of Markdig in unoptimised code).
    /// </summary>
    private static void WarmUp(Action[] cases)
    {
        for (var pass = 0; pass < 3; pass++)
        {
            foreach (var run in cases)
            {
                var until = DateTime.UtcNow + WarmupPerCase;
                while (DateTime.UtcNow < until)
                {
                    run();
                }
            }

            Thread.Sleep(200);
        }
    }

    /// <returns>Nanoseconds of processor time a call.</returns>
    private static double Time(Action run, int calls)
    {
        var start = CpuClock.Nanoseconds();
        for (var i = 0; i < calls; i++)
        {
            run();
        }

        return (CpuClock.Nanoseconds() - start) / (double)calls;
    }

    private static double Median(double[] values)
    {
        var sorted = values.Order().ToArray();
        return sorted[sorted.Length / 2];
    }
}
