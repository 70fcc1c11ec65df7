using System.Globalization;
using FsCheck.Xunit;
using Xunit;

namespace CustomerValue.Tests.Summaries;

public sealed class CustomerSummariesTests
{
    // PyMC-Marketing's own test log (GUIDE section 2).
    private static readonly Transaction[] PyMcLog =
    [
        T("1", "2015-01-01", 1), T("1", "2015-02-06", 2), T("2", "2015-01-01", 2), T("3", "2015-01-01", 3),
        T("3", "2015-01-02", 1), T("3", "2015-01-05", 5), T("4", "2015-01-16", 6), T("4", "2015-02-02", 3),
        T("4", "2015-02-05", 3), T("4", "2015-02-05", 6), T("5", "2015-01-16", 3), T("5", "2015-01-17", 1),
        T("5", "2015-01-18", 8), T("6", "2015-02-02", 5),
    ];

    private static readonly DateOnly PyMcAsOf = new(2015, 2, 7);

    [Fact]
    public void FromTransactions_PyMcLogDaily_MatchesPublishedVectors()
    {
        var frame = CustomerSummaries.FromTransactions(PyMcLog, new SummaryOptions { AsOf = PyMcAsOf }).Customers;

        Assert.Equal(["1", "2", "3", "4", "5", "6"], frame.CustomerIds);
        Assert.Equal([1.0, 0, 2, 2, 2, 0], frame.GetNumeric(ColumnNames.ModelFrequency).Values.ToArray());
        Assert.Equal([36.0, 0, 4, 20, 2, 0], frame.GetNumeric(ColumnNames.ModelRecency).Values.ToArray());
        Assert.Equal([37.0, 37, 37, 22, 22, 5], frame.GetNumeric(ColumnNames.ModelT).Values.ToArray());
        Assert.Equal([2.0, 0, 3, 6, 4.5, 0], frame.GetNumeric(ColumnNames.ModelMonetary).Values.ToArray());
    }

    [Fact]
    public void FromTransactions_PyMcLogWeekly_MatchesPublishedVectors()
    {
        var options = new SummaryOptions { AsOf = PyMcAsOf, ModelPeriod = SummaryPeriod.Week };
        var frame = CustomerSummaries.FromTransactions(PyMcLog, options).Customers;

        Assert.Equal([1.0, 0, 1, 1, 0, 0], frame.GetNumeric(ColumnNames.ModelFrequency).Values.ToArray());
        Assert.Equal([5.0, 0, 1, 3, 0, 0], frame.GetNumeric(ColumnNames.ModelRecency).Values.ToArray());
        Assert.Equal([5.0, 5, 5, 3, 3, 0], frame.GetNumeric(ColumnNames.ModelT).Values.ToArray());
    }

    [Fact]
    public void FromTransactions_PyMcLog_ClassicRfmCountsOrdersAndSumsRevenue()
    {
        var frame = CustomerSummaries.FromTransactions(PyMcLog, new SummaryOptions { AsOf = PyMcAsOf }).Customers;

        Assert.Equal([1.0, 37, 33, 2, 20, 5], frame.GetNumeric(ColumnNames.RecencyDays).Values.ToArray());
        Assert.Equal([2.0, 1, 3, 4, 3, 1], frame.GetNumeric(ColumnNames.Frequency).Values.ToArray());
        Assert.Equal([3.0, 2, 9, 18, 12, 5], frame.GetNumeric(ColumnNames.Monetary).Values.ToArray());
        Assert.Equal([37.0, 37, 37, 22, 22, 5], frame.GetNumeric(ColumnNames.TenureDays).Values.ToArray());
    }

    [Fact]
    public void FromTransactions_PurchaseDaysAndAverageOrderValue_UseTheChosenDefinitions()
    {
        var options = new SummaryOptions { AsOf = PyMcAsOf, Frequency = FrequencyDefinition.PurchaseDays, Monetary = MonetaryDefinition.AverageOrderValue };
        var frame = CustomerSummaries.FromTransactions(PyMcLog, options).Customers;

        // Customer 4 bought twice on 2015-02-05: four orders on three days.
        Assert.Equal(3, frame.GetNumeric(ColumnNames.Frequency)[3]);
        Assert.Equal(4.5, frame.GetNumeric(ColumnNames.Monetary)[3]);
    }

    [Fact]
    public void FromTransactions_CdnowSampleAsOf19970930_EqualsPublishedSummary()
    {
        var result = CustomerSummaries.FromTransactions(Fixture.CdnowSample(), new SummaryOptions { AsOf = new DateOnly(1997, 9, 30) });
        var frame = result.Customers;
        var expected = Fixture.Lines("cdnow/cdnow_customers_summary_with_transactions.csv").Skip(1)
            .Select(line => line.Split(',').Select(f => decimal.Parse(f, CultureInfo.InvariantCulture)).ToArray())
            .ToArray();

        Assert.Equal(2357, expected.Length);
        Assert.Equal(2357, frame.Count);
        var x = frame.GetNumeric(ColumnNames.ModelFrequency);
        var tx = frame.GetNumeric(ColumnNames.ModelRecency);
        var t = frame.GetNumeric(ColumnNames.ModelT);
        var zbar = frame.GetNumeric(ColumnNames.ModelMonetary);
        foreach (var row in expected)
        {
            var i = frame.IndexOf(((int)row[0]).ToString(CultureInfo.InvariantCulture));
            Assert.True(i >= 0, $"customer {row[0]} missing");
            Assert.Equal(row[1], (decimal)x[i]);
            Assert.Equal(row[2], Weeks(tx[i]));
            Assert.Equal(row[3], Weeks(t[i]));
            Assert.Equal(row[4], Math.Round((decimal)zbar[i], 2, MidpointRounding.AwayFromZero));
        }

        // The sample runs to 1998-06-30: later rows are excluded and reported, never lost.
        Assert.Equal(result.TransactionsRead, result.TransactionsUsed + result.Issues.Count);
        Assert.Equal(result.Issues.Count, result.CountOf(TransactionIssueReason.AfterAsOfDate));
        Assert.True(result.Issues.Count > 0);
    }

    [Fact]
    public void FromTransactions_RfmSampleOrders_CountsEveryOrder()
    {
        var result = CustomerSummaries.FromTransactions(Fixture.RfmOrders(), new SummaryOptions { AsOf = new DateOnly(2006, 12, 31) });

        Assert.Equal(995, result.Customers.Count);
        Assert.Equal(4906, result.Customers.GetNumeric(ColumnNames.Orders).Values.ToArray().Sum());
        Assert.Empty(result.Issues);
    }

    [Fact]
    public void FromTransactions_NegativeAmountByDefault_ThrowsNamingRowAndOption()
    {
        Transaction[] log = [T("a", "2020-01-01", 10), T("a", "2020-01-02", -4)];

        var error = Assert.Throws<InvalidTransactionException>(() => CustomerSummaries.FromTransactions(log, new SummaryOptions { AsOf = new DateOnly(2020, 2, 1) }));

        Assert.Equal(1, error.Issue.Index);
        Assert.Equal(TransactionIssueReason.NegativeAmount, error.Issue.Reason);
        Assert.Contains("Transaction 1", error.Message, StringComparison.Ordinal);
        Assert.Contains("SummaryOptions.NegativeAmounts", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromTransactions_NegativeAmountNetted_ReducesRevenueButIsNoOrder()
    {
        Transaction[] log = [T("a", "2020-01-01", 10), T("a", "2020-01-20", -4), T("b", "2020-01-05", -1)];
        var options = new SummaryOptions { AsOf = new DateOnly(2020, 2, 1), NegativeAmounts = NegativeAmountHandling.NetAsReturn };

        var result = CustomerSummaries.FromTransactions(log, options);

        var frame = result.Customers;
        Assert.Equal(["a"], frame.CustomerIds);
        Assert.Equal(6, frame.GetNumeric(ColumnNames.Revenue)[0]);
        Assert.Equal(1, frame.GetNumeric(ColumnNames.Orders)[0]);
        Assert.Equal(31, frame.GetNumeric(ColumnNames.RecencyDays)[0]);
        Assert.Equal(1, result.ReturnsNetted);
        var issue = Assert.Single(result.Issues);
        Assert.Equal((2, TransactionIssueReason.ReturnWithoutPurchase), (issue.Index, issue.Reason));
    }

    [Fact]
    public void FromTransactions_NegativeAmountIgnored_IsExcludedAndReported()
    {
        Transaction[] log = [T("a", "2020-01-01", 10), T("a", "2020-01-20", -4)];
        var options = new SummaryOptions { AsOf = new DateOnly(2020, 2, 1), NegativeAmounts = NegativeAmountHandling.Ignore };

        var result = CustomerSummaries.FromTransactions(log, options);

        Assert.Equal(10, result.Customers.GetNumeric(ColumnNames.Revenue)[0]);
        Assert.Equal(1, result.CountOf(TransactionIssueReason.NegativeAmount));
        Assert.Equal(1, Assert.Single(result.Issues).Index);
    }

    [Fact]
    public void FromTransactions_BlankIdSkipped_IsReportedWithItsIndex()
    {
        Transaction[] log = [T("a", "2020-01-01", 10), T(" ", "2020-01-02", 3), T("", "2020-01-03", 3)];
        var options = new SummaryOptions { AsOf = new DateOnly(2020, 2, 1), InvalidTransactions = InvalidTransactionHandling.Skip };

        var result = CustomerSummaries.FromTransactions(log, options);

        Assert.Equal([1, 2], result.Issues.Select(i => i.Index));
        Assert.Equal(2, result.CountOf(TransactionIssueReason.MissingCustomerId));
        Assert.Equal(1, result.TransactionsUsed);
    }

    [Fact]
    public void FromTransactions_BlankIdByDefault_ThrowsNamingTheOption()
    {
        Transaction[] log = [T("a", "2020-01-01", 10), T(" ", "2020-01-02", 3)];

        var error = Assert.Throws<InvalidTransactionException>(() => CustomerSummaries.FromTransactions(log, new SummaryOptions { AsOf = new DateOnly(2020, 2, 1) }));

        Assert.Contains("empty customer id", error.Message, StringComparison.Ordinal);
        Assert.Contains("SummaryOptions.InvalidTransactions", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromTransactions_EmptyLog_Throws()
    {
        var error = Assert.Throws<ArgumentException>(() => CustomerSummaries.FromTransactions([], new SummaryOptions { AsOf = new DateOnly(2020, 2, 1) }));

        Assert.Contains("empty", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromTransactions_LaterTransactionsOnly_GiveNoCustomersAndReportEveryRow()
    {
        Transaction[] log = [T("a", "2020-03-01", 10), T("b", "2020-03-02", 3)];

        var result = CustomerSummaries.FromTransactions(log, new SummaryOptions { AsOf = new DateOnly(2020, 2, 1) });

        Assert.Equal(0, result.Customers.Count);
        Assert.Equal(2, result.CountOf(TransactionIssueReason.AfterAsOfDate));
    }

    [Fact]
    public void FromTransactions_TimeOfDayOnTheAsOfDate_IsIncluded()
    {
        Transaction[] log = [new("a", new DateTime(2020, 2, 1, 23, 59, 0, DateTimeKind.Unspecified), 10)];

        var result = CustomerSummaries.FromTransactions(log, new SummaryOptions { AsOf = new DateOnly(2020, 2, 1) });

        Assert.Equal(0, result.Customers.GetNumeric(ColumnNames.RecencyDays)[0]);
    }

    [Fact]
    public void FromTransactions_GrowthWindows_SplitSpendByWindow()
    {
        Transaction[] log = [T("a", "2020-01-31", 10), T("a", "2020-01-02", 5), T("a", "2020-01-01", 7), T("a", "2019-12-02", 100)];
        var options = new SummaryOptions { AsOf = new DateOnly(2020, 1, 31), GrowthWindowDays = 30 };

        var frame = CustomerSummaries.FromTransactions(log, options).Customers;

        Assert.Equal(15, frame.GetNumeric(ColumnNames.WindowSpend)[0]);
        Assert.Equal(7, frame.GetNumeric(ColumnNames.PreviousWindowSpend)[0]);
    }

    [Property(MaxTest = 200)]
    public bool FromTransactions_AnyOrder_GivesTheSameFrame(int seed)
    {
        var log = RandomLog(seed);
        var shuffled = log.ToArray();
        new Random(seed + 1).Shuffle(shuffled);
        var options = new SummaryOptions { AsOf = new DateOnly(2021, 1, 1), NegativeAmounts = NegativeAmountHandling.NetAsReturn, InvalidTransactions = InvalidTransactionHandling.Skip };

        var a = CustomerSummaries.FromTransactions(log, options);
        var b = CustomerSummaries.FromTransactions(shuffled, options);

        return (Render(a.Customers) == Render(b.Customers) && a.Issues.Count == b.Issues.Count);
    }

    [Property(MaxTest = 200)]
    public bool FromTransactions_AnyLog_AccountsForEveryTransaction(int seed)
    {
        var log = RandomLog(seed);
        var options = new SummaryOptions { AsOf = new DateOnly(2021, 1, 1), NegativeAmounts = NegativeAmountHandling.NetAsReturn, InvalidTransactions = InvalidTransactionHandling.Skip };

        var result = CustomerSummaries.FromTransactions(log, options);

        var purchasesUsed = (int)result.Customers.GetNumeric(ColumnNames.Orders).Values.ToArray().Sum();
        return (result.TransactionsRead == log.Length
            && result.TransactionsUsed == purchasesUsed + result.ReturnsNetted
            && result.TransactionsRead == result.TransactionsUsed + result.Issues.Count);
    }

    private static Transaction[] RandomLog(int seed)
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(0, random.Next(1, 60)).Select(_ => new Transaction(
            random.Next(12) == 0 ? " " : "C-" + random.Next(8).ToString(CultureInfo.InvariantCulture),
            new DateTime(2020, 1, 1).AddDays(random.Next(400)),
            random.Next(10) == 0 ? -random.Next(1, 50) : random.Next(0, 5000) / 100m))];
    }

    private static string Render(CustomerFrame frame)
        => string.Join('\n', frame.Rows().Select(r => r.CustomerId + ":" + string.Join(',', frame.Columns.Select(c => c.FormatValue(r.Index)))));

    private static decimal Weeks(double days) => Math.Round((decimal)days / 7m, 2, MidpointRounding.AwayFromZero);

    private static Transaction T(string id, string date, decimal amount)
        => new(id, DateTime.ParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture), amount);
}
