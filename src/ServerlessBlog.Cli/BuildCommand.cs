using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Options;
using ServerlessBlog.Core.Building;
using ServerlessBlog.Core.Configuration;
using ServerlessBlog.Core.Storage;
using ServerlessBlog.Core.Theming;

namespace ServerlessBlog.Cli;

/// <summary><c>blog build &lt;content-dir&gt; --out &lt;dir&gt;</c>: the offline build of a whole site to a folder.</summary>
internal static class BuildCommand
{
    /// <summary>Some posts could not be built; the rest of the site was.</summary>
    public const int ExitContentErrors = 2;

    /// <summary>The build could not run at all: bad settings, a missing folder, a broken theme.</summary>
    public const int ExitFailure = 1;

    public static Command Create()
    {
        var content = new Argument<DirectoryInfo>("content-dir") { Description = "The folder of posts and assets (with an optional site.yaml)." };
        var output = new Option<DirectoryInfo>("--out", "-o") { Description = "The folder to write the site to.", DefaultValueFactory = _ => new DirectoryInfo("public") };
        var baseUrl = new Option<string?>("--base-url") { Description = "The absolute URL the site is served from." };
        var drafts = new Option<bool>("--drafts") { Description = "Publish draft posts too." };
        var future = new Option<bool>("--future") { Description = "Publish posts dated in the future too." };
        var clean = new Option<bool>("--clean") { Description = "Delete files in the output folder that the build did not produce." };

        var command = new Command("build", "Build the whole site from a content folder into an output folder.")
        {
            content, output, baseUrl, drafts, future, clean,
        };

        command.SetAction((parse, cancellationToken) => RunAsync(
            parse.GetValue(content)!,
            parse.GetValue(output)!,
            new Dictionary<string, string?> { [nameof(BlogOptions.BaseUrl)] = parse.GetValue(baseUrl) },
            new BuildSettings { IncludeDrafts = parse.GetValue(drafts), IncludeFuture = parse.GetValue(future), Clean = parse.GetValue(clean) },
            cancellationToken));
        return command;
    }

    public static async Task<int> RunAsync(DirectoryInfo content, DirectoryInfo output, IReadOnlyDictionary<string, string?> overrides, BuildSettings settings, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        BuildReport report;
        try
        {
            var options = BlogConfiguration.Load(content.FullName, overrides);
            if (IsWithin(content.FullName, output.FullName))
            {
                // Writing (and with --clean, deleting) among the posts would destroy them.
                throw new IOException($"the output folder {output} holds the content folder {content}; write the site elsewhere (--out)");
            }

            var builder = new SiteBuilder(options, TimeProvider.System);
            // An output folder outside the content folder excludes nothing: no content file is under it.
            var source = new FolderContentSource(content.FullName, excludedFolder: output.FullName);
            report = await builder.BuildAsync(source, new FolderSiteStore(output.FullName), settings, cancellationToken);
        }
        catch (Exception ex) when (ex is OptionsValidationException or DirectoryNotFoundException or ThemeException or IOException or UnauthorizedAccessException)
        {
            await Console.Error.WriteLineAsync($"blog build: {ex.Message}");
            return ExitFailure;
        }

        foreach (var error in report.Errors)
        {
            await Console.Error.WriteLineAsync($"{Path.Combine(content.ToString(), error.Path)}:{error.Line}: {error.Reason}");
        }

        var elapsed = Stopwatch.GetElapsedTime(started);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Built {report.Posts} posts, {report.Pages} pages, {report.Feeds} feeds, {report.Assets} assets in {elapsed.TotalSeconds:0.00} s ({report.Written} written, {report.Unchanged} unchanged{(report.Deleted > 0 ? $", {report.Deleted} deleted" : "")}{(report.Skipped > 0 ? $", {report.Skipped} drafts or future posts skipped" : "")}{(report.Errors.Count > 0 ? $", {report.Errors.Count} failed" : "")}) -> {output}"));
        return report.Errors.Count > 0 ? ExitContentErrors : 0;
    }

    /// <summary>Whether <paramref name="path"/> is <paramref name="folder"/> or inside it.</summary>
    private static bool IsWithin(string path, string folder)
    {
        var relative = Path.GetRelativePath(folder, path);
        return relative == "." || !(relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative));
    }
}
