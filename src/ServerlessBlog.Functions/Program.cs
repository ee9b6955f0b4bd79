using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;
using ServerlessBlog.Hosting;

var builder = FunctionsApplication.CreateBuilder(args);
builder.Services.AddServerlessBlog(builder.Configuration);
builder.Build().Run();
