using CustomerValue.Internal;

namespace CustomerValue.Tiers;

/// <summary>
/// A numeric or score column read as doubles (score 0, missing, reads as NaN). A numeric column is read in place;
/// only a score column is converted. Worker threads read <see cref="Memory"/>, since a span cannot be captured.
/// </summary>
internal readonly struct NumericInput
{
    private readonly NumericColumn? _column;
    private readonly double[]? _converted;

    private NumericInput(NumericColumn? column, double[]? converted)
    {
        _column = column;
        _converted = converted;
    }

    public ReadOnlySpan<double> Values => _column is not null ? _column.Values : _converted;

    public ReadOnlyMemory<double> Memory => _column is not null ? _column.Memory : _converted;

    public int Length => _column?.Length ?? _converted!.Length;

    /// <summary>Gets the numeric column read in place, or null for a converted score column (whose statistics are not shared).</summary>
    public NumericColumn? Source => _column;

    /// <summary>Reads a numeric column in place.</summary>
    public static NumericInput Of(NumericColumn column) => new(column, null);

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
}
