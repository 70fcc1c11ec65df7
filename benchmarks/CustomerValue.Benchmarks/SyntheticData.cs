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

    /// <summary>
    /// <see cref="Population"/> plus what the decision stages read: tenure, the growth windows and the customer
    /// attributes (account manager out of <paramref name="managers"/>, industry, interactions, complaints, satisfaction).
    /// </summary>
    public static CustomerFrame DecisionPopulation(int count, int managers = 1000, int seed = 11)
    {
        var population = Population(count);
        var random = new Random(seed);
        var recency = population.GetNumeric(ColumnNames.RecencyDays).Values;
        var monetary = population.GetNumeric(ColumnNames.Monetary).Values;
        var tenure = new double[count];
        var window = new double[count];
        var previous = new double[count];
        var interactions = new double[count];
        var complaints = new double[count];
        var satisfaction = new double[count];
        var manager = new int[count];
        var industry = new int[count];
        for (var i = 0; i < count; i++)
        {
            tenure[i] = recency[i] + random.Next(1500);
            window[i] = random.Next(4) == 0 ? monetary[i] * random.NextDouble() : 0;
            previous[i] = random.Next(4) == 0 ? monetary[i] * random.NextDouble() : 0;
            interactions[i] = random.Next(20);
            complaints[i] = random.Next(10) == 0 ? 1 + random.Next(4) : 0;
            satisfaction[i] = random.Next(11);
            manager[i] = random.Next(managers);
            industry[i] = random.Next(7);
        }

        var managerNames = Enumerable.Range(0, managers).Select(m => "AM-" + m.ToString("D4", CultureInfo.InvariantCulture)).ToArray();
        string[] industries = ["Retail", "Manufacturing", "Healthcare", "Finance", "Education", "Logistics", "Hospitality"];
        return population.AddColumns(
            new NumericColumn(ColumnNames.TenureDays, tenure),
            new NumericColumn(ColumnNames.WindowSpend, window),
            new NumericColumn(ColumnNames.PreviousWindowSpend, previous),
            new NumericColumn(ColumnNames.Interactions, interactions),
            new NumericColumn(ColumnNames.Complaints, complaints),
            new NumericColumn(ColumnNames.Satisfaction, satisfaction),
            new CategoryColumn(ColumnNames.AccountManager, manager.Select(m => managerNames[m]), managerNames),
            new CategoryColumn("industry", industry.Select(x => industries[x]), industries));
    }
}
