using CustomerValue.Priority;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Xunit;

namespace CustomerValue.Tests.Priority;

/// <summary>
/// The look-up of <see cref="PercentileTable"/> (radix buckets and a fixed-step search) against a scan over the knots
/// that follows the documented semantics: mid-rank at a knot, linear over the customers strictly between two knots.
/// </summary>
public sealed class PercentileTableTests
{
    [Property(MaxTest = 300)]
    public Property Percentile_AnyKnotsAndQueries_EqualsAScanOverTheKnots()
        => Prop.ForAll(Knots().ToArbitrary(), Gen.Choose(0, 1_000_000).ToArbitrary(), (knots, seed) =>
        {
            var (values, below, ties, count) = knots;
            var table = new PercentileTable(values, below, ties, count);
            var random = new Random(seed);
            foreach (var query in Queries(values, random))
            {
                Assert.Equal(Reference(values, below, ties, count, query), table.Percentile(query));
            }
        });

    [Fact]
    public void Percentile_ThousandKnotsInOneBucket_StillFindsEachKnot()
    {
        // A wide range with one tight cluster puts most knots into a single radix bucket: the longest search window.
        var values = new[] { 0.0 }.Concat(Enumerable.Range(0, 1000).Select(i => 1000 + (i * 1e-9))).Concat([1e9]).ToArray();
        var below = Enumerable.Range(0, values.Length).Select(i => (long)i * 3).ToArray();
        var ties = Enumerable.Repeat(2L, values.Length).ToArray();
        var count = (3L * values.Length) - 1;
        var table = new PercentileTable(values, below, ties, count);

        for (var k = 0; k < values.Length; k++)
        {
            Assert.Equal((below[k] + 1.0) / count, table.Percentile(values[k]));
        }
    }

    private static Gen<(double[] Values, long[] Below, long[] Ties, long Count)> Knots()
        => from size in Gen.Choose(1, 60)
           from cluster in Gen.Elements(1e-9, 1e-3, 1.0, 1e4)
           from start in Gen.Choose(-5_000, 5_000)
           from steps in Gen.Choose(1, 1_000).ArrayOf(size)
           from tieCounts in Gen.Choose(1, 5).ArrayOf(size)
           from gaps in Gen.Choose(0, 4).ArrayOf(size)
           select Build(start, cluster, steps, tieCounts, gaps);

    private static (double[], long[], long[], long) Build(int start, double cluster, int[] steps, int[] tieCounts, int[] gaps)
    {
        var values = new List<double>();
        var below = new List<long>();
        var ties = new List<long>();
        var value = (double)start;
        var seen = 0L;
        for (var k = 0; k < steps.Length; k++)
        {
            // Mostly tight steps (many knots per bucket) with the odd wide jump; values strictly increase.
            value = k % 7 == 6 ? value + (steps[k] * 100.0) : Math.Max(Math.BitIncrement(value), value + (steps[k] * cluster));
            seen += gaps[k];
            values.Add(value);
            below.Add(seen);
            ties.Add(tieCounts[k]);
            seen += tieCounts[k];
        }

        return ([.. values], [.. below], [.. ties], seen);
    }

    private static IEnumerable<double> Queries(double[] values, Random random)
    {
        yield return values[0] - 1;
        yield return values[^1] + 1;
        foreach (var v in values)
        {
            yield return v;
            yield return Math.BitDecrement(v);
            yield return Math.BitIncrement(v);
        }

        for (var i = 0; i < 50; i++)
        {
            yield return values[0] + ((values[^1] - values[0]) * random.NextDouble());
        }
    }

    private static double Reference(double[] values, long[] below, long[] ties, long count, double value)
    {
        if (value < values[0])
        {
            return 0;
        }

        if (value > values[^1])
        {
            return 1;
        }

        var lo = 0;
        while (values[lo] < value)
        {
            lo++;
        }

        if (values[lo] == value)
        {
            return (below[lo] + (ties[lo] * 0.5)) / count;
        }

        var a = lo - 1;
        var upToA = below[a] + ties[a];
        var fraction = Math.Clamp((value - values[a]) / (values[lo] - values[a]), 0, 1);
        return (upToA + ((below[lo] - upToA) * fraction)) / count;
    }
}
