namespace ServerlessBlog.Cli.Dev;

/// <summary>What <c>blog dev</c> was asked to do.</summary>
/// <param name="Content">The content folder to publish and watch.</param>
/// <param name="Port">The preview server's loopback port.</param>
/// <param name="AzuritePort">Azurite's blob port when free (queue and table take the next two); 0 for any free ports.</param>
/// <param name="Verbose">Log what the trigger host does, not only its warnings.</param>
internal sealed record DevSettings(DirectoryInfo Content, int Port, int AzuritePort, bool Verbose);
