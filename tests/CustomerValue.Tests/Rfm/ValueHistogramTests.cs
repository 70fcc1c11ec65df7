using CustomerValue.Internal;
using CustomerValue.Rfm;
using Xunit;

namespace CustomerValue.Tests.Rfm;

/// <summary>Large inputs take the two-halves parallel path of the histogram; these pin it to a sort of the same values.</summary>
public sealed class ValueHistogramTests
{
    private const int Large = 300_000;

    [Fact]
    public void Build_LargeDoublesSplitIntoHalves_RefinedCellsEqualSortedDistinctCounts()
    {
        Assert.True(Ranges.IsSplit(Large));
        var random = new Random(3);

        // Heavy ties (zero and 9.99) between spread-out amounts, so the halves see pure buckets, blobs and shared buckets.
        var values = new double[Large];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = random.Next(10) switch
            {
                0 => 0,
                1 => 9.99,
                _ => Math.Round(random.NextDouble() * random.NextDouble() * 5000, 2),
            };
        }

        var histogram = ValueHistogram.Build(values, allowCounting: false);
        var marks = new bool[histogram.CellCount];
        for (var c = 0; c < marks.Length; c++)
        {
            marks[c] = !histogram.IsExactCell(c);
        }

        histogram.Refine(values, marks);

        var (expectedValues, expectedCounts) = BinningReference.Distinct(values);
        Assert.True(histogram.IsExact);
        Assert.Equal(expectedValues, histogram.CellValues.ToArray());
        Assert.Equal(expectedCounts, histogram.CellCounts.ToArray().Select(c => (long)c));
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(4, 7)]
    [InlineData(8, 3)]
    [InlineData(12, 5)]
    public void Refine_FewRunsOfMarkedCells_MakesThemExactWithTheCountsOfASort(int runs, int seed)
    {
        // Few marked runs take the vector scan by key ranges; 12 runs take the bucket look-up. Negative values, both
        // zeros and heavy ties check the key mapping of the scan against the scalar one.
        var random = new Random(seed);
        var values = new double[Large];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = random.Next(8) switch
            {
                0 => -0.0,
                1 => 0,
                2 => -Math.Round(random.NextDouble() * 300, 2),
                _ => Math.Round(random.NextDouble() * random.NextDouble() * 5000, 2),
            };
        }

        var histogram = ValueHistogram.Build(values, allowCounting: false);
        var marks = new bool[histogram.CellCount];
        for (var r = 0; r < runs; r++)
        {
            var start = random.Next(histogram.CellCount);
            for (var c = start; c < Math.Min(histogram.CellCount, start + 1 + random.Next(20)); c++)
            {
                marks[c] = true;
            }
        }

        var markedValues = Enumerable.Range(0, marks.Length).Where(c => marks[c]).Select(c => histogram.CellValues[c]).ToArray();
        histogram.Refine(values, marks);

        var counts = values.GroupBy(v => v + 0.0).ToDictionary(g => g.Key, g => (long)g.Count());
        for (var c = 0; c < histogram.CellCount; c++)
        {
            if (histogram.IsExactCell(c))
            {
                Assert.Equal(counts[histogram.CellValues[c]], histogram.CellCounts[c]);
            }
        }

        Assert.Equal(values.Length, histogram.CellCounts.ToArray().Sum(c => (long)c));
        Assert.NotEmpty(markedValues);
    }

    [Fact]
    public void Build_LargeIntegersSplitIntoHalves_CountsEveryValue()
    {
        var random = new Random(5);
        var values = Enumerable.Range(0, Large).Select(_ => (double)random.Next(-20, 700)).ToArray();

        var histogram = ValueHistogram.Build(values);

        var (expectedValues, expectedCounts) = BinningReference.Distinct(values);
        Assert.True(histogram.IsExact);
        Assert.Equal(expectedValues, histogram.CellValues.ToArray());
        Assert.Equal(expectedCounts, histogram.CellCounts.ToArray().Select(c => (long)c));
    }

    [Theory]
    [InlineData(3)]
    [InlineData(5)]
    [InlineData(9)]
    public void FitBalanced_LargeTiedDoublesOnTheParallelPath_EqualsExactDynamicProgramme(int bins)
    {
        var random = new Random(bins);
        var values = Enumerable.Range(0, Large).Select(_ => Math.Round(Math.Pow(random.NextDouble(), 3) * 40, 1)).ToArray();

        var cuts = RfmBinning.FitBalanced(values, bins, higherIsBetter: true, allowCounting: false);

        Assert.Equal(BinningReference.Dynamic(values, bins), cuts.Thresholds);
    }
}
