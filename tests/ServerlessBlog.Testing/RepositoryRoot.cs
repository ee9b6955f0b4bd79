namespace ServerlessBlog.Testing;

/// <summary>The repository's root folder: the one holding ServerlessBlog.sln, found upwards from the test binaries.</summary>
public static class RepositoryRoot
{
    private const string SolutionFile = "ServerlessBlog.sln";

    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(folder.FullName, SolutionFile)))
            {
                return folder.FullName;
            }
        }

        throw new DirectoryNotFoundException($"The repository root ({SolutionFile}) was not found above {AppContext.BaseDirectory}.");
    }
}
