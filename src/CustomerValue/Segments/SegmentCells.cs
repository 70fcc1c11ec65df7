using CustomerValue.Internal;

namespace CustomerValue;

/// <summary>
/// The cells of one segment in a cell map, written as digit strings: two digits "R FM" for
/// <see cref="SegmentMap.FromRecencyFmCells"/> (e.g. "54" is R = 5, FM = 4) and three digits "R F M" for
/// <see cref="SegmentMap.FromCodes"/> (e.g. "545"). Immutable.
/// </summary>
/// <remarks>The cells are checked against the map's bins when a map is built from them.</remarks>
public sealed class SegmentCells
{
    private readonly string[] _cells;

    /// <summary>Creates the cell list of <paramref name="segment"/> from a copy of <paramref name="cells"/>.</summary>
    /// <param name="segment">The segment name.</param>
    /// <param name="cells">The cells, as digit strings.</param>
    /// <exception cref="ArgumentNullException"><paramref name="segment"/>, <paramref name="cells"/> or one of the cells is null.</exception>
    public SegmentCells(string segment, params IEnumerable<string> cells)
    {
        Segment = Guard.NotNull(segment);
        _cells = [.. Guard.NotNull(cells)];
        foreach (var cell in _cells)
        {
            if (cell is null)
            {
                throw new ArgumentNullException(nameof(cells), Guard.Invariant($"Segment '{segment}' lists a null cell; every cell must be a digit string such as \"545\"."));
            }
        }
    }

    /// <summary>Gets the segment name.</summary>
    public string Segment { get; }

    /// <summary>Gets the cells, as digit strings, in the order given.</summary>
    public IReadOnlyList<string> Cells => _cells;
}
