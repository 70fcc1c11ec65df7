using System.Runtime.CompilerServices;
using System.Numerics;
using System.Runtime.InteropServices;

namespace CustomerValue;

/// <summary>
/// The two keys the summary builder derives from a customer id: a deterministic hash (partitioning and table lookup) and an
/// order key that sorts ids in ordinal order without touching their characters again.
/// </summary>
internal static class CustomerIdKeys
{
    private const int OrderKeyChars = 9;

    /// <summary>Hashes the UTF-16 code units of <paramref name="id"/>; never 0, so 0 can mark "no record".</summary>
    /// <remarks>Own function rather than string.GetHashCode, which is randomised per process: bucket contents then never vary between runs.</remarks>
    public static uint Hash(string id)
    {
        unchecked
        {
            var chars = id.AsSpan();
            var h = ((ulong)chars.Length * 0x9E3779B97F4A7C15UL) ^ 0x2545F4914F6CDD1DUL;
            foreach (var word in MemoryMarshal.Cast<char, ulong>(chars))
            {
                h = (h ^ word) * 0xBF58476D1CE4E5B9UL;
                h ^= h >> 29;
            }

            for (var i = chars.Length & ~3; i < chars.Length; i++)
            {
                h = (h ^ chars[i]) * 0x94D049BB133111EBUL;
                h ^= h >> 29;
            }

            h ^= h >> 33;
            h *= 0xFF51AFD7ED558CCDUL;
            h ^= h >> 33;
            h *= 0xC4CEB9FE1A85EC53UL;
            h ^= h >> 33;
            return (uint)(h >> 32) | 1u;
        }
    }

    /// <summary>
    /// Packs the 9 characters after the prefix every id shares into 7-bit digits (0 = end of id, c + 1 for c below 126,
    /// 127 = "126 or above, compare the strings"). Ordinal order of ids never contradicts key order; equal keys need a string comparison.
    /// </summary>
    public static ulong OrderKey(string id, int sharedPrefix)
    {
        var key = 0UL;
        var end = Math.Min(id.Length, sharedPrefix + OrderKeyChars);
        for (var i = sharedPrefix; i < end; i++)
        {
            var shift = 7 * (OrderKeyChars - 1 - (i - sharedPrefix));
            var c = id[i];
            if (c >= 126)
            {
                return key | (127UL << shift);
            }

            key |= (ulong)(c + 1) << shift;
        }

        return key;
    }

    /// <summary>Sorts <paramref name="order"/> (indexes into <paramref name="ids"/>) into ordinal id order, given each id's order key.</summary>
    public static void SortOrdinal(ulong[] keys, int[] order, string[] ids)
        => SortByKey(keys, order, (a, b) => string.CompareOrdinal(ids[a], ids[b]));

    /// <summary>Sorts <paramref name="order"/> (with <paramref name="keys"/>) by key, and runs of equal keys by <paramref name="compare"/> of the whole ids.</summary>
    public static void SortByKey(ulong[] keys, int[] order, Comparison<int> compare)
    {
        RadixSort(keys, order);
        for (var start = 0; start < keys.Length;)
        {
            var end = start + 1;
            while (end < keys.Length && keys[end] == keys[start])
            {
                end++;
            }

            if (end - start > 1)
            {
                order.AsSpan(start, end - start).Sort(compare);
            }

            start = end;
        }
    }

    // LSD radix sort on 11-bit digits; digits every key shares (common in ids with a fixed layout) are skipped.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void RadixSort(ulong[] keys, int[] order)
    {
        const int bits = 11;
        const int radix = 1 << bits;
        const int digits = (64 + bits - 1) / bits;
        var n = keys.Length;
        var counts = new int[digits * radix];
        foreach (var key in keys)
        {
            for (var d = 0; d < digits; d++)
            {
                counts[(d * radix) + (int)((key >> (d * bits)) & (radix - 1))]++;
            }
        }

        var keysBuffer = GC.AllocateUninitializedArray<ulong>(n);
        var orderBuffer = GC.AllocateUninitializedArray<int>(n);
        var (fromKeys, fromOrder, toKeys, toOrder) = (keys, order, keysBuffer, orderBuffer);
        for (var d = 0; d < digits; d++)
        {
            var count = counts.AsSpan(d * radix, radix);
            if (n == 0 || count[(int)((keys[0] >> (d * bits)) & (radix - 1))] == n)
            {
                continue;
            }

            var sum = 0;
            for (var v = 0; v < radix; v++)
            {
                (count[v], sum) = (sum, sum + count[v]);
            }

            var shift = d * bits;
            for (var i = 0; i < n; i++)
            {
                var key = fromKeys[i];
                var slot = count[(int)((key >> shift) & (radix - 1))]++;
                toKeys[slot] = key;
                toOrder[slot] = fromOrder[i];
            }

            (fromKeys, fromOrder, toKeys, toOrder) = (toKeys, toOrder, fromKeys, fromOrder);
        }

        if (!ReferenceEquals(fromKeys, keys))
        {
            fromKeys.CopyTo(keys, 0);
            fromOrder.CopyTo(order, 0);
        }
    }

    /// <summary>Returns how many leading characters <paramref name="a"/> and <paramref name="b"/> share.</summary>
    public static int SharedPrefix(string a, string b) => a.AsSpan().CommonPrefixLength(b);

    /// <summary>Returns the smallest power of two at least <paramref name="value"/>.</summary>
    public static int PowerOfTwoAtLeast(int value) => (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(value, 1));
}
