using System.Text;

namespace CustomerValue.Csv.Internal;

/// <summary>
/// Returns one string instance per distinct UTF-8 value, so a log with millions of rows and thousands of customers
/// allocates each customer id once. Past <see cref="MaxEntries"/> distinct values it stops remembering new ones, which
/// bounds its memory on files whose values never repeat.
/// </summary>
internal sealed class StringPool
{
    public const int MaxEntries = 4_000_000;
    private const int MaxPooledBytes = 128;

    private readonly HashSet<string> _strings = new(SpanComparer.Instance);
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    // Exports are often grouped by customer: a run of rows with the same id skips the table (and its cache misses).
    private readonly byte[] _lastBytes = new byte[MaxPooledBytes];
    private int _lastLength = -1;
    private string _last = string.Empty;

    public StringPool() => _lookup = _strings.GetAlternateLookup<ReadOnlySpan<char>>();

    public string Get(ReadOnlySpan<byte> utf8)
    {
        if (utf8.Length > MaxPooledBytes)
        {
            return Encoding.UTF8.GetString(utf8);
        }

        if (utf8.Length == _lastLength && utf8.SequenceEqual(_lastBytes.AsSpan(0, _lastLength)))
        {
            return _last;
        }

        _last = Lookup(utf8);
        utf8.CopyTo(_lastBytes);
        _lastLength = utf8.Length;
        return _last;
    }

    private string Lookup(ReadOnlySpan<byte> utf8)
    {

        Span<char> chars = stackalloc char[MaxPooledBytes];
        var text = chars[..Encoding.UTF8.GetChars(utf8, chars)];
        if (_lookup.TryGetValue(text, out var pooled))
        {
            return pooled;
        }

        var value = new string(text);
        if (_strings.Count < MaxEntries)
        {
            _strings.Add(value);
        }

        return value;
    }

    // Ids such as C000001..C200000 collide badly under the non-randomised hash that HashSet<string> starts with, and a
    // set switches to the randomised one only on Add, never on alternate lookups; this comparer always randomises.
    private sealed class SpanComparer : IEqualityComparer<string>, IAlternateEqualityComparer<ReadOnlySpan<char>, string>
    {
        public static readonly SpanComparer Instance = new();

        public bool Equals(string? x, string? y) => string.Equals(x, y, StringComparison.Ordinal);

        public int GetHashCode(string obj) => string.GetHashCode(obj.AsSpan());

        public bool Equals(ReadOnlySpan<char> alternate, string other) => alternate.SequenceEqual(other);

        public int GetHashCode(ReadOnlySpan<char> alternate) => string.GetHashCode(alternate);

        public string Create(ReadOnlySpan<char> alternate) => new(alternate);
    }
}
