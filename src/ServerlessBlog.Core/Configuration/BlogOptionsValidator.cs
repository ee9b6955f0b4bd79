using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace ServerlessBlog.Core.Configuration;

/// <summary>Validates <see cref="BlogOptions"/>: the data annotations, and a base URL that is an absolute http(s) URL.</summary>
public sealed class BlogOptionsValidator : IValidateOptions<BlogOptions>
{
    public ValidateOptionsResult Validate(string? name, BlogOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        var failures = results.Select(result => $"{BlogOptions.SectionName}:{string.Join(",", result.MemberNames)}: {result.ErrorMessage}").ToList();
        if (!Uri.TryCreate(options.BaseUrl, UriKind.Absolute, out var baseUrl) || (baseUrl.Scheme != Uri.UriSchemeHttp && baseUrl.Scheme != Uri.UriSchemeHttps))
        {
            failures.Add($"{BlogOptions.SectionName}:{nameof(BlogOptions.BaseUrl)}: '{options.BaseUrl}' is not an absolute http(s) URL.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
