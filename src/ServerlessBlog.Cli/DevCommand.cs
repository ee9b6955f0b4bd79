using System.CommandLine;
using ServerlessBlog.Cli.CommandLine;
using ServerlessBlog.Cli.Dev;

namespace ServerlessBlog.Cli;

/// <summary><c>blog dev [content-dir]</c>: Azurite, the trigger host, the content folder watched and the site served with live reload.</summary>
internal static class DevCommand
{
    public const int DefaultPort = 5080;

    public static Command Create()
    {
        var content = new Argument<DirectoryInfo>("content-dir") { Description = "The folder of posts and assets.", DefaultValueFactory = _ => new DirectoryInfo(Path.Combine("samples", "blog")) };
        var port = new Option<int>("--port", "-p") { Description = "The port to serve the site on, at 127.0.0.1.", DefaultValueFactory = _ => DefaultPort };
        var azuritePort = new Option<int>("--azurite-port") { Description = "Azurite's blob port when free (queue and table take the next two); 0 picks free ports.", DefaultValueFactory = _ => AzuriteAccount.DefaultBlobPort };
        var command = new Command("dev", "Run the blog locally: Azurite, the trigger host, the site served and reloaded on every save.") { content, port, azuritePort };

        // The site's base URL names the preview port before the server starts, so the port must be a real one.
        port.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() is < 1 or > 65535)
            {
                result.AddError("--port must be a port number from 1 to 65535.");
            }
        });
        azuritePort.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() is < 0 or > 65533)
            {
                result.AddError("--azurite-port must be 0 or a port number from 1 to 65533 (queue and table take the next two).");
            }
        });

        command.SetAction((parse, cancellationToken) => CommandRunner.RunAsync(command.Name, parse,
            token => DevSession.RunAsync(new DevSettings(parse.GetValue(content)!, parse.GetValue(port), parse.GetValue(azuritePort), parse.GetValue(GlobalOptions.Verbose)), token),
            () => null, cancellationToken));
        return command;
    }
}
