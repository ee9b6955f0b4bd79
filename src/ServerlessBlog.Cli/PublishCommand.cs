using System.CommandLine;
using System.Globalization;
using Azure.Storage.Blobs;
using ServerlessBlog.Cli.CommandLine;
using ServerlessBlog.Cli.Storage;
using ServerlessBlog.Cli.Uploading;
using ServerlessBlog.Core.Configuration;
using ServerlessBlog.Core.Content;
using ServerlessBlog.Core.Publishing;
using ServerlessBlog.Core.Publishing.Status;
using ServerlessBlog.Core.Theming;

namespace ServerlessBlog.Cli;

/// <summary><c>blog publish &lt;files or folders&gt;</c>: uploads posts and assets to the posts container, where the trigger publishes them.</summary>
internal static class PublishCommand
{
    private const int ProgressThreshold = 5;

    public static Command Create()
    {
        var inputs = new Argument<FileSystemInfo[]>("paths") { Description = "Posts, assets, or folders of them (paths are kept relative to the folder holding site.yaml).", Arity = ArgumentArity.OneOrMore };
        var wait = new Option<bool>("--wait") { Description = "Wait until each file is published, and print each post's URL or why it was not published." };
        var timeout = new Option<int>("--timeout") { Description = "How many seconds --wait waits.", DefaultValueFactory = _ => 120 };
        var baseUrl = new Option<string?>("--base-url") { Description = "The site's address, for the URLs --wait prints (default: site.yaml, Blog__BaseUrl)." };
        var storage = new StorageArguments();
        var command = new Command("publish", "Upload posts and assets to the blog's posts container.") { inputs, wait, timeout, baseUrl };
        storage.AddTo(command);
        timeout.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() < 1)
            {
                result.AddError("--timeout must be at least 1 second.");
            }
        });

        command.SetAction((parse, cancellationToken) =>
        {
            BlobServiceClient? client = null;
            return CommandRunner.RunAsync(command.Name, parse, async token =>
            {
                var paths = parse.GetValue(inputs)!;
                var files = ContentFiles.Resolve(paths);
                if (files.Count == 0)
                {
                    throw new CommandFailure("nothing to publish: the paths hold no posts or assets");
                }

                var options = BlogConfiguration.Load(ContentFiles.RootOf(paths[0]), new Dictionary<string, string?> { [nameof(BlogOptions.BaseUrl)] = parse.GetValue(baseUrl) });
                client = storage.CreateClient(parse);
                var blog = new BlogStorage(client, options);
                var waiting = parse.GetValue(wait);
                await blog.EnsureContainersExistAsync(waiting ? [blog.Containers.Posts, blog.Containers.State] : [blog.Containers.Posts], token);

                var uploads = await new ContentUploader(blog.Containers.Posts).UploadAsync(files, ProgressBar.ForTerminal(files.Count, "files", ProgressThreshold), token);
                var posts = uploads.Count(upload => ContentPaths.IsPost(upload.Path));
                var themeFiles = uploads.Count(upload => ThemeFiles.IsThemeFile(upload.Path));
                var theme = themeFiles > 0 ? string.Create(CultureInfo.InvariantCulture, $", {themeFiles} theme files") : string.Empty;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Uploaded {uploads.Count} files ({posts} posts, {uploads.Count - posts - themeFiles} assets{theme}) to {blog.Containers.Posts.Uri}"));
                return waiting ? await WaitAsync(blog, uploads, TimeSpan.FromSeconds(parse.GetValue(timeout)), token) : ExitCodes.Success;
            }, () => client?.Uri, cancellationToken);
        });
        return command;
    }

    private static async Task<int> WaitAsync(BlogStorage blog, IReadOnlyList<UploadedFile> uploads, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var records = await new PublishWaiter(new PublishingStatusReader(blog.State), TimeProvider.System).WaitAsync(uploads, timeout, cancellationToken);
        var lines = new StatusLines(blog.Options);
        var exitCode = ExitCodes.Success;
        foreach (var (upload, record) in records.OrderBy(pair => pair.Key.Path, StringComparer.Ordinal))
        {
            switch (record?.Outcome)
            {
                case null:
                    await Console.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                        $"{upload.Path}: not published within {timeout.TotalSeconds:0} s: is the trigger host running? ('blog status' shows what waits)"));
                    exitCode = ExitCodes.Failure;
                    break;
                case PublishOutcome.Rejected:
                    await Console.Error.WriteLineAsync(StatusLines.Rejected(record));
                    exitCode = Math.Max(exitCode, ExitCodes.ContentErrors);
                    break;
                case PublishOutcome.Pending:
                    Console.WriteLine($"{StatusLines.Pending(record)} (pending)");
                    break;
                default:
                    Console.WriteLine(ThemeFiles.IsThemeFile(upload.Path) ? $"{upload.Path}: in the theme of every page" : $"{upload.Path}: {lines.Url(record)}");
                    break;
            }
        }

        return exitCode;
    }
}
