namespace ServerlessBlog.Azure;

/// <summary>
/// The names Azure Functions uses for a storage connection such as <c>AzureWebJobsStorage</c>: either the setting
/// itself holds a connection string, or its <c>__</c> children describe an identity-based connection.
/// </summary>
public static class StorageConnection
{
    /// <summary>The host's own storage connection, which also holds the blog's containers.</summary>
    public const string DefaultName = "AzureWebJobsStorage";

    /// <summary>The blob endpoint of an identity-based connection, such as the account's primary blob endpoint.</summary>
    public const string BlobServiceUri = "blobServiceUri";

    /// <summary>The account name of an identity-based connection whose endpoint is the public cloud's default.</summary>
    public const string AccountName = "accountName";

    /// <summary>Which credential an identity-based connection uses; <see cref="ManagedIdentityCredential"/> or absent.</summary>
    public const string Credential = "credential";

    /// <summary>The client id of the user-assigned managed identity to use.</summary>
    public const string ClientId = "clientId";

    /// <summary>The <see cref="Credential"/> value that selects the managed identity alone.</summary>
    public const string ManagedIdentityCredential = "managedidentity";

    /// <summary>The host suffix of the blob endpoint of an account named by <see cref="AccountName"/>.</summary>
    public const string DefaultBlobEndpointSuffix = "blob.core.windows.net";
}
