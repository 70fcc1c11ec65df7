using System.Globalization;
using FsCheck;
using FsCheck.Fluent;

namespace CustomerValue.Tests.Tiers;

/// <summary>Small frames and bounded generators for the tier tests.</summary>
internal static class TierFrames
{
    public static string[] Ids(int n, string prefix = "C")
        => [.. Enumerable.Range(0, n).Select(i => prefix + i.ToString("D3", CultureInfo.InvariantCulture))];

    public static CustomerFrame Revenue(params double[] values)
        => CustomerFrame.Create(Ids(values.Length), [new NumericColumn(ColumnNames.Revenue, values)]);

    public static CustomerFrame Run(CustomerPipelineBuilder builder, CustomerFrame population)
        => builder.WithInputColumns(population.Columns.Select(c => c.Name)).Build().Run(population);

    /// <summary>The tier of every row, "(none)" for a customer without a tier.</summary>
    public static string[] TiersOf(CustomerFrame scored, string column = ColumnNames.Tier)
    {
        var tiers = scored.GetCategory(column);
        return [.. Enumerable.Range(0, scored.Count).Select(i => tiers[i] ?? "(none)")];
    }

    /// <summary>1..80 whole-number values in -20..400 with many ties and at least one positive value (exact in doubles).</summary>
    public static Arbitrary<double[]> Values()
        => (from n in Gen.Choose(0, 79)
            from first in Gen.Choose(1, 400)
            from rest in Gen.ArrayOf(Gen.OneOf(Gen.Choose(-20, 400), Gen.Choose(0, 12), Gen.Elements(25, 50, 100)), n)
            select rest.Prepend(first).Select(v => (double)v).ToArray()).ToArbitrary();

    /// <summary>Returns the rows in a seeded random order.</summary>
    public static int[] Shuffle(int n, int seed)
    {
        var order = Enumerable.Range(0, n).ToArray();
        new Random(seed).Shuffle(order);
        return order;
    }
}
