using ServerlessBlog.Core.Tests;

namespace ServerlessBlog.Cli.Tests;

/// <summary>
/// The sample blog and the golden corpus, each built once by the real <c>blog</c> CLI, shared by the validator tests.
/// </summary>
public sealed class BuiltSites : IAsyncLifetime
{
    public string Sample { get; } = Directory.CreateTempSubdirectory("sample-site-").FullName;

    public string Golden { get; } = Directory.CreateTempSubdirectory("golden-site-").FullName;

    public ProcessResult SampleBuild { get; private set; } = null!;

    public ProcessResult GoldenBuild { get; private set; } = null!;

    public IEnumerable<string> Folders => [Sample, Golden];

    public async Task InitializeAsync()
    {
        SampleBuild = await RepositoryTools.RunBlogAsync(["build", Path.Combine(RepositoryTools.Root, "samples", "blog"), "--out", Sample]);
        var content = GoldenCorpus.CopyContent();
        GoldenBuild = await RepositoryTools.RunBlogAsync(["build", content, "--out", Golden, "--base-url", GoldenCorpus.BaseUrl]);
        Directory.Delete(content, recursive: true);
    }

    public IEnumerable<string> Files(string pattern) =>
        Folders.SelectMany(folder => Directory.EnumerateFiles(folder, pattern, SearchOption.AllDirectories)).Order(StringComparer.Ordinal);

    public Task DisposeAsync()
    {
        foreach (var folder in Folders)
        {
            Directory.Delete(folder, recursive: true);
        }

        return Task.CompletedTask;
    }
}
