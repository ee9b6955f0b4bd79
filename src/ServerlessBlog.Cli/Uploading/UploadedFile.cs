namespace ServerlessBlog.Cli.Uploading;

/// <summary>A file uploaded to the posts container, and the version (ETag) the upload created.</summary>
internal sealed record UploadedFile(string Path, string Version);
