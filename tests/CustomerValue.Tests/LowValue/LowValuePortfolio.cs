using System.Globalization;
using FsCheck;
using FsCheck.Fluent;

namespace CustomerValue.Tests.LowValue;

/// <summary>The hand-checked portfolio of the low-value tests and a bounded population generator.</summary>
internal static class LowValuePortfolio
{
    // Positive revenue 1000 + 20 + 30 + 40 + 500 + 25 = 1615; 5% = 80.75; ascending 20, 45, 75, then 115 > 80.75,
    // so the fitted bottom-share threshold is 30.
    public static CustomerFrame Frame(params FrameColumn[] extra)
        => CustomerFrame.Create(["v1", "v2", "v3", "v4", "v5", "v6", "v7", "v8"],
        [
            new NumericColumn(ColumnNames.Revenue, [1000.0, 20, 0, -10, 30, 40, 500, 25]),
            new NumericColumn(ColumnNames.Orders, [10.0, 1, 1, 1, 1, 1, 3, 2]),
            new NumericColumn(ColumnNames.RecencyDays, [5.0, 400, 500, 10, 30, 400, 20, 370]),
            new NumericColumn(ColumnNames.TenureDays, [800.0, 400, 500, 1000, 30, 600, 60, 700]),
            new NumericColumn(ColumnNames.WindowSpend, [100.0, 0, 0, 0, 0, 40, 300, 0]),
            new NumericColumn(ColumnNames.PreviousWindowSpend, [100.0, 0, 0, 0, 0, 0, 200, 0]),
            new NumericColumn(ColumnNames.Potential, [0.1, 0.5, double.NaN, 0, 0, 0, 0, 0.9]),
            .. extra,
        ]);

    public static CustomerPipeline Pipeline(LowValueOptions? options = null)
        => new CustomerPipelineBuilder()
            .WithInputColumns(ColumnNames.Potential, ColumnNames.Interactions, ColumnNames.Complaints, ColumnNames.Satisfaction, "clv")
            .AddLowValueDetection(options)
            .Build();

    /// <summary>1..60 customers: revenue -20..200 in steps of 10 (ties, zeros, negatives), orders 1..4, recency 0..600, tenure >= recency, growth windows, potential 0..1 or missing.</summary>
    public static Gen<CustomerFrame> Population(int maxCustomers = 60) =>
        from n in Gen.Choose(1, maxCustomers)
        from revenue in Gen.ArrayOf(Gen.Choose(-2, 20), n)
        from orders in Gen.ArrayOf(Gen.Choose(1, 4), n)
        from recency in Gen.ArrayOf(Gen.Choose(0, 60), n)
        from extraTenure in Gen.ArrayOf(Gen.Choose(0, 30), n)
        from window in Gen.ArrayOf(Gen.Choose(0, 3), n)
        from previous in Gen.ArrayOf(Gen.Choose(0, 3), n)
        from potential in Gen.ArrayOf(Gen.Choose(-1, 10), n)
        select CustomerFrame.Create(
            Enumerable.Range(0, n).Select(i => "L" + i.ToString(CultureInfo.InvariantCulture)),
            [
                new NumericColumn(ColumnNames.Revenue, revenue.Select(r => r * 10.0)),
                new NumericColumn(ColumnNames.Orders, orders.Select(o => (double)o)),
                new NumericColumn(ColumnNames.RecencyDays, recency.Select(r => r * 10.0)),
                new NumericColumn(ColumnNames.TenureDays, recency.Zip(extraTenure, (r, e) => (r + e) * 10.0)),
                new NumericColumn(ColumnNames.WindowSpend, window.Select(w => w * 10.0)),
                new NumericColumn(ColumnNames.PreviousWindowSpend, previous.Select(p => p * 10.0)),
                new NumericColumn(ColumnNames.Potential, potential.Select(p => p < 0 ? double.NaN : p / 10.0)),
            ]);

    public static string Render(CustomerFrame frame)
        => string.Join('\n', frame.Rows().Select(r => r.CustomerId + ":" + string.Join(',', frame.Columns.Select(c => c.FormatValue(r.Index)))));
}
