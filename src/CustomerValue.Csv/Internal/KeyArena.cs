using System.Runtime.CompilerServices;

namespace CustomerValue.Csv.Internal;

/// <summary>
/// The bytes after the first 16 of long ids, one after another in one growable array (an id of up to 16 bytes travels
/// whole in its <see cref="IdKey"/>, so only the rare long ids store anything here). Reused after <see cref="Clear"/>.
/// </summary>
internal sealed class KeyArena(int capacity)
{
    private byte[] _bytes = new byte[capacity];
    private int _length;

    /// <summary>Returns the <paramref name="length"/> bytes appended at <paramref name="offset"/>.</summary>
    public ReadOnlySpan<byte> Get(int offset, int length) => _bytes.AsSpan(offset, length);

    /// <summary>Appends <paramref name="bytes"/>, growing when full; returns the offset they start at.</summary>
    public int Append(ReadOnlySpan<byte> bytes)
    {
        EnsureRoom(ref _bytes, _length, bytes.Length);
        var offset = _length;
        bytes.CopyTo(_bytes.AsSpan(offset));
        _length += bytes.Length;
        return offset;
    }

    public void Clear() => _length = 0;

    /// <summary>Grows <paramref name="bytes"/>, at least doubling it, when fewer than <paramref name="length"/> bytes follow the first <paramref name="used"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void EnsureRoom(ref byte[] bytes, int used, int length)
    {
        if (bytes.Length - used < length)
        {
            Array.Resize(ref bytes, Math.Max(2 * bytes.Length, used + length));
        }
    }
}
