using Microsoft.Extensions.Hosting;
using ServerlessBlog.LocalHost;

using var host = LocalHostBuilder.Build(args);
await LocalHostBuilder.PrepareAsync(host);
await host.RunAsync();
