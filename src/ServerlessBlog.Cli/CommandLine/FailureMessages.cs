using System.Net.Sockets;
using Azure;
using Azure.Identity;
using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.Options;

namespace ServerlessBlog.Cli.CommandLine;

/// <summary>
/// Turns the failures a user can fix (wrong connection string, storage not running, missing container, no permission)
/// into one line each; anything else is reported by its message, with the stack trace behind <c>--verbose</c>.
/// </summary>
internal static class FailureMessages
{
    private const int Forbidden = 403;
    private const int NotFound = 404;

    public static string Describe(Exception exception, Uri? storage)
    {
        ArgumentNullException.ThrowIfNull(exception);
        if (Find<CommandFailure>(exception) is { } failure)
        {
            return failure.Message;
        }

        if (Find<OptionsValidationException>(exception) is { } options)
        {
            return string.Join("; ", options.Failures);
        }

        if (Find<AuthenticationFailedException>(exception) is { } signIn)
        {
            return $"could not sign in to Azure ({FirstLine(signIn.Message)}): sign in with 'az login' or 'azd auth login', or pass --connection-string";
        }

        if (Find<RequestFailedException>(exception) is { Status: > 0 } request)
        {
            return DescribeRequest(request, storage);
        }

        if (Find<SocketException>(exception) is not null || Find<HttpRequestException>(exception) is not null)
        {
            return Unreachable(storage);
        }

        return exception is IOException or UnauthorizedAccessException
            ? exception.Message
            : $"{FirstLine(exception.Message)} (run with --verbose for details)";
    }

    private static string DescribeRequest(RequestFailedException request, Uri? storage)
    {
        // A wrong key or SAS signature: Azure answers AuthenticationFailed, Azurite AuthorizationFailure (which Azure also
        // gives when network rules or a ban on shared keys refuse the request).
        if (request.Status == Forbidden && (request.ErrorCode == BlobErrorCode.AuthenticationFailed || request.ErrorCode == BlobErrorCode.AuthorizationFailure))
        {
            return $"the storage account {storage} refused the credentials ({request.ErrorCode}): check the key or SAS of the connection string, and the account's network rules";
        }

        if (request.Status == Forbidden)
        {
            return $"permission denied on {storage} ({request.ErrorCode}): the signed-in identity needs the 'Storage Blob Data Contributor' role on the account";
        }

        if (request.Status == NotFound && request.ErrorCode == BlobErrorCode.ContainerNotFound)
        {
            return $"a container the blog needs does not exist on {storage} (ContainerNotFound): run 'azd provision', or start the trigger host once to create them";
        }

        return $"the storage service at {storage} answered {request.Status} ({request.ErrorCode}): {FirstLine(request.Message)}";
    }

    private static string Unreachable(Uri? storage) =>
        storage is not null && (storage.IsLoopback || storage.Host.Equals("localhost", StringComparison.OrdinalIgnoreCase))
            ? $"cannot reach the storage at {storage}: is Azurite running? Start it with 'blog dev', or pass --connection-string"
            : $"cannot reach the storage at {storage}: check the account URL or connection string and the network";

    private static T? Find<T>(Exception exception)
        where T : Exception
    {
        for (Exception? current = exception; current is not null; current = current.InnerException)
        {
            if (current is T match)
            {
                return match;
            }

            if (current is AggregateException aggregate)
            {
                foreach (var inner in aggregate.InnerExceptions)
                {
                    if (Find<T>(inner) is { } found)
                    {
                        return found;
                    }
                }
            }
        }

        return null;
    }

    private static string FirstLine(string text)
    {
        var end = text.IndexOfAny(['\r', '\n']);
        return (end < 0 ? text : text[..end]).TrimEnd('.', ' ');
    }
}
