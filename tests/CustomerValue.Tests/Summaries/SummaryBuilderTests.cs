using FsCheck.Xunit;
using Xunit;

namespace CustomerValue.Tests.Summaries;

public sealed class SummaryBuilderTests
{
    private static readonly DateOnly AsOf = new(2021, 1, 1);

    private static readonly string[] Columns =
    [
        ColumnNames.RecencyDays, ColumnNames.Frequency, ColumnNames.Monetary, ColumnNames.Orders, ColumnNames.Revenue, ColumnNames.TenureDays,
        ColumnNames.ModelFrequency, ColumnNames.ModelRecency, ColumnNames.ModelT, ColumnNames.ModelMonetary, ColumnNames.WindowSpend,
        ColumnNames.PreviousWindowSpend,
    ];

    [Property(MaxTest = 300)]
    public void UnitAverage_AnySum_EqualsTheDecimalDivision(int seed)
    {
        // Half the sums divide evenly (the shortcut), half do not (the decimal division); magnitudes up to the 2^53 limit.
        var random = new Random(seed);
        for (var i = 0; i < 200; i++)
        {
            var count = random.Next(2) == 0 ? random.Next(1, 20) : random.Next(1, 1_000_000);
            var limit = (UnitMoney.MaxTotalUnits - 1) / count;
            var quotient = random.NextInt64(-limit, limit + 1) >> random.Next(0, 50);
            var units = quotient * count;
            if (i % 2 == 1 && count > 1)
            {
                units += Math.Sign(units) * random.Next(1, count);
            }

            var expected = (double)(new UnitMoney(units).ToDecimal() / count);
            Assert.Equal(BitConverter.DoubleToInt64Bits(expected), BitConverter.DoubleToInt64Bits(UnitMoney.Average(units, count)));
        }
    }

    [Property(MaxTest = 150)]
    public void FromTransactions_RandomLog_MatchesNaiveDecimalReference(int seed)
    {
        var random = new Random(seed);
        var log = RandomLog(random, random.Next(1, 400), random.Next(1, 40), maxScale: seed % 2 == 0 ? 4 : 6);
        var options = RandomOptions(random);

        AssertMatchesReference(log, options, CustomerSummaries.FromTransactions(log, options));
    }

    [Theory]
    [InlineData(4)]
    [InlineData(6)]
    public void FromTransactions_LogOfManyPiecesAndBuckets_MatchesNaiveDecimalReference(int maxScale)
    {
        var random = new Random(maxScale);
        var log = RandomLog(random, 300_000, 40_000, maxScale);
        var options = new SummaryOptions
        {
            AsOf = AsOf, NegativeAmounts = NegativeAmountHandling.NetAsReturn, InvalidTransactions = InvalidTransactionHandling.Skip,
            Frequency = FrequencyDefinition.PurchaseDays, Monetary = MonetaryDefinition.AverageOrderValue, ModelPeriod = SummaryPeriod.Week,
        };

        AssertMatchesReference(log, options, CustomerSummaries.FromTransactions(log, options));
    }

    [Fact]
    public void FromTransactions_InvalidRowsInSeveralPieces_ThrowsForTheLowestIndex()
    {
        var log = RandomLog(new Random(3), 300_000, 1000, 2).Select(t => t with { CustomerId = "x" + t.CustomerId, Amount = Math.Abs(t.Amount) }).ToArray();
        log[250_000] = log[250_000] with { CustomerId = " " };
        log[150_000] = log[150_000] with { Amount = -1 };
        log[299_999] = log[299_999] with { Amount = -2 };

        var error = Assert.Throws<InvalidTransactionException>(() => CustomerSummaries.FromTransactions(log, new SummaryOptions { AsOf = AsOf }));

        Assert.Equal((150_000, TransactionIssueReason.NegativeAmount), (error.Issue.Index, error.Issue.Reason));
        Assert.Contains("Transaction 150000", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Add_OneAtATimeOverSeveralBuffers_EqualsTheWholeLog()
    {
        var log = RandomLog(new Random(11), 150_000, 5_000, 4);
        var options = new SummaryOptions { AsOf = AsOf, NegativeAmounts = NegativeAmountHandling.NetAsReturn, InvalidTransactions = InvalidTransactionHandling.Skip };
        var builder = new SummaryBuilder(options);
        foreach (var transaction in log.AsSpan(0, 70_000))
        {
            builder.Add(transaction);
        }

        builder.AddRange(log.AsSpan(70_000));

        var streamed = builder.Build();
        Assert.Equal(log.Length, builder.Read);
        AssertMatchesReference(log, options, streamed);
    }

    [Fact]
    public void Add_RejectedRow_ThrowsBeforeBuild()
    {
        var builder = new SummaryBuilder(new SummaryOptions { AsOf = AsOf });
        builder.Add(new Transaction("a", new DateTime(2020, 1, 1), 5));

        var error = Assert.Throws<InvalidTransactionException>(() => builder.Add(new Transaction("a", new DateTime(2020, 1, 2), -5)));

        Assert.Equal(1, error.Issue.Index);
        Assert.Equal(1, builder.Read);
    }

    [Property(MaxTest = 200)]
    public bool SortOrdinal_AnyIds_GivesOrdinalOrder(int seed)
    {
        var random = new Random(seed);
        var ids = Enumerable.Range(0, random.Next(1, 300)).Select(_ => RandomId(random)).Distinct(StringComparer.Ordinal).ToArray();
        var shared = ids.Skip(1).Aggregate(ids[0].Length, (n, id) => Math.Min(n, CustomerIdKeys.SharedPrefix(ids[0], id)));
        var keys = ids.Select(id => CustomerIdKeys.OrderKey(id, shared)).ToArray();
        var order = Enumerable.Range(0, ids.Length).ToArray();

        CustomerIdKeys.SortOrdinal(keys, order, ids);

        return order.Select(i => ids[i]).SequenceEqual(ids.Order(StringComparer.Ordinal));
    }

    private static void AssertMatchesReference(Transaction[] log, SummaryOptions options, SummaryResult actual)
    {
        var expected = Reference(log, options);
        Assert.Equal(expected.Ids, actual.Customers.CustomerIds);
        foreach (var column in Columns)
        {
            Assert.True(expected.Columns[column].SequenceEqual(actual.Customers.GetNumeric(column).Values.ToArray()), column);
        }

        Assert.Equal(expected.Issues, actual.Issues.Select(i => (i.Index, i.Reason, i.Transaction)));
        Assert.Equal(expected.ReturnsNetted, actual.ReturnsNetted);
    }

    // The definitions of GUIDE section 2 written the obvious way: group, sort each customer's purchases by day, sum in decimal.
    private static (string[] Ids, Dictionary<string, double[]> Columns, List<(int, TransactionIssueReason, Transaction)> Issues, int ReturnsNetted) Reference(
        Transaction[] log, SummaryOptions options)
    {
        var asOf = options.AsOf.DayNumber;
        var windowStart = asOf - options.GrowthWindowDays + 1;
        var previousStart = windowStart - options.GrowthWindowDays;
        var issues = new List<(int, TransactionIssueReason, Transaction)>();
        var purchases = new List<(string Id, int Day, decimal Amount)>();
        var returns = new List<(int Index, Transaction T)>();
        for (var i = 0; i < log.Length; i++)
        {
            var t = log[i];
            var day = DateOnly.FromDateTime(t.Timestamp).DayNumber;
            if (string.IsNullOrWhiteSpace(t.CustomerId))
            {
                issues.Add((i, TransactionIssueReason.MissingCustomerId, t));
            }
            else if (day > asOf)
            {
                issues.Add((i, TransactionIssueReason.AfterAsOfDate, t));
            }
            else if (t.Amount < 0 && options.NegativeAmounts != NegativeAmountHandling.NetAsReturn)
            {
                issues.Add((i, TransactionIssueReason.NegativeAmount, t));
            }
            else if (t.Amount < 0)
            {
                returns.Add((i, t));
            }
            else
            {
                purchases.Add((t.CustomerId, day, t.Amount));
            }
        }

        var byCustomer = purchases.GroupBy(p => p.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var extra = byCustomer.Keys.ToDictionary(k => k, _ => (Revenue: 0m, Window: 0m, Previous: 0m), StringComparer.Ordinal);
        var netted = 0;
        foreach (var (index, t) in returns)
        {
            if (!extra.TryGetValue(t.CustomerId, out var e))
            {
                issues.Add((index, TransactionIssueReason.ReturnWithoutPurchase, t));
                continue;
            }

            var day = DateOnly.FromDateTime(t.Timestamp).DayNumber;
            extra[t.CustomerId] = (e.Revenue + t.Amount, day >= windowStart ? e.Window + t.Amount : e.Window, day < windowStart && day >= previousStart ? e.Previous + t.Amount : e.Previous);
            netted++;
        }

        var weekly = options.ModelPeriod == SummaryPeriod.Week;
        var ids = byCustomer.Keys.Order(StringComparer.Ordinal).ToArray();
        var columns = Columns.ToDictionary(c => c, _ => new double[ids.Length]);
        for (var r = 0; r < ids.Length; r++)
        {
            var list = byCustomer[ids[r]];
            var e = extra[ids[r]];
            var revenue = list.Aggregate(0m, (s, p) => s + p.Amount) + e.Revenue;
            var first = list.Min(p => p.Day);
            var last = list.Max(p => p.Day);
            var period = (int d) => weekly ? d / 7 : d;
            var periods = list.Select(p => period(p.Day)).Distinct().Count();
            var repeatSpend = list.Where(p => period(p.Day) != period(first)).Aggregate(0m, (s, p) => s + p.Amount);
            columns[ColumnNames.RecencyDays][r] = asOf - last;
            columns[ColumnNames.TenureDays][r] = asOf - first;
            columns[ColumnNames.Orders][r] = list.Count;
            columns[ColumnNames.Frequency][r] = options.Frequency == FrequencyDefinition.Orders ? list.Count : list.Select(p => p.Day).Distinct().Count();
            columns[ColumnNames.Revenue][r] = (double)revenue;
            columns[ColumnNames.Monetary][r] = options.Monetary == MonetaryDefinition.Total ? (double)revenue : (double)(revenue / list.Count);
            columns[ColumnNames.WindowSpend][r] = (double)(list.Where(p => p.Day >= windowStart).Aggregate(0m, (s, p) => s + p.Amount) + e.Window);
            columns[ColumnNames.PreviousWindowSpend][r] = (double)(list.Where(p => p.Day < windowStart && p.Day >= previousStart).Aggregate(0m, (s, p) => s + p.Amount) + e.Previous);
            columns[ColumnNames.ModelFrequency][r] = periods - 1;
            columns[ColumnNames.ModelRecency][r] = period(last) - period(first);
            columns[ColumnNames.ModelT][r] = period(asOf) - period(first);
            columns[ColumnNames.ModelMonetary][r] = periods == 1 ? 0 : (double)(repeatSpend / (periods - 1));
        }

        return (ids, columns, [.. issues.OrderBy(i => i.Item1)], netted);
    }

    private static SummaryOptions RandomOptions(Random random) => new()
    {
        AsOf = AsOf.AddDays(-random.Next(200)),
        ModelPeriod = random.Next(2) == 0 ? SummaryPeriod.Day : SummaryPeriod.Week,
        NegativeAmounts = random.Next(2) == 0 ? NegativeAmountHandling.NetAsReturn : NegativeAmountHandling.Ignore,
        InvalidTransactions = InvalidTransactionHandling.Skip,
        Frequency = random.Next(2) == 0 ? FrequencyDefinition.Orders : FrequencyDefinition.PurchaseDays,
        Monetary = random.Next(2) == 0 ? MonetaryDefinition.Total : MonetaryDefinition.AverageOrderValue,
        GrowthWindowDays = random.Next(1, 200),
    };

    // Ids share prefixes, are prefixes of each other, and use characters at and above the order key's 7-bit range.
    private static string RandomId(Random random)
    {
        string[] prefixes = ["", "C-", "C-0000000", "cust\u00e9-", "~~", "a"];
        const string alphabet = "0129aZ \u0000}~\u007f\u00e9\uffff";
        var id = prefixes[random.Next(prefixes.Length)] + new string([.. Enumerable.Range(0, random.Next(0, 13)).Select(_ => alphabet[random.Next(alphabet.Length)])]);
        return string.IsNullOrWhiteSpace(id) ? "b" + id : id;
    }

    private static Transaction[] RandomLog(Random random, int count, int customers, int maxScale)
    {
        var ids = Enumerable.Range(0, customers).Select(_ => RandomId(random)).ToArray();
        var log = new Transaction[count];
        for (var i = 0; i < count; i++)
        {
            var id = random.Next(50) == 0 ? " " : ids[(int)(Math.Pow(random.NextDouble(), 2) * customers)];

            // A fresh string now and then: equal ids need not be the same instance.
            id = random.Next(4) == 0 ? new string(id.AsSpan()) : id;
            var scale = random.Next(maxScale + 1);
            var amount = new decimal(random.Next(0, 2_000_000), 0, 0, random.Next(10) == 0, (byte)scale);
            log[i] = new Transaction(id, new DateTime(2019, 6, 1).AddDays(random.Next(600)).AddHours(random.Next(24)), amount);
        }

        return log;
    }
}
