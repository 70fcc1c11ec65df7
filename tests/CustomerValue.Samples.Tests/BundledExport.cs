using System.Globalization;

namespace CustomerValue.Samples.Tests;

/// <summary>
/// The bundled transaction export parsed line by line with plain string operations, independently of
/// CustomerValue.Csv, so the tests can check the job's counts against figures it did not compute itself.
/// </summary>
internal sealed class BundledExport
{
    private BundledExport(List<(long Line, string Id, DateOnly Date, decimal Amount)> rows, List<long> badLines, long dataRows)
    {
        Rows = rows;
        BadLines = badLines;
        DataRows = dataRows;
    }

    public static BundledExport Instance { get; } = Parse(JobRun.TransactionsFile);

    /// <summary>Gets the well-formed rows with their 1-based file line (the header is line 1).</summary>
    public IReadOnlyList<(long Line, string Id, DateOnly Date, decimal Amount)> Rows { get; }

    /// <summary>Gets the lines that are not three plain fields of id, yyyy-MM-dd date and invariant number.</summary>
    public IReadOnlyList<long> BadLines { get; }

    /// <summary>Gets the non-empty lines after the header.</summary>
    public long DataRows { get; }

    public int Customers => Rows.Select(r => r.Id).Distinct(StringComparer.Ordinal).Count();

    private static BundledExport Parse(string path)
    {
        var rows = new List<(long, string, DateOnly, decimal)>();
        var bad = new List<long>();
        long line = 0;
        long dataRows = 0;
        foreach (var text in File.ReadLines(path))
        {
            line++;
            if (line == 1 || text.Length == 0)
            {
                continue;
            }

            dataRows++;
            var fields = text.Split(',');
            if (fields.Length == 3
                && fields[0].Length > 0 && !fields[0].Contains('"', StringComparison.Ordinal)
                && DateOnly.TryParseExact(fields[1], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
                && decimal.TryParse(fields[2], NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount))
            {
                rows.Add((line, fields[0], date, amount));
            }
            else
            {
                bad.Add(line);
            }
        }

        return new BundledExport(rows, bad, dataRows);
    }
}
