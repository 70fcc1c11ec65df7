using CustomerValue.Internal;

namespace CustomerValue.Tiers;

/// <summary>
/// A numeric or score column read as doubles (score 0, missing, reads as NaN). A numeric column is read in place;
/// only a score column is converted. Worker threads re-read the span from here, since a span cannot be captured.
/// </summary>
internal readonly struct NumericInput
{
    /// <summary>Passes over at least this many customers are split across two threads.</summary>
    internal const int ParallelThreshold = 200_000;

    private readonly NumericColumn? _column;
    private readonly double[]? _converted;

    private NumericInput(NumericColumn? column, double[]? converted)
    {
        _column = column;
        _converted = converted;
    }

    public ReadOnlySpan<double> Values => _column is not null ? _column.Values : _converted;

    public int Length => _column?.Length ?? _converted!.Length;

    /// <summary>Returns whether a column of <paramref name="kind"/> can be read as numbers.</summary>
    public static bool IsNumeric(ColumnKind kind) => kind is ColumnKind.Numeric or ColumnKind.Score;

    /// <summary>Reads <paramref name="column"/>, failing with a message that names the stage and the option when it is not numeric.</summary>
    public static NumericInput Read(CustomerFrame population, string column, string stage, string option)
    {
        switch (population[column])
        {
            case NumericColumn numeric:
                return new NumericInput(numeric, null);
            case ScoreColumn score:
                var values = new double[score.Length];
                var bytes = score.Values;
                for (var i = 0; i < values.Length; i++)
                {
                    values[i] = bytes[i] == 0 ? double.NaN : bytes[i];
                }

                return new NumericInput(null, values);
            case var other:
                throw new ArgumentException(Guard.Invariant(
                    $"Stage '{stage}' reads column '{column}' as numbers, but it is a {other.Kind} column; set {option} to a numeric or score column."), nameof(population));
        }
    }

    /// <summary>Runs <paramref name="body"/> on 0..n, or on two halves in parallel for large n; each half writes only its own rows.</summary>
    public static void ForRanges(int n, Action<int, int> body)
    {
        if (n >= ParallelThreshold)
        {
            var half = n / 2;
            Parallel.Invoke(() => body(0, half), () => body(half, n));
        }
        else
        {
            body(0, n);
        }
    }

    /// <summary>
    /// Like <see cref="ForRanges"/>, but hands each half to <paramref name="body"/> in cache-sized blocks, so a stage
    /// that makes several passes (one per rule, say) reads each block from memory once rather than once per pass.
    /// </summary>
    public static void ForBlocks(int n, Action<int, int> body)
        => ForRanges(n, (start, end) =>
        {
            const int Block = 16_384;
            for (var from = start; from < end; from += Block)
            {
                body(from, Math.Min(end, from + Block));
            }
        });
}
