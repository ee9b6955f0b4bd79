using System.Text;
using ServerlessBlog.Core.Publishing;
using ServerlessBlog.Core.Publishing.State;
using ServerlessBlog.Testing.Hostile;

namespace ServerlessBlog.Integration.Tests;

/// <summary>
/// Every case of the hostile corpus through the trigger path on Azurite (the handler every host's blob trigger calls),
/// uploaded over a good version of the same file: it is published safely or rejected with its reason in the status
/// record <c>blog status</c> reads, the rest of the site is unchanged, the good version stays online, and it ends in time.
/// </summary>
[Collection(AzuriteCollectionDefinition.Name)]
public sealed class HostileTriggerTests(AzuriteFixture azurite)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    public static TheoryData<string> CaseNames => new(HostileCorpus.Cases.Select(c => c.Name));

    [Theory]
    [MemberData(nameof(CaseNames))]
    public async Task A_hostile_upload_is_published_safely_or_rejected_with_its_reason_and_the_prior_version_stays_online(string name)
    {
        var hostile = HostileCorpus.Find(name);
        await using var blog = await BlogServices.CreateAsync(azurite, HostileCorpus.BaseUrl, HostileCorpus.Now, new Dictionary<string, string?> { ["Blog:FeedItems"] = "100" });
        foreach (var (path, content) in HostileCorpus.Baseline)
        {
            await UploadAndPublishAsync(blog, path, content);
        }

        var hasPrior = HostileCorpus.HasPriorVersion(hostile);
        if (hasPrior)
        {
            Assert.Equal(PublishOutcome.Published, (await UploadAndPublishAsync(blog, hostile.Path, HostileCorpus.PriorVersion(hostile))).Outcome);
        }

        var before = await BlogServices.SnapshotAsync(blog.Containers.Site);

        var result = await UploadAndPublishAsync(blog, hostile.Path, hostile.Content);

        var after = await BlogServices.SnapshotAsync(blog.Containers.Site);
        Assert.Empty(after.SelectMany(file => SiteSafety.Problems(file.Key, file.Value)));
        Assert.All(HostileCorpus.BaselinePages, page => Assert.True(after.ContainsKey(page), $"{page} is gone"));
        var status = await ReadStatusAsync(blog, hostile.Path);
        switch (hostile.Outcome)
        {
            case HostileOutcome.Published:
                Assert.Equal(PublishOutcome.Published, result.Outcome);
                Assert.True(after.ContainsKey(hostile.PublishedFile!), $"{hostile.PublishedFile} was not published");
                Assert.Equal(PublishOutcome.Published, status?.Outcome);
                if (hostile.IsPost && hostile.Slug != HostileCorpus.PriorSlug(hostile))
                {
                    Assert.False(after.ContainsKey($"posts/{HostileCorpus.PriorSlug(hostile)}/index.html"), "the prior version's page is still online under its old slug");
                }

                break;
            case HostileOutcome.Rejected:
                Assert.Equal(PublishOutcome.Rejected, result.Outcome);
                Assert.Contains(hostile.Reason!, result.Reason, StringComparison.Ordinal);
                Assert.Equal(PublishOutcome.Rejected, status?.Outcome);
                Assert.Contains(hostile.Reason!, status?.Reason, StringComparison.Ordinal);
                AssertSameFiles(before, after);
                if (hasPrior)
                {
                    var prior = hostile.IsPost ? $"posts/{HostileCorpus.PriorSlug(hostile)}/index.html" : hostile.Path;
                    Assert.Contains(hostile.IsPost ? "The prior, good version." : "<svg", Encoding.UTF8.GetString(after[prior]), StringComparison.Ordinal);
                }

                break;
            case HostileOutcome.Ignored:
                Assert.Equal(PublishOutcome.Unchanged, result.Outcome);
                Assert.Null(status);
                AssertSameFiles(before, after);
                break;
        }
    }

    private static async Task<PublishResult> UploadAndPublishAsync(BlogServices blog, string path, byte[] content)
    {
        await blog.Containers.Posts.GetBlobClient(path).UploadAsync(new BinaryData(content), overwrite: true);
        return await blog.Handler.PublishAsync(path).WaitAsync(Timeout);
    }

    /// <summary>The status record of an upload, where <c>blog status</c> reads it.</summary>
    private static async Task<SourceRecord?> ReadStatusAsync(BlogServices blog, string path)
    {
        var record = blog.Containers.State.GetBlobClient(StatePaths.Source(path));
        return await record.ExistsAsync() ? StateJson.Deserialize<SourceRecord>((await record.DownloadContentAsync()).Value.Content.ToMemory()) : null;
    }

    private static void AssertSameFiles(Dictionary<string, byte[]> expected, Dictionary<string, byte[]> actual)
    {
        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), actual.Keys.Order(StringComparer.Ordinal));
        Assert.All(expected, file => Assert.True(file.Value.AsSpan().SequenceEqual(actual[file.Key]), $"{file.Key} changed"));
    }
}
