using System.Globalization;
using CustomerValue.Models;
using CustomerValue.Tests.Models;
using FsCheck.Xunit;
using Xunit;

namespace CustomerValue.Tests.Summaries;

public sealed class CalibrationHoldoutSplitTests
{
    private static readonly DateOnly CalibrationEnd = new(2020, 1, 31);
    private static readonly DateOnly HoldoutEnd = new(2020, 3, 31);
    private static readonly DateOnly CdnowCalibrationEnd = new(1997, 9, 30);
    private static readonly DateOnly CdnowHoldoutEnd = new(1998, 6, 30);

    // a: two calibration days, then two purchases on one holdout day, one more, and one after the holdout.
    // b: bought on the cut itself (calibration), the day after it and on the holdout end (both holdout).
    // c: calibration only, then a return in the holdout (never a purchase). d: first bought in the holdout. e: only after it.
    private static readonly Transaction[] SmallLog =
    [
        T("a", "2020-01-05", 10), T("a", "2020-01-20", 5), T("a", "2020-02-03", 7), T("a", "2020-02-03", 3), T("a", "2020-02-10", 4),
        T("a", "2020-04-02", 9), T("b", "2020-01-31", 20), T("b", "2020-02-01", 5), T("b", "2020-03-31", 6), T("c", "2020-01-10", 8),
        T("c", "2020-02-20", -8), T("d", "2020-02-15", 12), T("e", "2020-05-01", 30),
    ];

    private static readonly SummaryOptions SmallOptions = new() { AsOf = CalibrationEnd, NegativeAmounts = NegativeAmountHandling.NetAsReturn };

    [Fact]
    public void SplitCalibrationHoldout_SmallLog_CountsDistinctHoldoutDaysPerCalibrationCustomer()
    {
        var split = CustomerSummaries.SplitCalibrationHoldout(SmallLog, SmallOptions, HoldoutEnd);

        Assert.Equal(["a", "b", "c"], split.Calibration.Customers.CustomerIds);
        Assert.Equal([2, 2, 0], split.HoldoutPurchases);
        Assert.Equal(1, split.CustomersBornInHoldout);
        Assert.Equal(2, split.TransactionsAfterHoldout);
        Assert.Equal(Horizon.Days(60), split.Holdout);
        Assert.Equal(CalibrationEnd, split.CalibrationEnd);
        Assert.Equal(HoldoutEnd, split.HoldoutEnd);
    }

    [Fact]
    public void SplitCalibrationHoldout_SmallLog_CalibrationEqualsTheSummariesAsOfTheCut()
    {
        var split = CustomerSummaries.SplitCalibrationHoldout(SmallLog, SmallOptions, HoldoutEnd);
        var expected = CustomerSummaries.FromTransactions(SmallLog, SmallOptions);

        Assert.Equal(Render(expected.Customers), Render(split.Calibration.Customers));
        Assert.Equal(expected.Issues, split.Calibration.Issues);
        Assert.Equal([1.0, 0, 0], split.Calibration.Customers.GetNumeric(ColumnNames.ModelFrequency).Values.ToArray());
    }

    [Fact]
    public void SplitCalibrationHoldout_WeeklyAtSundays_CountsDistinctHoldoutWeeks()
    {
        // 2020-02-02 and 2020-03-01 are Sundays: four whole holdout weeks. a buys on Monday and Sunday of the first one, then in the second.
        Transaction[] log = [T("a", "2020-01-06", 1), T("a", "2020-02-03", 1), T("a", "2020-02-09", 1), T("a", "2020-02-10", 1), T("b", "2020-02-02", 1)];
        var options = new SummaryOptions { AsOf = new DateOnly(2020, 2, 2), ModelPeriod = SummaryPeriod.Week };

        var split = CustomerSummaries.SplitCalibrationHoldout(log, options, new DateOnly(2020, 3, 1));

        Assert.Equal([2, 0], split.HoldoutPurchases);
        Assert.Equal(Horizon.Weeks(4), split.Holdout);
    }

    [Fact]
    public void SplitCalibrationHoldout_WeeklyCutMidWeek_CountsTheRestOfTheCutWeekAsAHoldoutWeek()
    {
        // As lifetimes does: the window is cut by date, and the Thursday after a Wednesday cut is a holdout purchase in the cut's week.
        Transaction[] log = [T("a", "2020-02-03", 1), T("a", "2020-02-06", 1)];
        var options = new SummaryOptions { AsOf = new DateOnly(2020, 2, 5), ModelPeriod = SummaryPeriod.Week };

        var split = CustomerSummaries.SplitCalibrationHoldout(log, options, new DateOnly(2020, 2, 12));

        Assert.Equal([1], split.HoldoutPurchases);
        Assert.Equal(Horizon.Weeks(1), split.Holdout);
    }

    [Fact]
    public void SplitCalibrationHoldout_LazySequence_EnumeratesItOnce()
    {
        var enumerations = 0;
        IEnumerable<Transaction> Log()
        {
            enumerations++;
            foreach (var transaction in SmallLog)
            {
                yield return transaction;
            }
        }

        var split = CustomerSummaries.SplitCalibrationHoldout(Log(), SmallOptions, HoldoutEnd);

        Assert.Equal(1, enumerations);
        Assert.Equal([2, 2, 0], split.HoldoutPurchases);
    }

    [Fact]
    public void SplitCalibrationHoldout_List_GivesTheSameSplitAsAnArray()
    {
        var fromList = CustomerSummaries.SplitCalibrationHoldout(SmallLog.ToList(), SmallOptions, HoldoutEnd);

        Assert.Equal([2, 2, 0], fromList.HoldoutPurchases);
        Assert.Equal(1, fromList.CustomersBornInHoldout);
    }

    [Theory]
    [InlineData("2020-01-31")]
    [InlineData("2020-01-30")]
    public void SplitCalibrationHoldout_HoldoutEndNotAfterTheCut_ThrowsNamingAsOf(string holdoutEnd)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(
            () => CustomerSummaries.SplitCalibrationHoldout(SmallLog, SmallOptions, DateOnly.ParseExact(holdoutEnd, "yyyy-MM-dd", CultureInfo.InvariantCulture)));

        Assert.Equal("holdoutEnd", error.ParamName);
        Assert.Contains("must be after the calibration end SummaryOptions.AsOf (2020-01-31)", error.Message, StringComparison.Ordinal);
        Assert.Contains("it was " + holdoutEnd, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SplitCalibrationHoldout_WeeklyHoldoutEndInTheCutWeek_ThrowsNamingModelPeriod()
    {
        // 2020-02-05 is a Wednesday, 2020-02-09 the Sunday of the same week.
        var options = new SummaryOptions { AsOf = new DateOnly(2020, 2, 5), ModelPeriod = SummaryPeriod.Week };

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => CustomerSummaries.SplitCalibrationHoldout(SmallLog, options, new DateOnly(2020, 2, 9)));

        Assert.Equal("holdoutEnd", error.ParamName);
        Assert.Contains("SummaryOptions.ModelPeriod Week", error.Message, StringComparison.Ordinal);
        Assert.Contains("set ModelPeriod to Day", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SplitCalibrationHoldout_NoPurchaseUpToTheCut_ThrowsNamingAsOf()
    {
        var options = SmallOptions with { AsOf = new DateOnly(2019, 12, 31) };

        var error = Assert.Throws<ArgumentException>(() => CustomerSummaries.SplitCalibrationHoldout(SmallLog, options, HoldoutEnd));

        Assert.Equal("transactions", error.ParamName);
        Assert.Contains("SummaryOptions.AsOf (2019-12-31)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SplitCalibrationHoldout_ReturnInTheHoldoutWithDefaultOptions_ThrowsNamingRowAndOption()
    {
        var error = Assert.Throws<InvalidTransactionException>(
            () => CustomerSummaries.SplitCalibrationHoldout(SmallLog, new SummaryOptions { AsOf = CalibrationEnd }, HoldoutEnd));

        Assert.Equal(10, error.Issue.Index);
        Assert.Equal(TransactionIssueReason.NegativeAmount, error.Issue.Reason);
        Assert.Contains("SummaryOptions.NegativeAmounts", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(NegativeAmountHandling.Ignore, InvalidTransactionHandling.Throw)]
    [InlineData(NegativeAmountHandling.Reject, InvalidTransactionHandling.Skip)]
    public void SplitCalibrationHoldout_ReturnInTheHoldoutWhenNotRejected_IsNoPurchase(NegativeAmountHandling negatives, InvalidTransactionHandling invalid)
    {
        var options = new SummaryOptions { AsOf = CalibrationEnd, NegativeAmounts = negatives, InvalidTransactions = invalid };

        var split = CustomerSummaries.SplitCalibrationHoldout(SmallLog, options, HoldoutEnd);

        Assert.Equal([2, 2, 0], split.HoldoutPurchases);
    }

    [Fact]
    public void SplitCalibrationHoldout_NullArguments_Throw()
    {
        Assert.Throws<ArgumentNullException>("transactions", () => CustomerSummaries.SplitCalibrationHoldout(null!, SmallOptions, HoldoutEnd));
        Assert.Throws<ArgumentNullException>("options", () => CustomerSummaries.SplitCalibrationHoldout(SmallLog, null!, HoldoutEnd));
    }

    [Fact]
    public void Compare_DailySplitAndWeeklyModel_ConvertsRecencyAndAgeToWeeks()
    {
        var model = new BgNbdModel(0.243, 4.414, 0.793, 2.426, ModelTimeUnit.Week);
        var split = CustomerSummaries.SplitCalibrationHoldout(SmallLog, SmallOptions, HoldoutEnd);
        var frame = split.Calibration.Customers;
        var x = frame.GetNumeric(ColumnNames.ModelFrequency).Values.ToArray();
        var tx = frame.GetNumeric(ColumnNames.ModelRecency).Values.ToArray().Select(d => d / 7).ToArray();
        var t = frame.GetNumeric(ColumnNames.ModelT).Values.ToArray().Select(d => d / 7).ToArray();

        var report = CalibrationHoldout.Compare(model, split, maxFrequency: 1);
        var expected = CalibrationHoldout.Compare(model, x, tx, t, [2, 2, 0], Horizon.Weeks(60 / 7.0), maxFrequency: 1);

        Assert.Equal(3, report.Customers);
        Assert.Equal(4, report.ActualPurchases);
        Assert.Equal([2.0, 2.0], report.Buckets.Select(b => b.ActualPurchases));
        Assert.Equal(expected.PredictedPurchases, report.PredictedPurchases, 12);
        Assert.Equal(expected.Buckets[1].PredictedPurchases, report.Buckets[1].PredictedPurchases, 12);
    }

    [Fact]
    public void Compare_NullSplit_Throws()
        => Assert.Throws<ArgumentNullException>("split", () => CalibrationHoldout.Compare(new BgNbdModel(1, 1, 1, 1, ModelTimeUnit.Day), null!, 7));

    [Fact]
    public void SplitCalibrationHoldout_Cdnow_CalibrationEqualsTheSummaryAsOf19970930()
    {
        var log = Fixture.CdnowSample();
        var options = new SummaryOptions { AsOf = CdnowCalibrationEnd };

        var split = CustomerSummaries.SplitCalibrationHoldout(log, options, CdnowHoldoutEnd);

        Assert.Equal(Render(CustomerSummaries.FromTransactions(log, options).Customers), Render(split.Calibration.Customers));
        Assert.Equal(2357, split.Calibration.Customers.Count);

        // The cohort's first purchases are all in 1997's first quarter, and the sample ends on the holdout end.
        Assert.Equal(0, split.CustomersBornInHoldout);
        Assert.Equal(0, split.TransactionsAfterHoldout);
        Assert.Equal(39, split.Holdout.In(ModelTimeUnit.Week));
    }

    [Fact]
    public void SplitCalibrationHoldout_Cdnow_HoldoutCountsEqualABruteForceCountOfTheRawLog()
    {
        var split = CustomerSummaries.SplitCalibrationHoldout(Fixture.CdnowSample(), new SummaryOptions { AsOf = CdnowCalibrationEnd }, CdnowHoldoutEnd);

        // Straight from the text file: distinct (sample id, date) pairs after 19970930, independently of the Transaction parser.
        var days = Fixture.Lines("cdnow/CDNOW_sample.txt")
            .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Where(f => f.Length == 5 && string.CompareOrdinal(f[2], "19970930") > 0)
            .Select(f => (Id: int.Parse(f[1], CultureInfo.InvariantCulture), Date: f[2]))
            .Distinct()
            .GroupBy(p => p.Id)
            .ToDictionary(g => g.Key, g => g.Count());
        var ids = split.Calibration.Customers.CustomerIds;

        for (var i = 0; i < ids.Count; i++)
        {
            Assert.Equal(days.GetValueOrDefault(int.Parse(ids[i], CultureInfo.InvariantCulture)), split.HoldoutPurchases[i]);
        }

        Assert.Equal(days.Values.Sum(), split.HoldoutPurchases.Sum());
    }

    [Fact]
    public void Compare_CdnowSplit_ActualHoldoutPerBucketMatchesTheBtydWalkthrough()
    {
        var split = CustomerSummaries.SplitCalibrationHoldout(Fixture.CdnowSample(), new SummaryOptions { AsOf = CdnowCalibrationEnd }, CdnowHoldoutEnd);

        var report = CalibrationHoldout.Compare(new ParetoNbdModel(0.553, 10.578, 0.606, 11.669, ModelTimeUnit.Week), split, maxFrequency: 7);

        // BTYD walkthrough (Dziurzynski, Wadsworth, McCarthy), Pareto/NBD holdout check on CDNOW with censor 7 and same-day
        // transactions merged: the matrix rows "bin" (customers) and "act" (mean actual holdout transactions), to 4 decimals.
        Assert.Equal([1411, 439, 214, 100, 62, 38, 29, 64], report.Buckets.Select(b => b.Customers));
        Assert.Equal(
            [0.2367, 0.6970, 1.3925, 1.5600, 2.5323, 2.9474, 3.8621, 6.3594],
            report.Buckets.Select(b => b.ActualMean),
            new RoundedTo(4));
    }

    [Fact]
    public void Compare_CdnowSplit_PredictsAsOnThePublishedWeeklySummary()
    {
        var split = CustomerSummaries.SplitCalibrationHoldout(Fixture.CdnowSample(), new SummaryOptions { AsOf = CdnowCalibrationEnd }, CdnowHoldoutEnd);
        var published = CdnowFixture.Summary;
        var model = new BgNbdModel(0.243, 4.414, 0.793, 2.426, ModelTimeUnit.Week);
        var ids = split.Calibration.Customers.CustomerIds;
        var holdout = published["ID"].Select(id => (double)split.HoldoutPurchases[split.Calibration.Customers.IndexOf(((int)id).ToString(CultureInfo.InvariantCulture))]).ToArray();

        // The daily split converted to weeks by Compare, against the paper's summary in weeks (rounded to 2 decimals) and 39 weeks.
        var fromSplit = CalibrationHoldout.Compare(model, split, maxFrequency: 7);
        var fromSummary = CalibrationHoldout.Compare(model, published["frequency"], published["recency"], published["T"], holdout, Horizon.Weeks(39), maxFrequency: 7);

        Assert.Equal(2357, ids.Count);
        Assert.Equal(fromSummary.ActualPurchases, fromSplit.ActualPurchases);
        Assert.Equal(fromSummary.Buckets.Select(b => b.Customers), fromSplit.Buckets.Select(b => b.Customers));
        for (var b = 0; b < fromSplit.Buckets.Count; b++)
        {
            Assert.Equal(fromSummary.Buckets[b].PredictedPurchases, fromSplit.Buckets[b].PredictedPurchases, 0.001 * fromSummary.Buckets[b].PredictedPurchases);
        }
    }

    [Fact]
    public void Compare_CdnowBgNbdFittedOnTheSplit_HasThePaperParametersAndBucketsEveryCustomer()
    {
        var split = CustomerSummaries.SplitCalibrationHoldout(Fixture.CdnowSample(), new SummaryOptions { AsOf = CdnowCalibrationEnd }, CdnowHoldoutEnd);
        var frame = split.Calibration.Customers;
        var weeks = (double[] days) => days.Select(d => d / 7).ToArray();
        var model = BgNbdModel.Fit(
            frame.GetNumeric(ColumnNames.ModelFrequency).Values,
            weeks(frame.GetNumeric(ColumnNames.ModelRecency).Values.ToArray()),
            weeks(frame.GetNumeric(ColumnNames.ModelT).Values.ToArray()),
            ModelTimeUnit.Week);

        var report = CalibrationHoldout.Compare(model, split, maxFrequency: 7);

        // Fader, Hardie, Lee (2005) fitted the summary rounded to 2 decimals of a week; on exact weeks the estimates agree to 2 decimals.
        Assert.Equal([0.243, 4.414, 0.793, 2.426], model.Parameters.Select(p => p.Value), new RoundedTo(2));
        Assert.Equal(2357, report.Customers);
        Assert.Equal(split.HoldoutPurchases.Sum(), report.ActualPurchases);
        Assert.Equal(report.ActualPurchases, report.Buckets.Sum(b => b.ActualPurchases));
        Assert.Equal(report.PredictedPurchases, report.Buckets.Sum(b => b.PredictedPurchases), 1e-9);
    }

    [Property(MaxTest = 150)]
    public bool SplitCalibrationHoldout_RandomLog_AccountsForEveryCustomerAndMatchesNaiveCounts(int seed)
    {
        var random = new Random(seed);
        var log = RandomLog(random);
        var calibrationEnd = new DateOnly(2020, 1, 1).AddDays(random.Next(0, 150));
        var holdoutEnd = calibrationEnd.AddDays(random.Next(7, 200));
        var weekly = random.Next(2) == 0;
        var options = new SummaryOptions
        {
            AsOf = calibrationEnd,
            ModelPeriod = weekly ? SummaryPeriod.Week : SummaryPeriod.Day,
            NegativeAmounts = random.Next(2) == 0 ? NegativeAmountHandling.NetAsReturn : NegativeAmountHandling.Ignore,
        };
        log[0] = new Transaction("first", new DateTime(2019, 12, 31), 1);

        var split = CustomerSummaries.SplitCalibrationHoldout(log, options, holdoutEnd);
        var shuffled = log.ToArray();
        random.Shuffle(shuffled);
        var again = CustomerSummaries.SplitCalibrationHoldout(shuffled, options, holdoutEnd);

        var day = (Transaction t) => DateOnly.FromDateTime(t.Timestamp);
        var purchases = log.Where(t => t.Amount >= 0 && day(t) <= holdoutEnd).ToList();
        var everyone = purchases.Select(t => t.CustomerId).Distinct(StringComparer.Ordinal).Count();
        var ids = split.Calibration.Customers.CustomerIds;
        var naive = ids.Select(id => purchases
            .Where(t => t.CustomerId == id && day(t) > calibrationEnd)
            .Select(t => weekly ? day(t).DayNumber / 7 : day(t).DayNumber)
            .Distinct()
            .Count());

        return ids.Count + split.CustomersBornInHoldout == everyone
            && split.HoldoutPurchases.SequenceEqual(naive)
            && split.TransactionsAfterHoldout == log.Count(t => day(t) > holdoutEnd)
            && Render(split.Calibration.Customers) == Render(CustomerSummaries.FromTransactions(log, options).Customers)
            && again.HoldoutPurchases.SequenceEqual(split.HoldoutPurchases)
            && again.CustomersBornInHoldout == split.CustomersBornInHoldout;
    }

    private static Transaction[] RandomLog(Random random)
        => [.. Enumerable.Range(0, random.Next(1, 80)).Select(_ => new Transaction(
            "C-" + random.Next(15).ToString(CultureInfo.InvariantCulture),
            new DateTime(2019, 12, 1).AddDays(random.Next(400)).AddHours(random.Next(24)),
            random.Next(10) == 0 ? -random.Next(1, 50) : random.Next(0, 5000) / 100m))];

    private static string Render(CustomerFrame frame)
        => string.Join('\n', frame.Rows().Select(r => r.CustomerId + ":" + string.Join(',', frame.Columns.Select(c => c.FormatValue(r.Index)))));

    private static Transaction T(string id, string date, decimal amount)
        => new(id, DateTime.ParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture), amount);

    private sealed class RoundedTo(int digits) : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Round(x, digits) == Math.Round(y, digits);

        public int GetHashCode(double obj) => Math.Round(obj, digits).GetHashCode();
    }
}
