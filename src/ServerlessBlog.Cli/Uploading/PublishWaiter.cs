using ServerlessBlog.Core.Publishing.State;
using ServerlessBlog.Core.Publishing.Status;

namespace ServerlessBlog.Cli.Uploading;

/// <summary>Waits until a publisher has recorded each uploaded file as it was uploaded: published, pending or rejected.</summary>
internal sealed class PublishWaiter(PublishingStatusReader status, TimeProvider time)
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(500);

    /// <summary>The record of each upload, or <see langword="null"/> for those not handled within <paramref name="timeout"/>.</summary>
    public async Task<IReadOnlyDictionary<UploadedFile, SourceRecord?>> WaitAsync(IReadOnlyList<UploadedFile> uploads, TimeSpan timeout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(uploads);
        var records = uploads.ToDictionary(upload => upload, _ => (SourceRecord?)null);
        var deadline = time.GetUtcNow() + timeout;
        while (true)
        {
            foreach (var upload in records.Where(pair => pair.Value is null).Select(pair => pair.Key).ToList())
            {
                var record = await status.ReadAsync(upload.Path, cancellationToken);
                if (PublishingStatusReader.IsAbout(record, upload.Version))
                {
                    records[upload] = record;
                }
            }

            if (records.Values.All(record => record is not null) || time.GetUtcNow() >= deadline)
            {
                return records;
            }

            await Task.Delay(PollInterval, time, cancellationToken);
        }
    }
}
