using System.Globalization;
using FsCheck;
using FsCheck.Fluent;

namespace CustomerValue.Tests;

/// <summary>Bounded generators for domain inputs (no NaN, no null ids).</summary>
internal static class Generators
{
    /// <summary>A summary-like population of 1..80 customers with many ties: small integer recency and frequency, cent amounts.</summary>
    public static Gen<CustomerFrame> Population(int maxCustomers = 80) =>
        from n in Gen.Choose(1, maxCustomers)
        from recency in Gen.ArrayOf(Gen.Choose(0, 40), n)
        from frequency in Gen.ArrayOf(Gen.Choose(1, 8), n)
        from cents in Gen.ArrayOf(Gen.Choose(0, 50_000), n)
        select Frame(recency, frequency, cents);

    public static CustomerFrame Frame(int[] recency, int[] frequency, int[] cents)
    {
        var ids = Enumerable.Range(0, recency.Length).Select(i => "C-" + i.ToString("D4", CultureInfo.InvariantCulture)).ToArray();
        var monetary = cents.Select(c => c / 100.0).ToArray();
        return CustomerFrame.Create(ids,
        [
            new NumericColumn(ColumnNames.RecencyDays, recency.Select(r => (double)r)),
            new NumericColumn(ColumnNames.Frequency, frequency.Select(f => (double)f)),
            new NumericColumn(ColumnNames.Monetary, monetary),
            new NumericColumn(ColumnNames.Orders, frequency.Select(f => (double)f)),
            new NumericColumn(ColumnNames.Revenue, monetary),
        ]);
    }
}
