using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using ServerlessBlog.Core.Configuration;
using ServerlessBlog.Core.Content;

namespace ServerlessBlog.Cli;

/// <summary>
/// The blog's settings, layered as Hugo users expect: defaults, then the content root's <c>site.yaml</c>,
/// then environment variables (<c>Blog__BaseUrl</c>), then command-line options.
/// </summary>
internal static class BlogConfiguration
{
    /// <summary>Loads the settings; without a <paramref name="contentRoot"/> (a command on the storage alone), from the environment and options only.</summary>
    public static BlogOptions Load(string? contentRoot, IReadOnlyDictionary<string, string?> commandLine)
    {
        if (contentRoot is not null && !Directory.Exists(contentRoot))
        {
            throw new DirectoryNotFoundException($"the content folder {contentRoot} does not exist");
        }

        var builder = new ConfigurationBuilder();
        var siteFile = contentRoot is null ? null : Path.Combine(contentRoot, ContentPaths.SiteConfiguration);
        if (siteFile is not null && File.Exists(siteFile))
        {
            try
            {
                builder.AddInMemoryCollection(SiteConfigurationFile.Read(File.ReadAllText(siteFile)));
            }
            catch (ContentException ex)
            {
                throw new OptionsValidationException(BlogOptions.SectionName, typeof(BlogOptions), [$"{siteFile}:{ex.Line}: {ex.Message}"]);
            }
        }

        builder.AddEnvironmentVariables();
        builder.AddInMemoryCollection(commandLine.Where(pair => pair.Value is not null)
            .Select(pair => KeyValuePair.Create($"{BlogOptions.SectionName}:{pair.Key}", pair.Value)));

        var options = new BlogOptions();
        try
        {
            builder.Build().GetSection(BlogOptions.SectionName).Bind(options);
        }
        catch (InvalidOperationException ex)
        {
            // A value of the wrong type, such as postsPerPage: abc; the binder's message names the key and the value.
            throw new OptionsValidationException(BlogOptions.SectionName, typeof(BlogOptions), [ex.Message]);
        }

        var result = new BlogOptionsValidator().Validate(null, options);
        return result.Failed ? throw new OptionsValidationException(BlogOptions.SectionName, typeof(BlogOptions), result.Failures) : options;
    }
}
