using System.Diagnostics;
using System.Runtime.InteropServices;

namespace ServerlessBlog.Bench.Benchmarks;

/// <summary>
/// The processor time this process has used, in nanoseconds, from <c>clock_gettime(CLOCK_PROCESS_CPUTIME_ID)</c>:
/// unlike a wall clock it does not run while other work on a shared machine has the cores. Elsewhere than Linux it
/// falls back to the wall clock.
/// </summary>
internal static partial class CpuClock
{
    private const int ProcessCpuTimeId = 2;

    public static long Nanoseconds()
    {
        if (OperatingSystem.IsLinux() && ClockGetTime(ProcessCpuTimeId, out var time) == 0)
        {
            return (time.Seconds * 1_000_000_000L) + time.Nanoseconds;
        }

        return (long)(Stopwatch.GetTimestamp() * (1e9 / Stopwatch.Frequency));
    }

    [LibraryImport("libc", EntryPoint = "clock_gettime")]
    private static partial int ClockGetTime(int clockId, out TimeSpec time);

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }
}
