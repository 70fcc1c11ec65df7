using CustomerValue.Internal;
using CustomerValue.Rfm;

namespace CustomerValue.Tiers;

/// <summary>Learns count-percentile value thresholds from a <see cref="ValueHistogram"/>: O(n), only the crossing cells are sorted.</summary>
internal static class CountThresholds
{
    /// <summary>
    /// Returns, for each cumulative share (ascending fractions in (0, 1]), the value of the group of equal values at
    /// which the number of customers counted from the top first reaches ceil(share x n), n = customers with a value.
    /// </summary>
    public static double[] Fit(NumericInput input, IReadOnlyList<string> ids, IReadOnlyList<decimal> cumulativeShares, string stage, string column)
    {
        var copy = Finite(input, ids, stage, column);
        var values = copy is null ? input.Memory : copy;
        var histogram = ValueHistogram.Build(values);
        var targets = new long[cumulativeShares.Count];
        for (var k = 0; k < targets.Length; k++)
        {
            targets[k] = (long)Math.Ceiling(cumulativeShares[k] * values.Length);
        }

        var cells = Crossings(histogram, targets);
        var marks = new bool[histogram.CellCount];
        var inexact = false;
        foreach (var cell in cells)
        {
            if (!histogram.IsExactCell(cell))
            {
                marks[cell] = true;
                inexact = true;
            }
        }

        if (inexact)
        {
            // Refining keeps the counts above each crossing, so the crossings now fall on exact cells.
            histogram.Refine(values, marks);
            cells = Crossings(histogram, targets);
        }

        var thresholds = new double[cells.Length];
        for (var k = 0; k < cells.Length; k++)
        {
            thresholds[k] = histogram.CellValues[cells[k]];
        }

        return thresholds;
    }

    private static int[] Crossings(ValueHistogram histogram, long[] targets)
    {
        var cells = new int[targets.Length];
        var counts = histogram.CellCounts;
        var c = counts.Length - 1;
        long cumulative = counts[c];
        for (var k = 0; k < targets.Length; k++)
        {
            while (cumulative < targets[k])
            {
                c--;
                cumulative += counts[c];
            }

            cells[k] = c;
        }

        return cells;
    }

    // The histogram needs finite values; missing ones are left out (copying only when there are any).
    private static double[]? Finite(NumericInput input, IReadOnlyList<string> ids, string stage, string column)
    {
        var span = input.Values;
        var finite = 0;
        for (var i = 0; i < span.Length; i++)
        {
            if (double.IsInfinity(span[i]))
            {
                throw PopulationError.Create(Guard.Invariant(
                    $"Customer '{ids[i]}' has {span[i]} in column '{column}'; stage '{stage}' needs finite values to rank. Fill or drop such customers (a missing value, NaN, gets no tier)."));
            }

            finite += double.IsNaN(span[i]) ? 0 : 1;
        }

        if (finite == 0)
        {
            throw PopulationError.Create(Guard.Invariant(
                $"No customer has a value in column '{column}', so stage '{stage}' has nothing to rank; fit on a population with values or set ValueColumn to another column."));
        }

        if (finite == span.Length)
        {
            return null;
        }

        var values = new double[finite];
        var j = 0;
        foreach (var v in span)
        {
            if (!double.IsNaN(v))
            {
                values[j++] = v;
            }
        }

        return values;
    }
}
