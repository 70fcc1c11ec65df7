using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace CustomerValue.Csv.Internal;

/// <summary>
/// Accepted purchases and returns on their way from a parsing thread to the table that owns their customers, and within
/// a table to a shard: compact records, the bytes of long ids in one arena, and the rare wide data (exact amounts,
/// returns) on the side. Reused.
/// </summary>
internal sealed class RecordBlock
{
    /// <summary>The records a parsing thread gathers for one table before handing them over.</summary>
    public const int TransferCapacity = 16384;
    public const int ExactFlag = 1 << 5;
    public const int ReturnFlag = 1 << 6;

    private readonly int _firstGrowth;

    /// <param name="capacity">The records it holds at first; <see cref="CopyFrom"/> makes room for more.</param>
    /// <param name="firstGrowth">The records it holds after it first grows, when the caller expects about that many (at least twice <paramref name="capacity"/> anyway).</param>
    public RecordBlock(int capacity = TransferCapacity, int firstGrowth = 0)
    {
        Records = new RowRecord[capacity];
        _firstGrowth = firstGrowth;
    }

    public RowRecord[] Records { get; private set; }

    public int Count { get; private set; }

    /// <summary>Gets the bytes after the first 16 of the long ids.</summary>
    public KeyArena Keys { get; } = new(4096);

    public List<decimal> Exacts { get; } = [];

    public List<PendingReturn> Returns { get; } = [];

    public bool IsFull
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => Count == Records.Length;
    }

    public void Clear()
    {
        Count = 0;
        Keys.Clear();
        Exacts.Clear();
        Returns.Clear();
    }

    /// <summary>Returns the bytes after the first 16 of a long id (the first 16 travel in the record).</summary>
    public ReadOnlySpan<byte> KeyRest(in RowRecord record) => Keys.Get(record.KeyOffset, record.Id.Length - 16);

    // Inlined into the parsing loop; the rare parts (long ids, exact amounts) are calls of their own.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Add(in IdKey id, ReadOnlySpan<byte> key, int day, in ParsedAmount amount)
    {
        ref var record = ref Records[Count++];
        record.Id = id;
        record.Day = day;
        record.Amount = amount.Units;
        record.Flags = 1 << amount.Scale;
        if (key.Length > 16 || amount.IsExact)
        {
            AddWide(ref record, key, amount);
        }
    }

    private void AddWide(ref RowRecord record, ReadOnlySpan<byte> key, in ParsedAmount amount)
    {
        if (key.Length > 16)
        {
            record.KeyOffset = Keys.Append(key[16..]);
        }

        if (amount.IsExact)
        {
            record.Amount = Exacts.Count;
            record.Flags = ExactFlag;
            Exacts.Add(amount.Exact);
        }
    }

    /// <summary>Appends record <paramref name="index"/> of <paramref name="source"/> with its side data, growing when full.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void CopyFrom(RecordBlock source, int index)
    {
        if (Count == Records.Length)
        {
            var records = Records;
            Array.Resize(ref records, Math.Max(records.Length * 2, _firstGrowth));
            Records = records;
        }

        ref readonly var record = ref source.Records[index];
        ref var copy = ref Records[Count++];
        copy = record;
        if (record.Id.Length > 16 || (record.Flags & (ExactFlag | ReturnFlag)) != 0)
        {
            CopySideData(source, ref copy);
        }
    }

    /// <summary>Adds a netted return, kept whole in case its customer turns out to have no purchase.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void AddReturn(in IdKey id, ReadOnlySpan<byte> key, int day, in ParsedAmount amount, in PendingReturn pending)
    {
        Add(id, key, day, amount);
        ref var record = ref Records[Count - 1];
        record.Flags |= ReturnFlag;
        record.Extra = Returns.Count;
        Returns.Add(pending);
    }

    private void CopySideData(RecordBlock source, ref RowRecord copy)
    {
        if (copy.Id.Length > 16)
        {
            copy.KeyOffset = Keys.Append(source.KeyRest(copy));
        }

        if ((copy.Flags & ExactFlag) != 0)
        {
            Exacts.Add(source.Exacts[(int)copy.Amount]);
            copy.Amount = Exacts.Count - 1;
        }

        if ((copy.Flags & ReturnFlag) != 0)
        {
            Returns.Add(source.Returns[copy.Extra]);
            copy.Extra = Returns.Count - 1;
        }
    }
}

/// <summary>An accepted purchase or return: the amount is units with a one-bit scale mask, or (<see cref="RecordBlock.ExactFlag"/>) an index into the exact amounts.</summary>
internal struct RowRecord
{
    public IdKey Id;

    /// <summary>Where the bytes after the first 16 of a long id are in <see cref="RecordBlock.Keys"/>.</summary>
    public int KeyOffset;
    public int Day;
    public long Amount;
    public int Flags;
    public int Extra;
}

/// <summary>A netted return kept until the end, when it becomes an issue if its customer never purchased.</summary>
/// <param name="Chunk">The part of the file it was read from.</param>
/// <param name="Index">Its accepted-row index within the part.</param>
/// <param name="Line">Its line within the part.</param>
/// <param name="Transaction">The transaction as read.</param>
/// <param name="Value">The amount field as written.</param>
internal readonly record struct PendingReturn(int Chunk, int Index, long Line, Transaction Transaction, string Value);

/// <summary>An id's hash and its first 16 UTF-8 bytes (zero-padded): for ids up to 16 bytes, all a table needs to compare.</summary>
internal struct IdKey
{
    public ulong Prefix0;
    public ulong Prefix1;
    public uint Hash;
    public int Length;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static IdKey Of(ReadOnlySpan<byte> key)
    {
        var id = new IdKey { Length = key.Length };
        if (key.Length >= 8)
        {
            id.Prefix0 = BinaryPrimitives.ReadUInt64LittleEndian(key);
            if (key.Length >= 16)
            {
                id.Prefix1 = BinaryPrimitives.ReadUInt64LittleEndian(key[8..]);
            }
            else if (key.Length > 8)
            {
                // The last 8 bytes, shifted so the ones already in Prefix0 drop out and the missing ones read as zero.
                id.Prefix1 = BinaryPrimitives.ReadUInt64LittleEndian(key[^8..]) >> (8 * (16 - key.Length));
            }
        }
        else
        {
            for (var i = key.Length - 1; i >= 0; i--)
            {
                id.Prefix0 = (id.Prefix0 << 8) | key[i];
            }
        }

        id.Hash = HashOf(id.Prefix0, id.Prefix1, key.Length, key.Length > 16 ? key[16..] : default);
        return id;
    }

    /// <summary>Returns whether every byte of the id is printable ASCII (0x21 to 0x7E); <paramref name="key"/> is the id this key was made of.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public readonly bool IsPrintableAscii(ReadOnlySpan<byte> key)
    {
        if (Length > 16)
        {
            return key.IndexOfAnyExceptInRange((byte)0x21, (byte)0x7E) < 0;
        }

        // Bytes below 0x21 wrap to above 0x5D when 0x21 is subtracted, so one unsigned comparison finds both ends.
        var bytes = Vector128.Create(Prefix0, Prefix1).AsByte() - Vector128.Create((byte)0x21);
        var outside = Vector128.GreaterThan(bytes, Vector128.Create((byte)(0x7E - 0x21))).ExtractMostSignificantBits();
        return (outside & ((1u << Length) - 1)) == 0;
    }

    /// <summary>Hashes an id given as its prefix, its length and the bytes after the first 16.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint HashOf(ulong prefix0, ulong prefix1, int length, ReadOnlySpan<byte> rest)
        => Mix(prefix0, rest.IsEmpty ? prefix1 : prefix1 ^ Tail(rest), length);

    /// <summary>Writes the id's first bytes (all of a short id) to <paramref name="destination"/> (16 bytes).</summary>
    public static void WritePrefix(ulong prefix0, ulong prefix1, Span<byte> destination)
    {
        BinaryPrimitives.WriteUInt64LittleEndian(destination, prefix0);
        BinaryPrimitives.WriteUInt64LittleEndian(destination[8..], prefix1);
    }

    // A deterministic hash (the same in every run, so tables fill alike); the top bit routes the id to a thread.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint Mix(ulong a, ulong b, int length)
    {
        unchecked
        {
            var h = (a * 0x9E3779B97F4A7C15UL) ^ (b * 0xC2B2AE3D27D4EB4FUL) ^ ((ulong)length << 56);
            h ^= h >> 32;
            h *= 0xD6E8FEB86659FD93UL;
            h ^= h >> 32;
            return (uint)h;
        }
    }

    private static ulong Tail(ReadOnlySpan<byte> rest)
    {
        unchecked
        {
            var h = 0x2545F4914F6CDD1DUL;
            foreach (var b in rest)
            {
                h = (h ^ b) * 0x100000001B3UL;
            }

            return h;
        }
    }
}
