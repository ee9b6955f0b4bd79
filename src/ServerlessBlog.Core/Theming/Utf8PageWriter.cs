using System.Text;

namespace ServerlessBlog.Core.Theming;

/// <summary>
/// A text writer that encodes straight into the UTF-8 bytes of one page. The template engine writes every piece of
/// a page through <see cref="TextWriter.WriteAsync(string)"/>; a <see cref="StreamWriter"/> runs an asynchronous
/// write, a character buffer and a stream for each, where this writer encodes into its byte buffer and is done.
/// Encodes as <see cref="StreamWriter"/> with the same encoding does (a surrogate pair split across two writes is
/// still one character). Not thread-safe: one page, one writer.
/// </summary>
internal sealed class Utf8PageWriter : TextWriter
{
    private readonly Encoder _encoder;
    private byte[] _bytes;
    private int _length;

    // Whether the encoder holds the high surrogate a write ended with, to pair it with the next write's first character.
    private bool _encoderHoldsSurrogate;

    public Utf8PageWriter(UTF8Encoding encoding, int capacity)
    {
        Encoding = encoding;
        _encoder = encoding.GetEncoder();
        _bytes = new byte[Math.Max(capacity, 256)];
    }

    public override Encoding Encoding { get; }

    /// <summary>The page's bytes, in the buffer they were written to.</summary>
    public ReadOnlyMemory<byte> WrittenMemory
    {
        get
        {
            Encode([], flush: true);
            return new ReadOnlyMemory<byte>(_bytes, 0, _length);
        }
    }

    public override void Write(char value) => Encode([value], flush: false);

    public override void Write(string? value) => Encode(value, flush: false);

    public override void Write(char[] buffer, int index, int count) => Encode(buffer.AsSpan(index, count), flush: false);

    public override void Write(ReadOnlySpan<char> buffer) => Encode(buffer, flush: false);

    public override Task WriteAsync(char value)
    {
        Write(value);
        return Task.CompletedTask;
    }

    public override Task WriteAsync(string? value)
    {
        Write(value);
        return Task.CompletedTask;
    }

    public override Task WriteAsync(char[] buffer, int index, int count)
    {
        Write(buffer, index, count);
        return Task.CompletedTask;
    }

    public override Task WriteAsync(ReadOnlyMemory<char> buffer, CancellationToken cancellationToken = default)
    {
        Write(buffer.Span);
        return Task.CompletedTask;
    }

    public override Task FlushAsync() => Task.CompletedTask;

    private void Encode(ReadOnlySpan<char> text, bool flush)
    {
        // A character takes at most three bytes, four with a high surrogate left over from the write before: count
        // exactly only when the room left might not hold that.
        if (_bytes.Length - _length < (text.Length + 1) * 3)
        {
            var needed = _encoder.GetByteCount(text, flush);
            if (_bytes.Length - _length < needed)
            {
                Array.Resize(ref _bytes, Math.Max(_bytes.Length * 2, _length + needed));
            }
        }

        // Most writes neither end with a high surrogate nor follow one that did: those are encoded without the
        // encoder's state, which costs a page of short writes a good part of its time.
        var endsWithHighSurrogate = !text.IsEmpty && char.IsHighSurrogate(text[^1]);
        if (!_encoderHoldsSurrogate && !endsWithHighSurrogate)
        {
            _length += Encoding.GetBytes(text, _bytes.AsSpan(_length));
            return;
        }

        _length += _encoder.GetBytes(text, _bytes.AsSpan(_length), flush);
        // An empty write leaves a held surrogate where it is, waiting for the next character.
        _encoderHoldsSurrogate = !flush && (endsWithHighSurrogate || (text.IsEmpty && _encoderHoldsSurrogate));
    }
}
