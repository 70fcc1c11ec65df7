using Xunit;

namespace CustomerValue.Tests.Summaries;

public sealed class SummaryAssemblerTests
{
    [Theory]
    [InlineData(SummaryPeriod.Day, FrequencyDefinition.Orders, MonetaryDefinition.Total)]
    [InlineData(SummaryPeriod.Week, FrequencyDefinition.PurchaseDays, MonetaryDefinition.AverageOrderValue)]
    public void Build_TotalsOfARandomLog_EqualTheInMemoryBuilder(SummaryPeriod period, FrequencyDefinition frequency, MonetaryDefinition monetary)
    {
        var random = new Random(5);
        var start = new DateTime(2019, 1, 1);
        var log = Enumerable.Range(0, 5000)
            .Select(_ => new Transaction("K" + random.Next(700), start.AddDays(random.Next(730)), random.Next(1, 100_000) / 100m))
            .ToArray();
        var options = new SummaryOptions { AsOf = new DateOnly(2020, 12, 31), ModelPeriod = period, Frequency = frequency, Monetary = monetary };
        var expected = CustomerSummaries.FromTransactions(log, options).Customers;

        // The totals a streaming reader would keep, given to the assembler in an order unrelated to the ids.
        var weekly = period == SummaryPeriod.Week;
        var asOf = options.AsOf.DayNumber;
        var customers = log.GroupBy(t => t.CustomerId).OrderBy(g => g.Key.Length).ThenByDescending(g => g.Key, StringComparer.Ordinal).ToArray();
        var assembler = new SummaryAssembler(options, [.. customers.Select(g => g.Key)], sharedPrefix: 1);
        for (var c = 0; c < customers.Length; c++)
        {
            var days = customers[c].Select(t => DateOnly.FromDateTime(t.Timestamp).DayNumber).ToArray();
            var firstPeriod = weekly ? days.Min() / 7 : days.Min();
            assembler.Set(
                c, days.Length, days.Min(), days.Max(), days.Select(d => weekly ? d / 7 : d).Distinct().Count(), days.Distinct().Count(),
                customers[c].Sum(t => t.Amount),
                customers[c].Where(t => DateOnly.FromDateTime(t.Timestamp).DayNumber > asOf - 90).Sum(t => t.Amount),
                customers[c].Where(t => DateOnly.FromDateTime(t.Timestamp).DayNumber is var d && d <= asOf - 90 && d > asOf - 180).Sum(t => t.Amount),
                customers[c].Where(t => (weekly ? DateOnly.FromDateTime(t.Timestamp).DayNumber / 7 : DateOnly.FromDateTime(t.Timestamp).DayNumber) != firstPeriod).Sum(t => t.Amount));
        }

        var actual = assembler.Build(log.Length, [], 0).Customers;

        Assert.Equal(expected.CustomerIds, actual.CustomerIds);
        foreach (var column in expected.Columns)
        {
            Assert.Equal(((NumericColumn)column).Values.ToArray(), actual.GetNumeric(column.Name).Values.ToArray());
        }
    }
}
