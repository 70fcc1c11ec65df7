namespace CustomerValue.Tests;

/// <summary>The README's code example, compiled and run by <see cref="ReadmeTests"/> (the README block is the region below, after "using CustomerValue;").</summary>
internal static class ReadmeExample
{
    public static (CustomerFrame Scored, string Json) Run()
    {
        // README:BEGIN
        Transaction[] log =
        [
            new("C-00001", new DateTime(2025, 1, 5), 120.00m),
            new("C-00001", new DateTime(2025, 5, 2), 80.00m),
            new("C-00002", new DateTime(2024, 11, 20), 35.50m),
        ];
        var summary = CustomerSummaries.FromTransactions(log, new SummaryOptions { AsOf = new DateOnly(2025, 6, 30) });
        var pipeline = new CustomerPipelineBuilder().AddRfmScores().AddSegments().Build();
        FittedPipeline model = pipeline.Fit(summary.Customers);  // learns cut points once
        CustomerFrame scored = model.Score(summary.Customers);   // scores any population, also next month's
        foreach (var row in scored.Rows())
            Console.WriteLine($"{row.CustomerId} {row[ColumnNames.RfmCode]} {row.GetText(ColumnNames.Segment)}");
        string json = model.ToJson();                            // FittedPipeline.FromJson(json) scores the same way
        // README:END
        return (scored, json);
    }
}
