using ServerlessBlog.Core.Configuration;

namespace ServerlessBlog.Core.Tests;

/// <summary>
/// The golden corpus (Golden/content) and the site it must build to (Golden/expected).
/// Set GOLDEN_UPDATE=1 to rewrite the expected files from the current output, then review the diff.
/// </summary>
public static class GoldenCorpus
{
    /// <summary>The time every file of the corpus is stamped with: the date of posts without one.</summary>
    public static readonly DateTimeOffset FileTime = new(2024, 3, 15, 6, 0, 0, TimeSpan.Zero);

    /// <summary>"Now" for the build: after every post but the one dated 2030.</summary>
    public static readonly DateTimeOffset Now = new(2025, 6, 1, 0, 0, 0, TimeSpan.Zero);

    public const string BaseUrl = "https://golden.example/blog/";

    public static string ProjectFolder { get; } = FindProjectFolder();

    public static string ContentFolder => Path.Combine(ProjectFolder, "Golden", "content");

    public static string ExpectedFolder => Path.Combine(ProjectFolder, "Golden", "expected");

    /// <summary>The options site.yaml of the corpus sets, with the base URL the tests use.</summary>
    public static BlogOptions Options => new()
    {
        Title = "Golden Blog",
        Description = "Every content case the core supports, rendered once and compared byte for byte.",
        Author = "Gold Smith",
        Language = "en-GB",
        PostsPerPage = 3,
        FeedItems = 4,
        BaseUrl = BaseUrl,
    };

    /// <summary>Copies the corpus to a fresh folder with every file stamped with <see cref="FileTime"/>.</summary>
    public static string CopyContent()
    {
        var target = Directory.CreateTempSubdirectory("golden-content-").FullName;
        foreach (var file in Directory.EnumerateFiles(ContentFolder, "*", SearchOption.AllDirectories))
        {
            var destination = Path.Combine(target, Path.GetRelativePath(ContentFolder, file));
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination);
            File.SetLastWriteTimeUtc(destination, FileTime.UtcDateTime);
        }

        return target;
    }

    /// <summary>Asserts that <paramref name="actualFolder"/> holds exactly the expected files, byte for byte.</summary>
    public static void AssertMatches(string actualFolder)
    {
        var actual = RelativeFiles(actualFolder);
        if (Environment.GetEnvironmentVariable("GOLDEN_UPDATE") == "1")
        {
            if (Directory.Exists(ExpectedFolder))
            {
                Directory.Delete(ExpectedFolder, recursive: true);
            }

            foreach (var file in actual)
            {
                var destination = Path.Combine(ExpectedFolder, file);
                Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
                File.Copy(Path.Combine(actualFolder, file), destination);
            }
        }

        Assert.Equal(RelativeFiles(ExpectedFolder), actual);
        foreach (var file in actual)
        {
            var expectedText = File.ReadAllText(Path.Combine(ExpectedFolder, file)).ReplaceLineEndings("\n");
            var actualText = File.ReadAllText(Path.Combine(actualFolder, file));
            Assert.True(expectedText == actualText, $"{file} differs from Golden/expected/{file}:\n{FirstDifference(expectedText, actualText)}");
        }
    }

    /// <summary>
    /// The site published into <paramref name="site"/> is, file for file and byte for byte, what a whole build of
    /// <paramref name="content"/> with the corpus's settings makes.
    /// </summary>
    public static async Task AssertIsTheWholeBuildAsync(Core.Storage.IContentSource content, string site, TimeProvider time)
    {
        var built = Directory.CreateTempSubdirectory("whole-build-").FullName;
        try
        {
            await new Core.Building.SiteBuilder(Options, time).BuildAsync(content, new Core.Storage.FolderSiteStore(built), new Core.Building.BuildSettings());
            var files = RelativeFiles(built);
            Assert.Equal(files, RelativeFiles(site));
            Assert.All(files, file => Assert.True(
                File.ReadAllBytes(Path.Combine(built, file)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(site, file))),
                $"{file} differs"));
        }
        finally
        {
            Directory.Delete(built, recursive: true);
        }
    }

    public static List<string> RelativeFiles(string folder) =>
        Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Select(file => Path.GetRelativePath(folder, file).Replace(Path.DirectorySeparatorChar, '/'))
            .Order(StringComparer.Ordinal)
            .ToList();

    public static string FirstDifference(string expected, string actual)
    {
        var expectedLines = expected.Split('\n');
        var actualLines = actual.Split('\n');
        for (var i = 0; i < Math.Max(expectedLines.Length, actualLines.Length); i++)
        {
            var e = i < expectedLines.Length ? expectedLines[i] : "<end>";
            var a = i < actualLines.Length ? actualLines[i] : "<end>";
            if (e != a)
            {
                return $"line {i + 1}\nexpected: {e}\nactual:   {a}";
            }
        }

        return "(same lines)";
    }

    private static string FindProjectFolder()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "ServerlessBlog.Core.Tests.csproj")))
            {
                return folder.FullName;
            }

            var candidate = Path.Combine(folder.FullName, "tests", "ServerlessBlog.Core.Tests");
            if (Directory.Exists(Path.Combine(candidate, "Golden")))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException("The golden corpus was not found above " + AppContext.BaseDirectory);
    }
}
