using System.CommandLine;
using ServerlessBlog.Cli;
using ServerlessBlog.Cli.CommandLine;

var root = new RootCommand("ServerlessBlog: Markdown in, a complete blog out.")
{
    BuildCommand.Create(),
    DevCommand.Create(),
    PublishCommand.Create(),
    StatusCommand.Create(),
    RebuildCommand.Create(),
};
root.Options.Add(GlobalOptions.Verbose);

// blog dev stops Azurite and its hosts on Ctrl+C: give it time to, rather than the default two seconds.
return await root.Parse(args).InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = TimeSpan.FromSeconds(15) });
