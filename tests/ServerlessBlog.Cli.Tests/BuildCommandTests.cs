using System.Text.RegularExpressions;
using ServerlessBlog.Core.Tests;
using ServerlessBlog.Testing;

namespace ServerlessBlog.Cli.Tests;

public sealed partial class BuildCommandTests(BuiltSites sites) : IClassFixture<BuiltSites>
{
    [Fact]
    public void The_sample_blog_builds_and_prints_a_one_line_summary()
    {
        Assert.Equal(0, sites.SampleBuild.ExitCode);
        Assert.Equal(string.Empty, sites.SampleBuild.StandardError);
        var line = Assert.Single(sites.SampleBuild.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Matches(Summary(), line);
        Assert.StartsWith("Built 4 posts, ", line, StringComparison.Ordinal);
    }

    [Fact]
    public void The_cli_builds_the_golden_corpus_with_site_yaml_and_reports_the_broken_post_with_exit_code_2()
    {
        Assert.Equal(2, sites.GoldenBuild.ExitCode);
        var error = Assert.Single(sites.GoldenBuild.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Matches(BrokenPostLine(), error);
        GoldenCorpus.AssertMatches(sites.Golden);
    }

    [Fact]
    public async Task Environment_variables_override_site_yaml_and_options_override_both()
    {
        var output = Directory.CreateTempSubdirectory("env-site-").FullName;
        try
        {
            var result = await RepositoryTools.RunBlogAsync(
                ["build", Path.Combine(RepositoryTools.Root, "samples", "blog"), "--out", output, "--base-url", "https://options.example/"],
                new Dictionary<string, string> { ["Blog__Title"] = "Title From Environment", ["Blog__BaseUrl"] = "https://environment.example/" });

            Assert.Equal(0, result.ExitCode);
            var home = await File.ReadAllTextAsync(Path.Combine(output, "index.html"));
            Assert.Contains("<title>Title From Environment</title>", home, StringComparison.Ordinal);
            Assert.Contains("<link rel=\"canonical\" href=\"https://options.example/\">", home, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(output, recursive: true);
        }
    }

    [Theory]
    [InlineData("--base-url", "not a url", "BaseUrl")]
    [InlineData("--out", "/proc/forbidden", "")]
    public async Task Settings_and_folders_that_cannot_work_fail_with_one_line_and_exit_code_1(string option, string value, string mentioned)
    {
        var result = await RepositoryTools.RunBlogAsync(["build", Path.Combine(RepositoryTools.Root, "samples", "blog"), option, value]);

        Assert.Equal(1, result.ExitCode);
        var line = Assert.Single(result.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("blog build: ", line, StringComparison.Ordinal);
        Assert.Contains(mentioned, line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_content_folder_fails_with_exit_code_1()
    {
        var result = await RepositoryTools.RunBlogAsync(["build", "/nonexistent/content", "--out", Path.GetTempPath()]);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("does not exist", result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_build_run_in_the_content_folder_does_not_read_its_own_output_back_in()
    {
        var content = SampleBlog.CopyToTemporaryFolder("sample-copy-");
        try
        {
            // As `blog build .` run in the content folder writes to ./public.
            var first = await RepositoryTools.RunAsync("dotnet", [RepositoryTools.BlogDll, "build", "."], content);
            var second = await RepositoryTools.RunAsync("dotnet", [RepositoryTools.BlogDll, "build", "."], content);

            Assert.Equal(0, first.ExitCode);
            Assert.Equal(0, second.ExitCode);
            Assert.Equal(string.Empty, second.StandardError);
            Assert.Contains("0 written", second.StandardOutput, StringComparison.Ordinal);
            Assert.False(Directory.Exists(Path.Combine(content, "public", "public")));
        }
        finally
        {
            Directory.Delete(content, recursive: true);
        }
    }

    [Theory]
    [InlineData(".")]
    [InlineData("..")]
    public async Task An_output_folder_that_holds_the_content_folder_is_refused_before_anything_is_written(string output)
    {
        var content = SampleBlog.CopyToTemporaryFolder("sample-copy-");
        try
        {
            var result = await RepositoryTools.RunAsync("dotnet", [RepositoryTools.BlogDll, "build", ".", "--out", output, "--clean"], content);

            Assert.Equal(1, result.ExitCode);
            Assert.StartsWith("blog build: the output folder", Assert.Single(result.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries)), StringComparison.Ordinal);
            Assert.True(File.Exists(Path.Combine(content, "site.yaml")));
            Assert.False(File.Exists(Path.Combine(content, "index.html")));
        }
        finally
        {
            Directory.Delete(content, recursive: true);
        }
    }

    [Fact]
    public async Task A_setting_of_the_wrong_type_fails_with_one_line_that_names_it()
    {
        var result = await RepositoryTools.RunBlogAsync(
            ["build", Path.Combine(RepositoryTools.Root, "samples", "blog"), "--out", Path.Combine(Path.GetTempPath(), "never-written")],
            new Dictionary<string, string> { ["Blog__PostsPerPage"] = "abc" });

        Assert.Equal(1, result.ExitCode);
        var line = Assert.Single(result.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal("blog build: Failed to convert configuration value 'abc' at 'Blog:PostsPerPage' to type 'System.Int32'.", line);
    }

    [GeneratedRegex(@"^Built \d+ posts, \d+ pages, \d+ feeds, \d+ assets in \d+\.\d\d s \(\d+ written, \d+ unchanged.*\) -> .+$")]
    private static partial Regex Summary();

    [GeneratedRegex(@"^.+/posts/broken\.md:3: 'date' is not a date: 'not a date'")]
    private static partial Regex BrokenPostLine();
}
