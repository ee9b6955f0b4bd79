using System.Text;
using Azure;
using Azure.Storage.Blobs;

namespace ServerlessBlog.Integration.Tests;

/// <summary>Reads the published site from its container, and waits for it to reach a state.</summary>
internal sealed class SiteReader(BlobContainerClient site)
{
    /// <returns>The file's text, or null when it does not exist (or went while it was read: the site is live).</returns>
    public async Task<string?> ReadAsync(string path)
    {
        try
        {
            return Encoding.UTF8.GetString((await site.GetBlobClient(path).DownloadContentAsync()).Value.Content.ToArray());
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }

    /// <summary>Polls until <paramref name="condition"/> holds for the file (null when it does not exist), or fails after the timeout.</summary>
    public async Task<string?> WaitForAsync(string path, Func<string?, bool> condition, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(60));
        string? text;
        do
        {
            text = await ReadAsync(path);
            if (condition(text))
            {
                return text;
            }

            await Task.Delay(250);
        }
        while (DateTime.UtcNow < deadline);

        Assert.Fail($"{path} did not reach the expected state in time; it is now:\n{text ?? "(missing)"}");
        return null;
    }
}
