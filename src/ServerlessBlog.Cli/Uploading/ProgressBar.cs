using System.Globalization;

namespace ServerlessBlog.Cli.Uploading;

/// <summary>A one-line progress bar on a terminal, redrawn in place; nothing at all when the output is not a terminal.</summary>
internal sealed class ProgressBar : IProgress<int>
{
    private const int Width = 30;
    private readonly int _total;
    private readonly string _noun;
    private readonly TextWriter _writer;
    private readonly Lock _lock = new();
    private int _shown = -1;

    public ProgressBar(int total, string noun, TextWriter writer)
    {
        _total = total;
        _noun = noun;
        _writer = writer;
    }

    /// <summary>A bar on standard error when it is a terminal and there are enough items for a bar to help.</summary>
    public static ProgressBar? ForTerminal(int total, string noun, int threshold) =>
        total >= threshold && !Console.IsErrorRedirected ? new ProgressBar(total, noun, Console.Error) : null;

    public void Report(int value)
    {
        lock (_lock)
        {
            // Reports from parallel uploads arrive out of order: never draw the bar going back.
            if (value <= _shown)
            {
                return;
            }

            _shown = value;
            var filled = _total == 0 ? Width : value * Width / _total;
            _writer.Write(string.Create(CultureInfo.InvariantCulture, $"\r[{new string('#', filled)}{new string('-', Width - filled)}] {value}/{_total} {_noun}"));
            if (value >= _total)
            {
                _writer.WriteLine();
            }
        }
    }
}
