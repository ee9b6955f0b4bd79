using Azure.Storage.Blobs;
using Microsoft.Extensions.Options;
using ServerlessBlog.Azure;
using ServerlessBlog.Cli.CommandLine;
using ServerlessBlog.Core.Configuration;
using ServerlessBlog.Hosting;

namespace ServerlessBlog.Cli.Storage;

/// <summary>The blog's containers on one storage account, and the core's storage ports over them.</summary>
internal sealed class BlogStorage
{
    public BlogStorage(BlobServiceClient service, BlogOptions options)
    {
        ArgumentNullException.ThrowIfNull(service);
        Service = service;
        Options = options;
        Containers = new BlogContainers(service, Microsoft.Extensions.Options.Options.Create(options));
        Site = new BlobSiteStore(Containers.Site);
        State = new BlobStateStore(Containers.State);
        Content = new BlobContentSource(Containers.Posts);
    }

    public BlobServiceClient Service { get; }

    public BlogOptions Options { get; }

    public BlogContainers Containers { get; }

    public BlobSiteStore Site { get; }

    public BlobStateStore State { get; }

    public BlobContentSource Content { get; }

    /// <summary>
    /// Checks that the containers exist before any work starts: the first request also tells whether the storage
    /// answers and accepts the credentials, and a missing container is named.
    /// </summary>
    public async Task EnsureContainersExistAsync(IEnumerable<BlobContainerClient> containers, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(containers);
        foreach (var container in containers)
        {
            if (!await container.ExistsAsync(cancellationToken))
            {
                throw new CommandFailure(
                    $"the container '{container.Name}' does not exist on {Service.Uri}: start 'blog dev' or the trigger host once to create it, or run 'azd provision' on Azure");
            }
        }
    }
}
