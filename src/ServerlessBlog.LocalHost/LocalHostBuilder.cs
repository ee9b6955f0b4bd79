using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ServerlessBlog.Core.Configuration;
using ServerlessBlog.Hosting;

namespace ServerlessBlog.LocalHost;

/// <summary>
/// Builds the local trigger host: the WebJobs SDK with Azure Storage blob triggers, the same registrations as the
/// Functions app, and a periodic reconcile that also notices deleted blobs (the scan-based trigger never sees deletes).
/// </summary>
public static class LocalHostBuilder
{
    public static IHost Build(string[] args, Action<IServiceCollection>? configureServices = null) =>
        new HostBuilder()
            .ConfigureAppConfiguration(configuration => configuration
                .AddInMemoryCollection(Defaults())
                .AddEnvironmentVariables()
                .AddCommandLine(args))
            .ConfigureLogging((context, logging) => logging
                .AddConfiguration(context.Configuration.GetSection("Logging"))
                .AddSimpleConsole(console => console.SingleLine = true)

                // The SDK logs every request at Information and every 404 (a page not written yet, an existence check)
                // as a warning: failures that matter surface as exceptions, so keep its errors only.
                .AddFilter("Azure", LogLevel.Error))
            .ConfigureWebJobs(webJobs =>
            {
                webJobs.AddAzureStorageCoreServices();
                webJobs.AddAzureStorageBlobs();
            })
            .ConfigureServices((context, services) =>
            {
                services.AddServerlessBlog(context.Configuration);
                services.AddOptions<LocalHostOptions>().Bind(context.Configuration.GetSection(LocalHostOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
                services.AddHostedService<PeriodicReconcile>();
                configureServices?.Invoke(services);
            })
            .Build();

    /// <summary>Creates the containers the blog needs, as the infrastructure does on Azure.</summary>
    public static Task PrepareAsync(IHost host, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(host);
        return host.Services.GetRequiredService<BlogContainers>().EnsureCreatedAsync(cancellationToken);
    }

    /// <summary>
    /// Settings good enough to run with <c>AzureWebJobsStorage</c> alone: the trigger's binding expressions need
    /// them as configuration values, not only as the options' defaults.
    /// </summary>
    private static Dictionary<string, string?> Defaults() => new()
    {
        [$"{BlogOptions.SectionName}:{nameof(BlogOptions.PostsContainer)}"] = BlogDefaults.PostsContainer,
        [$"{BlogOptions.SectionName}:{nameof(BlogOptions.SiteContainer)}"] = BlogDefaults.SiteContainer,
        [$"{BlogOptions.SectionName}:{nameof(BlogOptions.StateContainer)}"] = BlogDefaults.StateContainer,
        [$"{BlogOptions.SectionName}:{nameof(BlogOptions.DeleteQueue)}"] = BlogDefaults.DeleteQueue,
    };
}
