using System.Globalization;

namespace CustomerValue.Tests.Models;

/// <summary>Reads the CDNOW and donations fixtures copied into Fixtures/cdnow.</summary>
internal static class CdnowFixture
{
    private static readonly Lazy<Columns> SummaryData = new(() => Read("cdnow_customers_summary.csv"));
    private static readonly Lazy<Columns> TransactionsData = new(() => Read("cdnow_customers_summary_with_transactions.csv"));
    private static readonly Lazy<Columns> DonationsData = new(() => Read("donations.csv"));

    /// <summary>ID, frequency, recency, T (weeks).</summary>
    public static Columns Summary => SummaryData.Value;

    /// <summary>ID, x, t_x, T, zbar.</summary>
    public static Columns Transactions => TransactionsData.Value;

    /// <summary>frequency, recency, periods, weights.</summary>
    public static Columns Donations => DonationsData.Value;

    private static Columns Read(string name)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Fixtures", "cdnow", name);
        var lines = File.ReadAllLines(path);
        var header = lines[0].Trim().Split(',');
        var columns = new List<double>[header.Length];
        for (var c = 0; c < header.Length; c++)
        {
            columns[c] = [];
        }

        foreach (var line in lines.Skip(1))
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var cells = line.Trim().Split(',');
            for (var c = 0; c < header.Length; c++)
            {
                columns[c].Add(double.Parse(cells[c], CultureInfo.InvariantCulture));
            }
        }

        return new Columns(header.Zip(columns, (h, c) => (h, c.ToArray())).ToDictionary(p => p.h, p => p.Item2, StringComparer.Ordinal));
    }

    internal sealed class Columns(Dictionary<string, double[]> columns)
    {
        public double[] this[string name] => columns[name];
    }
}
