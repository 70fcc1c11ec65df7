using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace CustomerValue.Csv.Internal;

/// <summary>
/// An array of records that start on a 64-byte boundary, so a record of 64 bytes (or a divisor of 64) never straddles
/// two cache lines: a table read at random then costs one memory access per record instead of two. The memory is pinned,
/// which keeps the alignment for the array's life. Indexes are not checked: callers stay below <see cref="Length"/>.
/// </summary>
internal sealed unsafe class AlignedArray<T>
    where T : unmanaged
{
    private const int LineSize = 64;
    private readonly byte[] _bytes;
    private readonly int _offset;

    public AlignedArray(int length)
    {
        _bytes = GC.AllocateArray<byte>(checked((length * sizeof(T)) + LineSize), pinned: true);
        var address = (nint)Unsafe.AsPointer(ref MemoryMarshal.GetArrayDataReference(_bytes));
        _offset = (int)((LineSize - (address & (LineSize - 1))) & (LineSize - 1));
        Length = length;
    }

    public int Length { get; }

    public ref T this[int index]
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => ref Unsafe.Add(ref Unsafe.As<byte, T>(ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_bytes), _offset)), index);
    }

    /// <summary>Returns a copy with room for <paramref name="length"/> records, the first ones copied.</summary>
    public AlignedArray<T> Resize(int length)
    {
        var copy = new AlignedArray<T>(length);
        var count = Math.Min(length, Length);
        new ReadOnlySpan<T>(Unsafe.AsPointer(ref this[0]), count).CopyTo(new Span<T>(Unsafe.AsPointer(ref copy[0]), count));
        return copy;
    }
}
