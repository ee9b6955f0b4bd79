namespace ServerlessBlog.Cli.Tests;

/// <summary>How a process ended and what it printed.</summary>
public sealed record ProcessResult(int ExitCode, string StandardOutput, string StandardError);
