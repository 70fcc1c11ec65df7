using System.Globalization;
using CustomerValue;
using CustomerValue.Models;

// QuickStart: an in-memory transaction log -> customer summaries -> RFM scores and segments, printed as tables.
var asOf = new DateOnly(2025, 6, 30);
var transactions = SampleLog(customers: 300, seed: 2025);

var summary = CustomerSummaries.FromTransactions(transactions, new SummaryOptions { AsOf = asOf });
var pipeline = new CustomerPipelineBuilder()
    .AddRfmScores()
    .AddSegments()
    // BG/NBD + Gamma-Gamma: P(alive), expected purchases and 12-month CLV. A small L2 penalty keeps the fit of a
    // 300-customer portfolio away from the boundary where the dropout parameters run off to infinity.
    .AddClv()
    .AddAbcTiers(new AbcTierOptions { ValueColumn = ColumnNames.Clv })
    .AddLowValueDetection()
    .AddPriority()
    .AddPriorityRank()
    .Build();
var model = pipeline.Fit(summary.Customers);
var scored = model.Score(summary.Customers);

Print($"Summarised {summary.TransactionsRead} transactions ({summary.Issues.Count} excluded) of {scored.Count} customers as of {asOf:yyyy-MM-dd}.");
Print($"Fitted model:\n{model}");

Print($"Top 15 by priority:\n{"rank",4} {"customer",-9} {"recency",7} {"orders",6} {"revenue",9}  R F M  {"P(alive)",8} {"CLV",8} tier  {"status",-10} {"quadrant",-9}  segment");
foreach (var row in scored.Rows().OrderBy(r => r.GetNumber(ColumnNames.PriorityRank)).Take(15))
{
    var (r, f, m) = (row.GetScore(ColumnNames.RecencyScore), row.GetScore(ColumnNames.FrequencyScore), row.GetScore(ColumnNames.MonetaryScore));
    Print($"{row.GetNumber(ColumnNames.PriorityRank),4} {row.CustomerId,-9} {row.GetNumber(ColumnNames.RecencyDays),7} {row.GetNumber(ColumnNames.Orders),6} {row.GetNumber(ColumnNames.Revenue),9:F2}  {r} {f} {m}  {row.GetNumber(ColumnNames.ProbabilityAlive),8:F3} {row.GetNumber(ColumnNames.Clv),8:F2} {row.GetText(ColumnNames.Tier),-4}  {row.GetText(ColumnNames.ValueStatus),-10} {row.GetText(ColumnNames.Quadrant),-9}  {row.GetText(ColumnNames.Segment)}");
}

Print($"\n{"tier",-10} {"customers",9} {"share",6} {"CLV",10} {"share",6}");
foreach (var line in TierSummary.Create(scored, valueColumn: ColumnNames.Clv).Rows)
{
    Print($"{line.Tier,-10} {line.Customers,9} {line.CustomerShare,6:P0} {line.Value,10:F2} {line.ValueShare,6:P0}");
}

Print($"\n{"status",-10} {"customers",9} {"revenue share",13}  service");
foreach (var line in LowValueSummary.Create(scored).Rows)
{
    Print($"{line.Status,-10} {line.Customers,9} {line.ValueShare,13:P0}  {line.Recommendation}");
}

Print($"\n{"segment",-28} {"customers",9} {"orders",6} {"revenue",10} {"AOV",7} {"share",6}");
foreach (var line in SegmentSummary.Create(scored).Rows)
{
    Print($"{line.Segment,-28} {line.Customers,9} {line.Orders,6} {line.Revenue,10:F2} {line.AverageOrderValue,7:F2} {line.RevenueShare,6:P0}");
}

static void Print(FormattableString text) => Console.WriteLine(text.ToString(CultureInfo.InvariantCulture));

// A seeded, long-tailed log: a few frequent buyers, many occasional ones, each with their own typical basket.
static List<Transaction> SampleLog(int customers, int seed)
{
    var random = new Random(seed);
    var log = new List<Transaction>();
    for (var c = 1; c <= customers; c++)
    {
        var id = "C-" + c.ToString("D5", CultureInfo.InvariantCulture);
        var orders = 1 + (int)(-Math.Log(1 - random.NextDouble()) * (c % 5 == 0 ? 8 : 2));
        var lastDay = 546 - (int)(random.NextDouble() * random.NextDouble() * 540);
        var basket = Math.Exp(3.3 + (1.6 * random.NextDouble()));
        for (var o = 0; o < orders; o++)
        {
            var date = new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Unspecified).AddDays(random.Next(lastDay + 1));
            var amount = basket * Math.Exp(0.5 * Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble()));
            log.Add(new Transaction(id, date, Math.Round((decimal)amount, 2)));
        }
    }

    return log;
}
