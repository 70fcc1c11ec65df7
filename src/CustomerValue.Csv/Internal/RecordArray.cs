using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace CustomerValue.Csv.Internal;

/// <summary>
/// A growable array of records in segments of doubling size (64, 128, 256, ... records), each starting on a 64-byte
/// boundary. Growing never copies, so the memory allocated is what is used (rounded to a segment) and no garbage is left
/// for the collector; a record of 64 bytes (or a divisor of 64) never straddles two cache lines, so a table read at
/// random costs one memory access per record. The segments are pinned (their addresses are kept) and not zeroed: a
/// record is written before it is read. Indexes are not checked: callers stay below <see cref="Capacity"/>.
/// </summary>
internal sealed unsafe class RecordArray<T>
    where T : unmanaged
{
    private const int FirstBits = 6;
    private const int LineSize = 64;
    private readonly byte[][] _segments = new byte[32 - FirstBits][];
    private readonly nint[] _starts = new nint[32 - FirstBits];
    private int _segmentCount;

    public int Capacity { get; private set; }

    public ref T this[int index]
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get
        {
            unchecked
            {
                var biased = (uint)index + (1u << FirstBits);
                var segment = BitOperations.Log2(biased) - FirstBits;
                var start = Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_starts), segment);
                return ref Unsafe.AsRef<T>((void*)(start + ((nint)(biased - (1u << (segment + FirstBits))) * sizeof(T))));
            }
        }
    }

    /// <summary>Makes room for at least <paramref name="count"/> records, adding segments.</summary>
    public void EnsureCapacity(int count)
    {
        while (Capacity < count)
        {
            var length = 1 << (_segmentCount + FirstBits);
            var bytes = GC.AllocateUninitializedArray<byte>(checked((length * sizeof(T)) + LineSize), pinned: true);
            var address = (nint)Unsafe.AsPointer(ref MemoryMarshal.GetArrayDataReference(bytes));
            _segments[_segmentCount] = bytes;
            _starts[_segmentCount] = (address + LineSize - 1) & ~(nint)(LineSize - 1);
            _segmentCount++;
            Capacity += length;
        }
    }
}
