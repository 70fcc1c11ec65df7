using System.Globalization;
using CustomerValue;

// A small in-memory transaction log: customer id, date, amount.
var asOf = new DateOnly(2025, 6, 30);
var random = new Random(2025);
var transactions = new List<Transaction>();
for (var c = 1; c <= 40; c++)
{
    var id = "C-" + c.ToString("D5", CultureInfo.InvariantCulture);
    var orders = 1 + random.Next(c % 7 == 0 ? 12 : 4);
    for (var o = 0; o < orders; o++)
    {
        var date = new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Unspecified).AddDays(random.Next(547));
        transactions.Add(new Transaction(id, date, Math.Round(10m + (decimal)(random.NextDouble() * 190), 2)));
    }
}

var summary = CustomerSummaries.FromTransactions(transactions, new SummaryOptions { AsOf = asOf });
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Summarised {summary.TransactionsRead} transactions of {summary.Customers.Count} customers as of {asOf:yyyy-MM-dd}."));
