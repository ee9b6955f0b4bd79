using Azure.Storage.Blobs;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using ServerlessBlog.Azure;
using ServerlessBlog.Core.Configuration;
using ServerlessBlog.Core.Publishing;
using ServerlessBlog.Core.Storage;

namespace ServerlessBlog.Hosting;

/// <summary>The one registration call of every host.</summary>
public static class ServerlessBlogServiceCollectionExtensions
{
    /// <summary>
    /// Registers the blog: <see cref="BlogOptions"/> bound from the <c>Blog</c> section and validated at start-up,
    /// one <see cref="BlobServiceClient"/> for the <c>AzureWebJobsStorage</c> connection, the blob adapters of the
    /// storage ports, the publisher and the steps the hosts' triggers call.
    /// </summary>
    public static IServiceCollection AddServerlessBlog(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<BlogOptions>().Bind(configuration.GetSection(BlogOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<BlogOptions>, BlogOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<StorageChaosOptions>().Bind(configuration.GetSection(StorageChaosOptions.SectionName))
            .Validate(IsValid, $"{StorageChaosOptions.SectionName}: rates must be between 0 and 1 and the latency at most a minute.").ValidateOnStart();
        services.TryAddSingleton(provider => new StorageChaosPolicy(provider.GetRequiredService<IOptions<StorageChaosOptions>>().Value));
        services.TryAddSingleton(provider => BlobServiceClientFactory.Create(
            configuration,
            chaos: provider.GetRequiredService<IOptions<StorageChaosOptions>>().Value.Enabled ? provider.GetRequiredService<StorageChaosPolicy>() : null));
        services.TryAddSingleton<BlogContainers>();
        services.TryAddSingleton<ISiteStore>(provider => new BlobSiteStore(provider.GetRequiredService<BlogContainers>().Site));
        services.TryAddSingleton<IStateStore>(provider => new BlobStateStore(provider.GetRequiredService<BlogContainers>().State));
        services.TryAddSingleton<IContentSource>(provider => new BlobContentSource(provider.GetRequiredService<BlogContainers>().Posts));
        services.TryAddSingleton<IPostPublisher, SitePublisher>();
        services.TryAddSingleton<PostBlobHandler>();
        return services;
    }

    private static bool IsValid(StorageChaosOptions options) =>
        System.ComponentModel.DataAnnotations.Validator.TryValidateObject(options, new(options), null, validateAllProperties: true);
}
