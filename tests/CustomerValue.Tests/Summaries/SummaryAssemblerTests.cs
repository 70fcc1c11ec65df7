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

    [Fact]
    public void Build_IdsAsUtf8PartsInAnyOrder_DecodeToTheIdsOfTheirRows()
    {
        string[] ids = ["A-1", "A-2", "Z", "a-very-long-customer-id-of-40-bytes-0001", "café", "日本-7"];
        var options = new SummaryOptions { AsOf = new DateOnly(2020, 12, 31) };
        var assembler = new SummaryAssembler(options, ids.Length);
        for (var row = 0; row < ids.Length; row++)
        {
            assembler.Set(row, row + 1, 737000, 737000 + row, 1, 1, row + 1, 0, 0, 0);
        }

        // Three parts handed over last first, as threads may finish.
        assembler.SetIds(4, Utf8(ids[4..], out var ends2), ends2);
        assembler.SetIds(2, Utf8(ids[2..4], out var ends1), ends1);
        assembler.SetIds(0, Utf8(ids[..2], out var ends0), ends0);
        var frame = assembler.Build(ids.Length, [], 0).Customers;

        Assert.False(frame.IdsDecoded);
        Assert.Equal(ids, frame.CustomerIds);
        Assert.True(frame.IdsDecoded);
        Assert.Equal([1.0, 2, 3, 4, 5, 6], frame.GetNumeric(ColumnNames.Orders).Values.ToArray());
        Assert.Equal(3, frame.IndexOf("a-very-long-customer-id-of-40-bytes-0001"));
    }

    [Fact]
    public void Build_Utf8IdsMissingARow_Throws()
    {
        var assembler = new SummaryAssembler(new SummaryOptions { AsOf = new DateOnly(2020, 12, 31) }, 3);
        assembler.SetIds(0, Utf8(["A", "B"], out var ends), ends);

        var error = Assert.Throws<InvalidOperationException>(() => assembler.Build(3, [], 0));

        Assert.Contains("3 rows but 2 ids", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_RfmScoresOnUtf8Ids_LeaveThemUndecodedUnlessNtileSplitsTiesById()
    {
        var random = new Random(3);
        var count = 2000;
        var ids = Enumerable.Range(0, count).Select(i => "C-" + i.ToString("D5", System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        var options = new SummaryOptions { AsOf = new DateOnly(2020, 12, 31) };
        var assembler = new SummaryAssembler(options, count);
        for (var row = 0; row < count; row++)
        {
            var orders = random.Next(1, 6);
            assembler.Set(row, orders, 737000 - random.Next(300), 737000 + random.Next(60), orders, orders, random.Next(1, 500), 0, 0, 0);
        }

        assembler.SetIds(0, Utf8(ids, out var ends), ends);
        var frame = assembler.Build(count, [], 0).Customers;
        var fromStrings = CustomerFrame.Create(ids, frame.Columns);

        var balanced = new CustomerPipelineBuilder().AddRfmScores().AddSegments().Build();
        var scored = balanced.Run(frame);
        Assert.False(frame.IdsDecoded);
        Assert.Equal(balanced.Run(fromStrings).GetNumeric(ColumnNames.RfmCode).Values.ToArray(), scored.GetNumeric(ColumnNames.RfmCode).Values.ToArray());

        // NTILE splits ties by id, so it reads them, and scores as it does with string ids.
        var ntile = new CustomerPipelineBuilder().AddRfmScores(new RfmScoreOptions { Method = BinningMethod.Ntile }).Build();
        Assert.Equal(ntile.Run(fromStrings).GetNumeric(ColumnNames.RfmCode).Values.ToArray(), ntile.Run(frame).GetNumeric(ColumnNames.RfmCode).Values.ToArray());
        Assert.True(frame.IdsDecoded);
    }

    private static byte[] Utf8(string[] ids, out int[] ends)
    {
        var bytes = new List<byte>();
        ends = new int[ids.Length];
        for (var i = 0; i < ids.Length; i++)
        {
            bytes.AddRange(System.Text.Encoding.UTF8.GetBytes(ids[i]));
            ends[i] = bytes.Count;
        }

        return [.. bytes];
    }
}
