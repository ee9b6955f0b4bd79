using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Logging.Abstractions;
using ServerlessBlog.Cli.CommandLine;
using ServerlessBlog.Cli.Storage;
using ServerlessBlog.Core.Configuration;
using ServerlessBlog.Core.Content;
using ServerlessBlog.Core.Publishing;

namespace ServerlessBlog.Cli;

/// <summary><c>blog rebuild</c>: re-renders the whole live site from the posts container, after a theme change.</summary>
internal static class RebuildCommand
{
    public static Command Create()
    {
        var content = new Option<DirectoryInfo?>("--content") { Description = "A content folder whose site.yaml holds the site's settings." };
        var baseUrl = new Option<string?>("--base-url") { Description = "The site's address, which feeds and canonical links use (default: site.yaml, Blog__BaseUrl)." };
        var storage = new StorageArguments();
        var command = new Command("rebuild", "Re-render the whole site from the posts container; running it again changes nothing.") { content, baseUrl };
        storage.AddTo(command);

        command.SetAction((parse, cancellationToken) =>
        {
            BlobServiceClient? client = null;
            return CommandRunner.RunAsync(command.Name, parse, async token =>
            {
                var started = Stopwatch.GetTimestamp();
                var options = BlogConfiguration.Load(parse.GetValue(content)?.FullName, new Dictionary<string, string?> { [nameof(BlogOptions.BaseUrl)] = parse.GetValue(baseUrl) });
                client = storage.CreateClient(parse);
                var blog = new BlogStorage(client, options);
                await blog.EnsureContainersExistAsync([blog.Containers.Posts, blog.Containers.Site, blog.Containers.State], token);

                var rebuilder = new SiteRebuilder(Microsoft.Extensions.Options.Options.Create(options), blog.Site, blog.State, TimeProvider.System, NullLoggerFactory.Instance);
                var report = await rebuilder.RebuildAsync(blog.Content, token);
                foreach (var rejected in report.Results.Where(result => result.Outcome == PublishOutcome.Rejected))
                {
                    await Console.Error.WriteLineAsync($"{rejected.SourcePath}:{rejected.Reason}");
                }

                var posts = report.Results.Where(result => ContentPaths.IsPost(result.SourcePath)).ToList();
                var assets = report.Results.Count(result => !ContentPaths.IsPost(result.SourcePath) && result.SourcePath != ContentPaths.ThemeFolder);
                int Count(PublishOutcome outcome) => posts.Count(result => result.Outcome == outcome);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"Rebuilt {options.BaseUrl} in {Stopwatch.GetElapsedTime(started).TotalSeconds:0.00} s: {Count(PublishOutcome.Published)} posts published, {Count(PublishOutcome.Pending)} pending, {Count(PublishOutcome.Rejected)} failed, {assets} assets; {report.Files} site files, {report.Written} written, {report.Deleted} deleted"));

                // A refused theme (the site keeps the one it had) fails the command as a refused post does.
                var themeRefused = report.Results.Any(result => result.SourcePath == ContentPaths.ThemeFolder && result.Outcome == PublishOutcome.Rejected);
                return Count(PublishOutcome.Rejected) > 0 || themeRefused ? ExitCodes.ContentErrors : ExitCodes.Success;
            }, () => client?.Uri, cancellationToken);
        });
        return command;
    }
}
