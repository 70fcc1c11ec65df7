using System.Globalization;
using System.Text.RegularExpressions;
using Xunit;

namespace CustomerValue.Samples.Tests;

/// <summary>One in-process run of the ValueJob program, with what it printed and where it wrote.</summary>
internal sealed partial class JobRun : IDisposable
{
    private JobRun(int exitCode, string stdout, string stderr, string outDir)
    {
        ExitCode = exitCode;
        Stdout = stdout;
        Stderr = stderr;
        OutDir = outDir;
    }

    public static string FixturePath(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", "data", name);

    public static string TransactionsFile => FixturePath("transactions.csv");

    public static string CustomersFile => FixturePath("customers.csv");

    public int ExitCode { get; }

    public string Stdout { get; }

    public string Stderr { get; }

    public string OutDir { get; }

    /// <summary>Runs the job with <paramref name="args"/> and --out set to a fresh temporary folder.</summary>
    public static JobRun Start(params string[] args)
    {
        var outDir = Path.Combine(Path.GetTempPath(), "valuejob-tests", Guid.NewGuid().ToString("N"));
        using var stdout = new StringWriter(CultureInfo.InvariantCulture);
        using var stderr = new StringWriter(CultureInfo.InvariantCulture);
        var code = ValueJob.Program.Run([.. args, "--out", outDir], stdout, stderr);
        return new JobRun(code, stdout.ToString(), stderr.ToString(), outDir);
    }

    /// <summary>Runs the job on the bundled exports (copied into the test output) with extra <paramref name="args"/>.</summary>
    public static JobRun OnBundledData(params string[] args) => Start(["--input", TransactionsFile, "--customers", CustomersFile, .. args]);

    public string OutFile(string name) => Path.Combine(OutDir, name);

    /// <summary>Reads a count such as "rows read 59,225" from a section of the report ("Read", "Summaries", "Attributes").</summary>
    public long Count(string section, string label)
    {
        var lines = Stdout.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        var start = lines.FindIndex(l => l == section || l.StartsWith(section + " ", StringComparison.Ordinal));
        Assert.True(start >= 0, $"The report has no section '{section}':\n{Stdout}");
        for (var i = start + 1; i < lines.Count && lines[i].Length > 0; i++)
        {
            var match = CountLine().Match(lines[i]);
            if (match.Success && match.Groups[1].Value == label)
            {
                return long.Parse(match.Groups[2].Value, NumberStyles.AllowThousands, CultureInfo.InvariantCulture);
            }
        }

        Assert.Fail($"The section '{section}' has no line '{label}':\n{Stdout}");
        return 0;
    }

    public void Dispose()
    {
        if (Directory.Exists(OutDir))
        {
            Directory.Delete(OutDir, recursive: true);
        }
    }

    [GeneratedRegex(@"^\s+([a-z ]+?)\s+([\d,]+)(\s|$)")]
    private static partial Regex CountLine();
}
