using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using CustomerValue.Csv;
using Xunit;

namespace CustomerValue.Samples.Tests;

/// <summary>One in-process run of a sample program (LowValueReview, Worklists, MigrationReport), with what it printed and where it wrote.</summary>
internal sealed partial class SampleRun : IDisposable
{
    private SampleRun(int exitCode, string stdout, string stderr, string outDir)
    {
        ExitCode = exitCode;
        Stdout = stdout;
        Stderr = stderr;
        OutDir = outDir;
    }

    public delegate int Program(string[] args, TextWriter stdout, TextWriter stderr);

    public int ExitCode { get; }

    public string Stdout { get; }

    public string Stderr { get; }

    public string OutDir { get; }

    public IReadOnlyList<string> Lines => Stdout.Split('\n').Select(l => l.TrimEnd('\r')).ToList();

    /// <summary>Runs <paramref name="program"/> with <paramref name="args"/> and --out set to a fresh temporary folder.</summary>
    public static SampleRun Start(Program program, params string[] args)
    {
        var outDir = Path.Combine(Path.GetTempPath(), "sample-tests", Guid.NewGuid().ToString("N"));
        using var stdout = new StringWriter(CultureInfo.InvariantCulture);
        using var stderr = new StringWriter(CultureInfo.InvariantCulture);
        var code = program([.. args, "--out", outDir], stdout, stderr);
        return new SampleRun(code, stdout.ToString(), stderr.ToString(), outDir);
    }

    public string OutFile(string name) => Path.Combine(OutDir, name);

    /// <summary>Reads a count such as "rows read 59,225" from a section of the report ("Read", "Summaries", "Attributes").</summary>
    public long Count(string section, string label)
    {
        var lines = Lines;
        var start = lines.ToList().FindIndex(l => l == section || l.StartsWith(section + " ", StringComparison.Ordinal));
        Assert.True(start >= 0, $"The report has no section '{section}':\n{Stdout}");
        for (var i = start + 1; i < lines.Count && lines[i].Length > 0; i++)
        {
            var match = CountLine().Match(lines[i]);
            if (match.Success && match.Groups[1].Value == label)
            {
                return Number(match.Groups[2].Value);
            }
        }

        Assert.Fail($"The section '{section}' has no line '{label}':\n{Stdout}");
        return 0;
    }

    /// <summary>The lines of the table whose header line starts with <paramref name="header"/>, up to the next empty line.</summary>
    public IReadOnlyList<string> Table(string header)
    {
        var lines = Lines;
        var start = lines.ToList().FindIndex(l => l.StartsWith(header, StringComparison.Ordinal));
        Assert.True(start >= 0, $"The report has no table '{header}':\n{Stdout}");
        return lines.Skip(start + 1).TakeWhile(l => l.Length > 0).ToList();
    }

    /// <summary>The rows of a CSV the program wrote, as header name to value (the programs write no quoted commas in these tests' columns).</summary>
    public IReadOnlyList<Dictionary<string, string>> ReadCsv(string name)
    {
        var lines = File.ReadAllLines(OutFile(name));
        var header = Fields(lines[0]);
        return lines.Skip(1).Select(l => header.Zip(Fields(l)).ToDictionary(p => p.First, p => p.Second, StringComparer.Ordinal)).ToList();
    }

    public static long Number(string text) => long.Parse(text.Trim(), NumberStyles.AllowThousands | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);

    public static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    /// <summary>Writes a temporary file; the caller deletes it.</summary>
    public static string TempFile(string content)
    {
        var path = Path.Combine(Path.GetTempPath(), "sample-tests", Guid.NewGuid().ToString("N") + ".csv");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content, Encoding.UTF8);
        return path;
    }

    public void Dispose()
    {
        if (Directory.Exists(OutDir))
        {
            Directory.Delete(OutDir, recursive: true);
        }
    }

    // Splits one CSV line, with RFC 4180 quotes.
    private static List<string> Fields(string line)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else
            {
                field.Append(c);
            }
        }

        fields.Add(field.ToString());
        return fields;
    }

    [GeneratedRegex(@"^\s+([a-z ]+?)\s+([\d,]+)(\s|$)")]
    private static partial Regex CountLine();
}

/// <summary>The bundled exports read through the library, for expected figures computed apart from the programs.</summary>
internal static class LibraryData
{
    public static string RfmOrdersFile => JobRun.FixturePath("rfm_data_orders.csv");

    /// <summary>The bundled transactions summarised as of <paramref name="asOf"/> (lenient, returns netted), optionally joined to customers.csv.</summary>
    public static CustomerFrame Population(DateOnly asOf, int growthWindowDays = 90, bool withAttributes = true, string? transactions = null)
    {
        var import = CsvTransactions.SummariseFile(
            transactions ?? JobRun.TransactionsFile,
            new SummaryOptions { AsOf = asOf, GrowthWindowDays = growthWindowDays, NegativeAmounts = NegativeAmountHandling.NetAsReturn, InvalidTransactions = InvalidTransactionHandling.Skip },
            new CsvTransactionOptions { Errors = CsvErrorMode.Lenient });
        if (!withAttributes)
        {
            return import.Summary.Customers;
        }

        var attributes = CsvAttributes.ReadFile(JobRun.CustomersFile, new CsvAttributeOptions { Errors = CsvErrorMode.Lenient });
        return import.Summary.Customers.Join(attributes.Customers);
    }

    /// <summary>A small transaction export with three bad rows between good ones: a bad date, a bad number and an empty id.</summary>
    public const string BadRowsExport = "customer_id,order_date,amount\n"
        + "C-00001,2025-01-05,120.00\n"
        + "C-00001,2025-13-40,80.00\n"
        + "C-00002,2025-03-01,35.50\n"
        + "C-00002,2025-04-01,abc\n"
        + ",2025-05-01,10.00\n"
        + "C-00003,2025-06-01,60.00\n"
        + "C-00003,2025-11-01,20.00\n";
}
