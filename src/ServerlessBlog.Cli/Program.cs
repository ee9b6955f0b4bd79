using System.CommandLine;
using ServerlessBlog.Cli;

var root = new RootCommand("ServerlessBlog: Markdown in, a complete blog out.")
{
    BuildCommand.Create(),
};

return await root.Parse(args).InvokeAsync();
