using Azure;

namespace ServerlessBlog.Azure;

/// <summary>
/// A blob's ETag as the one version string the state records: listings return ETags without quotes and responses with
/// them, so the same blob would otherwise look changed to every reconcile.
/// </summary>
public static class BlobVersion
{
    private const string HeaderFormat = "H";

    /// <summary>The ETag in its quoted header form, whichever form the service returned.</summary>
    public static string Of(ETag etag) => etag.ToString(HeaderFormat);
}
