using Azure.Storage.Blobs;
using Microsoft.Extensions.Options;
using ServerlessBlog.Core.Configuration;

namespace ServerlessBlog.Hosting;

/// <summary>The blog's three containers on the host's storage account: posts (input), the site (<c>$web</c>) and the private state.</summary>
public sealed class BlogContainers
{
    public BlogContainers(BlobServiceClient service, IOptions<BlogOptions> options)
    {
        ArgumentNullException.ThrowIfNull(service);
        ArgumentNullException.ThrowIfNull(options);
        Posts = service.GetBlobContainerClient(options.Value.PostsContainer);
        Site = service.GetBlobContainerClient(options.Value.SiteContainer);
        State = service.GetBlobContainerClient(options.Value.StateContainer);
    }

    public BlobContainerClient Posts { get; }

    public BlobContainerClient Site { get; }

    public BlobContainerClient State { get; }

    /// <summary>Creates the containers that do not exist yet, as a local host must; on Azure the infrastructure creates them.</summary>
    public async Task EnsureCreatedAsync(CancellationToken cancellationToken = default)
    {
        foreach (var container in new[] { Posts, Site, State })
        {
            await container.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        }
    }
}
