namespace ServerlessBlog.Cli.Uploading;

/// <summary>A file on disk and the path it has under its content root, which is its blob name in the posts container.</summary>
internal sealed record LocalContentFile(string LocalPath, string Path);
