namespace ServerlessBlog.Core.Content;

/// <summary>How a post's front matter is written.</summary>
public enum FrontMatterFormat
{
    /// <summary>The post has no front matter.</summary>
    None,

    /// <summary>YAML between <c>---</c> lines (Jekyll, Hugo).</summary>
    Yaml,

    /// <summary>TOML between <c>+++</c> lines (Hugo, Zola).</summary>
    Toml,
}
