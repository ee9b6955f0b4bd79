using System.Diagnostics.CodeAnalysis;
using Azure;
using Azure.Core;

namespace ServerlessBlog.Azure;

/// <summary>A server error made up by <see cref="StorageChaosPolicy"/>: a status, no headers, no body.</summary>
internal sealed class ChaosResponse(int status) : Response
{
    public override int Status { get; } = status;

    public override string ReasonPhrase => "Injected by storage chaos";

    // The transport classifies real responses; this one never reaches it, so it says itself that it is an error.
    public override bool IsError => true;

    public override Stream? ContentStream { get; set; } = new MemoryStream([]);

    public override string ClientRequestId { get; set; } = string.Empty;

    public override void Dispose() => ContentStream?.Dispose();

    protected override bool ContainsHeader(string name) => false;

    protected override IEnumerable<HttpHeader> EnumerateHeaders() => [];

    protected override bool TryGetHeader(string name, [NotNullWhen(true)] out string? value)
    {
        value = null;
        return false;
    }

    protected override bool TryGetHeaderValues(string name, [NotNullWhen(true)] out IEnumerable<string>? values)
    {
        values = null;
        return false;
    }
}
