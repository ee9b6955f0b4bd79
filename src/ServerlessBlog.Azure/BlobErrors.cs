using Azure;
using Azure.Storage.Blobs.Models;

namespace ServerlessBlog.Azure;

/// <summary>The service errors the stores turn into ordinary results.</summary>
internal static class BlobErrors
{
    private const int NotModified = 304;
    private const int NotFound = 404;
    private const int Conflict = 409;
    private const int PreconditionFailed = 412;

    /// <summary>The blob is missing. A missing container is a configuration error and stays an exception.</summary>
    public static bool IsBlobNotFound(RequestFailedException exception) =>
        exception.Status == NotFound && exception.ErrorCode == BlobErrorCode.BlobNotFound;

    /// <summary>A read with <c>If-None-Match</c> found the blob still at that version: the reader's copy is current.</summary>
    public static bool IsNotModified(Response response) => response.Status == NotModified;

    /// <summary>
    /// A conditional write lost: <c>If-Match</c> named a stale ETag (412 ConditionNotMet), or
    /// <c>If-None-Match: *</c> found the blob already there (409 BlobAlreadyExists).
    /// </summary>
    public static bool IsConditionFailure(RequestFailedException exception) =>
        (exception.Status == PreconditionFailed && exception.ErrorCode == BlobErrorCode.ConditionNotMet)
        || (exception.Status == Conflict && exception.ErrorCode == BlobErrorCode.BlobAlreadyExists);
}
