using ServerlessBlog.Core.Building;
using ServerlessBlog.Core.Storage;
using ServerlessBlog.Testing.Hostile;

namespace ServerlessBlog.Core.Tests;

/// <summary>
/// Every case of the hostile corpus through the offline build, added to a good site: it is published safely or
/// reported with its reason, the rest of the site is unchanged, and the build ends in time.
/// </summary>
public sealed class HostileBuildTests : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);
    private readonly List<string> _folders = [];

    public static TheoryData<string> CaseNames => new(HostileCorpus.Cases.Select(c => c.Name));

    [Theory]
    [MemberData(nameof(CaseNames))]
    public async Task A_hostile_file_is_published_safely_or_reported_and_the_rest_of_the_site_is_unchanged(string name)
    {
        var hostile = HostileCorpus.Find(name);
        var (baseline, _) = await BuildAsync([]);

        var (site, report) = await BuildAsync([hostile]);

        var files = Files(site);
        Assert.Empty(SiteSafety.FolderProblems(site));
        Assert.All(HostileCorpus.BaselinePages, page => Assert.True(files.ContainsKey(page), $"{page} is gone"));
        var errors = report.Errors.Where(error => error.Path == hostile.Path).ToList();
        switch (hostile.Outcome)
        {
            case HostileOutcome.Published:
                Assert.Empty(report.Errors);
                Assert.True(files.ContainsKey(hostile.PublishedFile!), $"{hostile.PublishedFile} was not published");
                break;
            case HostileOutcome.Rejected:
                Assert.Contains(hostile.Reason!, Assert.Single(errors).Reason, StringComparison.Ordinal);
                AssertSameFiles(Files(baseline), files);
                break;
            case HostileOutcome.Ignored:
                Assert.Empty(report.Errors);
                AssertSameFiles(Files(baseline), files);
                break;
        }
    }

    [Fact]
    public async Task The_whole_hostile_site_builds_safe_with_every_rejection_reported()
    {
        var site = NewFolder("hostile-site-");

        var report = await HostileCorpus.BuildSiteAsync(site).WaitAsync(Timeout);

        Assert.Empty(SiteSafety.FolderProblems(site));
        var rejected = HostileCorpus.Cases.Where(c => c.Outcome == HostileOutcome.Rejected).ToList();
        Assert.Equal(rejected.Select(c => c.Path).Order(StringComparer.Ordinal), report.Errors.Select(error => error.Path).Order(StringComparer.Ordinal));
        Assert.All(HostileCorpus.Cases.Where(c => c.Outcome == HostileOutcome.Published), c => Assert.True(File.Exists(Path.Combine(site, c.PublishedFile!)), c.Name));
    }

    private async Task<(string Site, BuildReport Report)> BuildAsync(IEnumerable<HostileCase> cases)
    {
        var content = NewFolder("hostile-content-");
        var site = NewFolder("hostile-site-");
        HostileCorpus.WriteContent(content, cases);
        var report = await new SiteBuilder(HostileCorpus.Options, new FixedTimeProvider(HostileCorpus.Now))
            .BuildAsync(new FolderContentSource(content), new FolderSiteStore(site), new BuildSettings())
            .WaitAsync(Timeout);
        return (site, report);
    }

    private static Dictionary<string, byte[]> Files(string folder) =>
        Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .ToDictionary(file => Path.GetRelativePath(folder, file).Replace('\\', '/'), File.ReadAllBytes, StringComparer.Ordinal);

    private static void AssertSameFiles(Dictionary<string, byte[]> expected, Dictionary<string, byte[]> actual)
    {
        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), actual.Keys.Order(StringComparer.Ordinal));
        Assert.All(expected, file => Assert.True(file.Value.AsSpan().SequenceEqual(actual[file.Key]), $"{file.Key} changed"));
    }

    private string NewFolder(string prefix)
    {
        var folder = Directory.CreateTempSubdirectory(prefix).FullName;
        _folders.Add(folder);
        return folder;
    }

    public void Dispose()
    {
        foreach (var folder in _folders)
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
