namespace CustomerValue.Csv.Internal;

/// <summary>
/// Accepted purchases and returns on their way from a parsing thread to the table that owns their customers: compact
/// records, the id bytes in one arena, and the rare wide data (exact amounts, returns) on the side. Reused.
/// </summary>
internal sealed class RecordBlock
{
    public const int Capacity = 16384;
    public const int ExactFlag = 1 << 5;
    public const int ReturnFlag = 1 << 6;

    public RowRecord[] Records { get; } = new RowRecord[Capacity];

    public int Count { get; private set; }

    public byte[] Keys { get; private set; } = new byte[Capacity * 16];

    public int KeysLength { get; private set; }

    public List<decimal> Exacts { get; } = [];

    public List<PendingReturn> Returns { get; } = [];

    public bool IsFull => Count == Capacity;

    public void Clear()
    {
        Count = 0;
        KeysLength = 0;
        Exacts.Clear();
        Returns.Clear();
    }

    public ReadOnlySpan<byte> Key(in RowRecord record) => Keys.AsSpan(record.KeyOffset, record.KeyLength);

    public void Add(uint hash, ReadOnlySpan<byte> key, int day, in ParsedAmount amount, PendingReturn? pending)
    {
        if (Keys.Length - KeysLength < key.Length)
        {
            var keys = Keys;
            Array.Resize(ref keys, Math.Max(keys.Length * 2, KeysLength + key.Length));
            Keys = keys;
        }

        key.CopyTo(Keys.AsSpan(KeysLength));
        ref var record = ref Records[Count++];
        record.Hash = hash;
        record.KeyOffset = KeysLength;
        record.KeyLength = key.Length;
        record.Day = day;
        KeysLength += key.Length;
        if (amount.IsExact)
        {
            record.Amount = Exacts.Count;
            record.Flags = ExactFlag;
            Exacts.Add(amount.Exact);
        }
        else
        {
            record.Amount = amount.Units;
            record.Flags = 1 << amount.Scale;
        }

        if (pending is { } value)
        {
            record.Flags |= ReturnFlag;
            record.Extra = Returns.Count;
            Returns.Add(value);
        }
    }
}

/// <summary>An accepted purchase or return: the amount is units with a one-bit scale mask, or (<see cref="RecordBlock.ExactFlag"/>) an index into the exact amounts.</summary>
internal struct RowRecord
{
    public uint Hash;
    public int KeyOffset;
    public int KeyLength;
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
internal readonly record struct PendingReturn(int Chunk, int Index, long Line, Transaction Transaction);
