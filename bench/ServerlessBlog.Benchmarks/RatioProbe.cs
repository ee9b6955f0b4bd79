using System.Globalization;

namespace ServerlessBlog.Bench.Benchmarks;

/// <summary>
/// The ratios of <see cref="PerPostBenchmarks"/> and the site builds (<see cref="SiteBuildCases"/>) measured in processor time rather
/// than wall time, with the three cases of each interleaved round after round so that a neighbour's load hits all of
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
            Measure(output, $"{site.Posts} generated posts", siteCases, site.Posts);
        }

        output.WriteLine();
        output.WriteLine("One post alone (PerPostBenchmarks, harsher: its tag feed and month sitemap are written for it alone).");
        output.WriteLine();
        output.WriteLine("| Post | Markdig alone (us CPU) | Markdig + our pipeline (us CPU) | Whole post (us CPU) | Whole / Markdig alone | Whole / Markdig + our pipeline |");
        output.WriteLine("|---|---:|---:|---:|---:|---:|");
        foreach (var name in PostSample.Names)
        {
            var bench = new PerPostBenchmarks { Sample = name };
            bench.Setup();
            Action[] cases =
            [
                () => bench.MarkdigAlone(),
                () => bench.MarkdigWithOurPipeline(),
                () => bench.WholePost().GetAwaiter().GetResult(),
            ];
            Measure(output, name, cases, 1);
        }
    }

    private static void MarkdigEach(IReadOnlyList<string> bodies, Markdig.MarkdownPipeline? pipeline)
    {
        foreach (var body in bodies)
        {
            Markdig.Markdown.ToHtml(body, pipeline);
        }
    }

    /// <summary>Times the three cases (baseline, second baseline, ours) and writes one row; <paramref name="perCall"/> is how many posts one call handles.</summary>
    private static void Measure(TextWriter output, string label, Action[] cases, int perCall)
    {
        WarmUp(cases);

        // Enough calls a round for about 20 ms of the slowest case, and at least five, or two of a whole large site.
        var calls = Math.Max(perCall > SiteCorpus.Posts ? 2 : 5, (int)(20_000_000 / Math.Max(1, Time(cases[2], 3))));
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

        var alone = Median(perRound[0]);
        var ours = Median(perRound[1]);
        var whole = Median(perRound[2]);
        var toAlone = Median(perRound[2].Select((value, round) => value / perRound[0][round]).ToArray());
        var toOurs = Median(perRound[2].Select((value, round) => value / perRound[1][round]).ToArray());
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {label} | {alone / 1000:F1} | {ours / 1000:F1} | {whole / 1000:F1} | {toAlone:F2} | {toOurs:F2} |"));
    }

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
