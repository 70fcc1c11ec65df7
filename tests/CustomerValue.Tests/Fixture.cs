using System.Globalization;

namespace CustomerValue.Tests;

/// <summary>Reads the fixture files copied into the test output (tests never read outside the repository).</summary>
internal static class Fixture
{
    public static string PathOf(string relative) => Path.Combine(AppContext.BaseDirectory, "Fixtures", relative);

    public static string[] Lines(string relative) => File.ReadAllLines(PathOf(relative));

    /// <summary>The CDNOW 1/10 sample log: sample id, date, dollar value.</summary>
    public static Transaction[] CdnowSample() =>
        [.. Lines("cdnow/CDNOW_sample.txt")
            .Where(line => line.Length > 0)
            .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Select(f => new Transaction(
                f[1].TrimStart('0'),
                DateTime.ParseExact(f[2], "yyyyMMdd", CultureInfo.InvariantCulture),
                decimal.Parse(f[4], CultureInfo.InvariantCulture)))];

    /// <summary>R rfm's sample orders (customer name, order date, revenue).</summary>
    public static Transaction[] RfmOrders() =>
        [.. Lines("rfm/rfm_data_orders.csv")
            .Skip(1)
            .Select(line => line.Split(','))
            .Select(f => new Transaction(
                f[0],
                DateTime.ParseExact(f[1], "yyyy-MM-dd", CultureInfo.InvariantCulture),
                decimal.Parse(f[2], CultureInfo.InvariantCulture)))];
}
