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
    /// Takes ids as UTF-8 bytes in parts: part p holds the ids of rows <paramref name="starts"/>[p] onwards, the id of
    /// its row i ending at <c>ends[p][i]</c> in <c>bytes[p]</c>. The caller hands the arrays over.
    /// </summary>
    public static CustomerIdList FromUtf8(int count, int[] starts, byte[][] bytes, int[][] ends)
        => new(count, new Lazy<string[]>(() => Decode(count, starts, bytes, ends), LazyThreadSafetyMode.ExecutionAndPublication));

    private static string[] Decode(int count, int[] starts, byte[][] bytes, int[][] ends)
    {
        var ids = new string[count];
        Parallel.For(0, starts.Length, part =>
        {
            var text = bytes[part];
            var partEnds = ends[part];
            var from = 0;
            for (var i = 0; i < partEnds.Length; i++)
            {
                ids[starts[part] + i] = Encoding.UTF8.GetString(text, from, partEnds[i] - from);
                from = partEnds[i];
            }
        });
        return ids;
    }
}
