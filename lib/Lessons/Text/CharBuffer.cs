using System.Buffers;

namespace Lessons.Text;

/// <summary>A growable run of chars on the stack (or a pooled array once it outgrows it), for building tokens
/// without allocating. Dispose returns the pooled array.</summary>
internal ref struct CharBuffer
{
    private Span<char> _chars;
    private char[]? _rented;
    private int _length;

    public CharBuffer(Span<char> initial)
    {
        _chars = initial;
        _rented = null;
        _length = 0;
    }

    public readonly int Length => _length;

    public readonly ReadOnlySpan<char> Span => _chars[.._length];

    public void Clear() => _length = 0;

    public void Append(char c)
    {
        if (_length == _chars.Length) Grow(1);
        _chars[_length++] = c;
    }

    public void Append(scoped ReadOnlySpan<char> chars)
    {
        if (_length + chars.Length > _chars.Length) Grow(chars.Length);
        chars.CopyTo(_chars[_length..]);
        _length += chars.Length;
    }

    private void Grow(int extra)
    {
        var bigger = ArrayPool<char>.Shared.Rent(Math.Max(_chars.Length * 2, _length + extra));
        _chars[.._length].CopyTo(bigger);
        if (_rented is not null) ArrayPool<char>.Shared.Return(_rented);
        _rented = bigger;
        _chars = bigger;
    }

    public void Dispose()
    {
        if (_rented is not null) ArrayPool<char>.Shared.Return(_rented);
        _rented = null;
    }
}
