using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace ServerlessBlog.Core.Rendering;

/// <summary>
/// Counts words: runs of characters that are not white space (<see cref="char.IsWhiteSpace(char)"/>). Every post's
/// source is counted for its reading time, so the usual ASCII text is counted sixteen characters at a time; a block
/// with anything else in it is counted one character at a time.
/// </summary>
internal static class WordCount
{
    public static int Of(ReadOnlySpan<char> text)
    {
        var words = 0;
        var afterSpace = true;
        var i = 0;
        if (Vector256.IsHardwareAccelerated && text.Length >= Vector256<ushort>.Count)
        {
            ref var first = ref Unsafe.As<char, ushort>(ref MemoryMarshal.GetReference(text));
            for (; i <= text.Length - Vector256<ushort>.Count; i += Vector256<ushort>.Count)
            {
                var chars = Vector256.LoadUnsafe(ref first, (nuint)i);
                var space = Vector256.Equals(chars, Vector256.Create((ushort)' '))
                    | Vector256.Equals(chars, Vector256.Create((ushort)'\n'))
                    | Vector256.Equals(chars, Vector256.Create((ushort)'\t'))
                    | Vector256.Equals(chars, Vector256.Create((ushort)'\r'));
                var other = Vector256.GreaterThan(chars, Vector256.Create((ushort)'~'))
                    | (Vector256.LessThan(chars, Vector256.Create((ushort)' ')) & ~space);
                if (other != Vector256<ushort>.Zero)
                {
                    words += OneByOne(text.Slice(i, Vector256<ushort>.Count), ref afterSpace);
                    continue;
                }

                // A word starts where a character that is not space follows a space (or the space before the block).
                var spaces = space.ExtractMostSignificantBits();
                var before = (spaces << 1) | (afterSpace ? 1u : 0u);
                words += BitOperations.PopCount(~spaces & before & 0xFFFF);
                afterSpace = (spaces & 0x8000) != 0;
            }
        }

        return words + OneByOne(text[i..], ref afterSpace);
    }

    private static int OneByOne(ReadOnlySpan<char> text, ref bool afterSpace)
    {
        var words = 0;
        foreach (var c in text)
        {
            var isSpace = char.IsWhiteSpace(c);
            if (!isSpace && afterSpace)
            {
                words++;
            }

            afterSpace = isSpace;
        }

        return words;
    }
}
