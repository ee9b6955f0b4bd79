using Azure.Storage.Blobs;
using ServerlessBlog.Core.Building;
using ServerlessBlog.Core.Configuration;
using ServerlessBlog.Core.Storage;

namespace ServerlessBlog.Integration.Tests;

/// <summary>The model a published site must match: a whole build of the same content, compared file by file, byte for byte.</summary>
internal static class SiteComparison
{
    /// <summary>Builds <paramref name="content"/> (path and bytes) with the offline builder and returns every file it writes.</summary>
    public static async Task<Dictionary<string, byte[]>> BuildModelAsync(IEnumerable<(string Path, byte[] Content)> content, BlogOptions options, TimeProvider time)
    {
        var contentFolder = Directory.CreateTempSubdirectory("model-content-").FullName;
        var siteFolder = Directory.CreateTempSubdirectory("model-site-").FullName;
        try
        {
            foreach (var (path, bytes) in content)
            {
                var file = Path.Combine(contentFolder, path);
                Directory.CreateDirectory(Path.GetDirectoryName(file)!);
                await File.WriteAllBytesAsync(file, bytes);
            }

            await new SiteBuilder(options, time).BuildAsync(new FolderContentSource(contentFolder), new FolderSiteStore(siteFolder), new BuildSettings());
            return Directory.EnumerateFiles(siteFolder, "*", SearchOption.AllDirectories)
                .ToDictionary(file => Path.GetRelativePath(siteFolder, file).Replace('\\', '/'), File.ReadAllBytes, StringComparer.Ordinal);
        }
        finally
        {
            Directory.Delete(contentFolder, recursive: true);
            Directory.Delete(siteFolder, recursive: true);
        }
    }

    /// <summary>The differences between the model and the site: missing, extra and changed files; empty when equal.</summary>
    public static List<string> Differences(Dictionary<string, byte[]> model, Dictionary<string, byte[]> site)
    {
        var differences = new List<string>();
        differences.AddRange(model.Keys.Except(site.Keys).Select(path => $"missing {path}"));
        differences.AddRange(site.Keys.Except(model.Keys).Select(path => $"extra {path}"));
        differences.AddRange(model.Keys.Intersect(site.Keys).Where(path => !model[path].AsSpan().SequenceEqual(site[path])).Select(path => $"differs {path}"));
        return differences.Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>Polls the site until it equals <paramref name="model"/>, and returns what still differs when time is up.</summary>
    public static async Task<List<string>> WaitForAsync(BlobContainerClient site, Dictionary<string, byte[]> model, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        List<string> differences;
        do
        {
            differences = Differences(model, await BlogServices.SnapshotAsync(site));
            if (differences.Count == 0)
            {
                return differences;
            }

            await Task.Delay(TimeSpan.FromSeconds(1));
        }
        while (DateTime.UtcNow < deadline);

        return differences;
    }
}
