using System.Globalization;

namespace ServerlessBlog.Bench.Benchmarks;

/// <summary>
/// The per-post ratios of <see cref="PerPostBenchmarks"/> measured in processor time rather than wall time, with the
/// three cases interleaved round after round so that a neighbour's load hits all of them alike; the figure reported
/// is the median over rounds. For a machine shared with other work, where wall-clock means wander.
/// Run with <c>--ratios</c>.
/// </summary>
internal static class RatioProbe
{
    private const int Rounds = 21;
    private static readonly TimeSpan WarmupPerCase = TimeSpan.FromMilliseconds(300);

    public static void Run(TextWriter output)
    {
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

            WarmUp(cases);

            // Enough calls a round for about 20 ms of the slowest case.
            var calls = Math.Max(5, (int)(20_000_000 / Math.Max(1, Time(cases[2], 20))));
            var perRound = new double[cases.Length][];
            for (var c = 0; c < cases.Length; c++)
            {
                perRound[c] = new double[Rounds];
            }

            for (var round = 0; round < Rounds; round++)
            {
                for (var c = 0; c < cases.Length; c++)
                {
                    perRound[c][round] = Time(cases[c], calls);
                }
            }

            var alone = Median(perRound[0]);
            var ours = Median(perRound[1]);
            var whole = Median(perRound[2]);
            var toAlone = Median(perRound[2].Select((value, round) => value / perRound[0][round]).ToArray());
            var toOurs = Median(perRound[2].Select((value, round) => value / perRound[1][round]).ToArray());
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {name} | {alone / 1000:F1} | {ours / 1000:F1} | {whole / 1000:F1} | {toAlone:F2} | {toOurs:F2} |"));
        }
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
