using System.Globalization;
using CustomerValue;
using CustomerValue.Csv;

namespace Samples.Common;

/// <summary>The report sections every program prints about its inputs, with the same labels as ValueJob's.</summary>
public static class ReportSections
{
    /// <summary>Prints rows read, accepted and rejected, with the count per reject reason.</summary>
    /// <param name="stdout">The report.</param>
    /// <param name="report">The read report of the transaction export.</param>
    public static void PrintRead(TextWriter stdout, CsvReadReport report)
    {
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(report);
        var reasons = Enum.GetValues<CsvRejectReason>().Where(r => report.CountOf(r) > 0).Select(r => Invariant($"{r} {report.CountOf(r)}"));
        stdout.WriteLine();
        stdout.WriteLine("Read");
        stdout.WriteLine(Invariant($"  {"rows read",-22} {report.RowsRead,10:N0}"));
        stdout.WriteLine(Invariant($"  {"accepted",-22} {report.RowsAccepted,10:N0}"));
        stdout.WriteLine(Invariant($"  {"rejected",-22} {report.RowsRejected,10:N0}{Reasons(reasons)}"));
    }

    /// <summary>Prints the customers summarised and the transactions used and excluded, with the count per reason.</summary>
    /// <param name="stdout">The report.</param>
    /// <param name="summary">The summaries.</param>
    /// <param name="title">The section title, such as "Summaries" or "Summaries as of 2025-12-31".</param>
    public static void PrintSummaries(TextWriter stdout, SummaryResult summary, string title = "Summaries")
    {
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(summary);
        var reasons = Enum.GetValues<TransactionIssueReason>().Where(r => summary.CountOf(r) > 0).Select(r => Invariant($"{r} {summary.CountOf(r)}"));
        stdout.WriteLine();
        stdout.WriteLine(title);
        stdout.WriteLine(Invariant($"  {"customers",-22} {summary.Customers.Count,10:N0}"));
        stdout.WriteLine(Invariant($"  {"transactions used",-22} {summary.TransactionsUsed,10:N0}   {summary.TransactionsUsed - summary.ReturnsNetted:N0} orders, {summary.ReturnsNetted:N0} returns netted"));
        stdout.WriteLine(Invariant($"  {"excluded",-22} {summary.Issues.Count,10:N0}{Reasons(reasons)}"));
    }

    /// <summary>Prints the attribute rows read and rejected and how many customers they match.</summary>
    /// <param name="stdout">The report.</param>
    /// <param name="file">The attribute export.</param>
    /// <param name="attributes">What was read from it.</param>
    /// <param name="customers">The summarised customers it is joined to.</param>
    public static void PrintAttributes(TextWriter stdout, string file, CsvAttributeImport attributes, CustomerFrame customers)
    {
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(attributes);
        ArgumentNullException.ThrowIfNull(customers);
        var matched = 0;
        foreach (var id in customers.CustomerIds)
        {
            if (attributes.Customers.IndexOf(id) >= 0)
            {
                matched++;
            }
        }

        var report = attributes.Report;
        stdout.WriteLine();
        stdout.WriteLine($"Attributes ({DataFiles.Display(file)})");
        stdout.WriteLine(Invariant($"  {"rows read",-22} {report.RowsRead,10:N0}"));
        stdout.WriteLine(Invariant($"  {"rejected",-22} {report.RowsRejected,10:N0}"));
        stdout.WriteLine(Invariant($"  {"customers matched",-22} {matched,10:N0}   of {customers.Count:N0}; columns {string.Join(", ", attributes.Customers.Columns.Select(c => c.Name))}"));
    }

    /// <summary>Prints the files written, one per line with what each holds.</summary>
    /// <param name="stdout">The report.</param>
    /// <param name="written">The paths and descriptions.</param>
    public static void PrintWritten(TextWriter stdout, IReadOnlyList<(string Path, string What)> written)
    {
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(written);
        stdout.WriteLine();
        stdout.WriteLine("Wrote");
        foreach (var (path, what) in written)
        {
            stdout.WriteLine(Invariant($"  {path,-28} {what}"));
        }
    }

    private static string Reasons(IEnumerable<string> counts)
    {
        var text = string.Join(", ", counts);
        return text.Length == 0 ? string.Empty : "   " + text;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
