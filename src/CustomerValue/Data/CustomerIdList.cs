using System.Text;

namespace CustomerValue;

/// <summary>
/// A frame's customer ids: strings, or the UTF-8 bytes a streaming import read, decoded into strings the first time
/// anything asks for them. Most pipelines never do (ties are broken by row when the rows are in id order, and scores
/// need no id), and a million id strings are 48 MB of fresh memory and several collections that promote every one of
/// them. Thread-safe.
/// </summary>
internal sealed class CustomerIdList
{
    private readonly Lazy<string[]> _strings;

    private CustomerIdList(int count, Lazy<string[]> strings)
    {
        Count = count;
        _strings = strings;
    }

    /// <summary>Gets the number of ids.</summary>
    public int Count { get; }

    /// <summary>Gets the ids as strings, decoding them on first use.</summary>
    public string[] Strings => _strings.Value;

    /// <summary>Gets whether the strings exist yet.</summary>
    public bool IsDecoded => _strings.IsValueCreated;

    /// <summary>Wraps strings, without copying them.</summary>
    public static CustomerIdList FromStrings(string[] ids) => new(ids.Length, new Lazy<string[]>(ids));

    /// <summary>
    /// Takes ids as UTF-8 bytes in parts: a part holds the ids of the rows from its start on, the id of its row i ending
    /// at <c>Ends[i]</c> in its bytes. The parts cover the rows, each once; the caller hands the arrays over.
    /// </summary>
    public static CustomerIdList FromUtf8(int count, IReadOnlyList<(int Start, byte[] Bytes, int[] Ends)> parts)
        => new(count, new Lazy<string[]>(() => Decode(count, parts), LazyThreadSafetyMode.ExecutionAndPublication));

    private static string[] Decode(int count, IReadOnlyList<(int Start, byte[] Bytes, int[] Ends)> parts)
    {
        var ids = new string[count];
        Parallel.For(0, parts.Count, p =>
        {
            var (start, bytes, ends) = parts[p];
            var from = 0;
            for (var i = 0; i < ends.Length; i++)
            {
                ids[start + i] = Encoding.UTF8.GetString(bytes, from, ends[i] - from);
                from = ends[i];
            }
        });
        return ids;
    }
}
