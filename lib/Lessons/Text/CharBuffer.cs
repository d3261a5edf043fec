using System.Buffers;

namespace Lessons.Text;

/// <summary>A growable run of chars on the stack (or a pooled array once it outgrows it), for building tokens
/// without allocating. Dispose returns the pooled array.</summary>
internal ref struct CharBuffer
{
    private Span<char> buffer;
    private char[]? rented;
    private int length;

    public CharBuffer(Span<char> initial)
    {
        buffer = initial;
        rented = null;
        length = 0;
    }

    public readonly int Length => length;

    public readonly ReadOnlySpan<char> Span => buffer[..length];

    public void Clear() => length = 0;

    public void Append(char c)
    {
        if (length == buffer.Length) Grow(1);
        buffer[length++] = c;
    }

    public void Append(scoped ReadOnlySpan<char> chars)
    {
        if (length + chars.Length > buffer.Length) Grow(chars.Length);
        chars.CopyTo(buffer[length..]);
        length += chars.Length;
    }

    private void Grow(int extra)
    {
        var bigger = ArrayPool<char>.Shared.Rent(Math.Max(buffer.Length * 2, length + extra));
        buffer[..length].CopyTo(bigger);
        if (rented is not null) ArrayPool<char>.Shared.Return(rented);
        rented = bigger;
        buffer = bigger;
    }

    public void Dispose()
    {
        if (rented is not null) ArrayPool<char>.Shared.Return(rented);
        rented = null;
    }
}
