using System.CommandLine;
using System.Globalization;
using Azure.Storage.Blobs;
using ServerlessBlog.Cli.CommandLine;
using ServerlessBlog.Cli.Storage;
using ServerlessBlog.Cli.Uploading;
using ServerlessBlog.Core.Configuration;
using ServerlessBlog.Core.Publishing.Status;

namespace ServerlessBlog.Cli;

/// <summary><c>blog status</c>: what is published, what failed and why, what waits.</summary>
internal static class StatusCommand
{
    public static Command Create()
    {
        var baseUrl = new Option<string?>("--base-url") { Description = "The site's address, for the URLs it prints (default: Blog__BaseUrl)." };
        var storage = new StorageArguments();
        var command = new Command("status", "Show published posts, failed posts with their reasons, and what is pending.") { baseUrl };
        storage.AddTo(command);

        command.SetAction((parse, cancellationToken) =>
        {
            BlobServiceClient? client = null;
            return CommandRunner.RunAsync(command.Name, parse, async token =>
            {
                var options = BlogConfiguration.Load(null, new Dictionary<string, string?> { [nameof(BlogOptions.BaseUrl)] = parse.GetValue(baseUrl) });
                client = storage.CreateClient(parse);
                var blog = new BlogStorage(client, options);
                await blog.EnsureContainersExistAsync([blog.Containers.Posts, blog.Containers.State], token);
                Print(await new PublishingStatusReader(blog.State).ReadAllAsync(blog.Content, token), new StatusLines(options));
                return ExitCodes.Success;
            }, () => client?.Uri, cancellationToken);
        });
        return command;
    }

    private static void Print(PublishingStatus status, StatusLines lines)
    {
        Section("Published", status.Published.Select(record => $"{record.SourcePath}  {lines.Url(record)}").ToList());
        Section("Failed", status.Rejected.Select(StatusLines.Rejected).ToList());
        Section("Pending", status.Pending.Select(StatusLines.Pending).ToList());
        Section("Uploaded, not yet processed", status.Unprocessed);
        var theme = status.ThemeFiles.Count > 0 ? string.Create(CultureInfo.InvariantCulture, $", {status.ThemeFiles.Count} theme files") : string.Empty;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{status.Published.Count} published, {status.Rejected.Count} failed, {status.Pending.Count} pending, {status.Unprocessed.Count} not yet processed, {status.Assets.Count} assets{theme}"));
    }

    private static void Section(string title, IReadOnlyList<string> lines)
    {
        if (lines.Count == 0)
        {
            return;
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{title} ({lines.Count}):"));
        foreach (var line in lines)
        {
            Console.WriteLine($"  {line}");
        }
    }
}
