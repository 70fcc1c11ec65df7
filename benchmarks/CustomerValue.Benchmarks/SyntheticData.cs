using System.Globalization;
using CustomerValue;

namespace CustomerValue.Benchmarks;

/// <summary>Seeded synthetic portfolios, so every run measures the same data.</summary>
internal static class SyntheticData
{
    public static readonly DateOnly AsOf = new(2025, 12, 31);

    /// <summary>A log of <paramref name="count"/> transactions over about count/10 customers with a long-tailed purchase rate.</summary>
    public static Transaction[] Transactions(int count, int seed = 42)
    {
        var random = new Random(seed);
        var customers = Math.Max(1, count / 10);
        var ids = new string[customers];
        for (var i = 0; i < customers; i++)
        {
            ids[i] = "C-" + i.ToString("D8", CultureInfo.InvariantCulture);
        }

        var start = new DateTime(2023, 1, 1, 0, 0, 0, DateTimeKind.Unspecified);
        var log = new Transaction[count];
        for (var i = 0; i < count; i++)
        {
            // Squaring a uniform draw skews purchases towards low customer numbers: a few heavy buyers, many light ones.
            var u = random.NextDouble();
            var customer = (int)(u * u * customers);
            log[i] = new Transaction(ids[customer], start.AddDays(random.Next(1095)), Math.Round((decimal)(5 + (random.NextDouble() * random.NextDouble() * 400)), 2));
        }

        return log;
    }

    /// <summary>A summary-like population of <paramref name="count"/> customers: integer recency and frequency, continuous monetary.</summary>
    public static CustomerFrame Population(int count, int seed = 7)
    {
        var random = new Random(seed);
        var ids = new string[count];
        var recency = new double[count];
        var frequency = new double[count];
        var monetary = new double[count];
        var orders = new double[count];
        for (var i = 0; i < count; i++)
        {
            ids[i] = "C-" + i.ToString("D8", CultureInfo.InvariantCulture);
            recency[i] = random.Next(730);
            var f = 1 + (int)(-Math.Log(1 - random.NextDouble()) * 3);
            frequency[i] = f;
            orders[i] = f;
            monetary[i] = Math.Round(f * (10 + (random.NextDouble() * 200)), 2);
        }

        return CustomerFrame.Create(ids,
        [
            new NumericColumn(ColumnNames.RecencyDays, recency),
            new NumericColumn(ColumnNames.Frequency, frequency),
            new NumericColumn(ColumnNames.Monetary, monetary),
            new NumericColumn(ColumnNames.Orders, orders),
            new NumericColumn(ColumnNames.Revenue, monetary),
        ]);
    }
}
