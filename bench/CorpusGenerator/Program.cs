using System.Diagnostics;
using System.Globalization;
using ServerlessBlog.Bench.CorpusGenerator;

if (!GeneratorOptions.TryParse(args, out var options, out var error))
{
    Console.Error.WriteLine(error);
    Console.Error.WriteLine(GeneratorOptions.Usage);
    return 2;
}

var stopwatch = Stopwatch.StartNew();
var bytes = new CorpusWriter(options).Write();
Console.WriteLine(string.Create(
    CultureInfo.InvariantCulture,
    $"Wrote {options.Posts} posts ({bytes / 1024.0 / 1024.0:F1} MiB) to {options.OutputDirectory} in {stopwatch.Elapsed.TotalSeconds:F2} s"));
return 0;
