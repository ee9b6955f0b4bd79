using System.Security.Cryptography;
using ServerlessBlog.Core.Configuration;
using ServerlessBlog.Core.Content;
using ServerlessBlog.Core.Publishing;
using ServerlessBlog.Core.Publishing.State;
using ServerlessBlog.Core.Rendering;
using ServerlessBlog.Core.Site;
using ServerlessBlog.Core.Storage;

namespace ServerlessBlog.Bench.Incremental;

/// <summary>
/// Fills an empty state container with the index of N published posts at once (post records, status records,
/// month and tag partitions, catalog), as N publishes would leave it, without paying for N publishes.
/// </summary>
internal static class StateSeeder
{
    public static async Task SeedAsync(IStateStore state, BlogOptions options, IReadOnlyList<ContentFile> files, CancellationToken cancellationToken)
    {
        var parser = new PostParser(options.MaxPostBytes);
        var renderer = new PostRenderer(new SiteUrls(options.BaseUrl));
        var documents = new List<(string Path, byte[] Content)>();
        var summaries = new List<PostSummary>();
        foreach (var file in files)
        {
            var rendered = renderer.Render(parser.Parse(file), DictionaryLinkResolver.Empty);
            var hash = Convert.ToHexString(SHA256.HashData(file.Content.Span));
            var record = PostRecord.From(rendered, hash);
            summaries.Add(record.Summary);
            documents.Add((StatePaths.Post(record.Summary.Slug), StateJson.Serialize(record)));
            documents.Add((StatePaths.Source(file.Path), StateJson.Serialize(new SourceRecord
            {
                SourcePath = file.Path,
                Outcome = PublishOutcome.Published,
                SourceHash = hash,
                Slug = record.Summary.Slug,
                SourceModified = file.LastModified,
            })));
        }

        var index = new SiteIndex(summaries);
        foreach (var month in index.Months)
        {
            documents.Add((StatePaths.Month(month.Year, month.Month), StateJson.Serialize(index.InMonth(month.Year, month.Month))));
        }

        var catalogTags = new List<CatalogTag>();
        foreach (var tag in index.Tags)
        {
            var byYear = index.Tagged(tag.Slug).GroupBy(post => post.Date.UtcDateTime.Year).ToList();
            foreach (var year in byYear)
            {
                documents.Add((StatePaths.TagYear(tag.Slug, year.Key), StateJson.Serialize(year.ToList())));
            }

            catalogTags.Add(new CatalogTag(tag.Slug, tag.Name, tag.Count, byYear.ToDictionary(year => year.Key, year => year.Count()), tag.LastModified));
        }

        documents.Add((StatePaths.Catalog, StateJson.Serialize(new SiteCatalog
        {
            Months = index.Months.ToList(),
            Tags = catalogTags,
        })));

        await Parallel.ForEachAsync(documents, new ParallelOptions { MaxDegreeOfParallelism = 32, CancellationToken = cancellationToken }, async (document, token) =>
        {
            if (await state.TryWriteAsync(document.Path, document.Content, null, token) is null)
            {
                throw new InvalidOperationException($"{document.Path} already exists: seed an empty container.");
            }
        });
    }
}
