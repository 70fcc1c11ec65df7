using System.Globalization;
using System.Text;
using CustomerValue;
using CustomerValue.Csv;

namespace ValueJob;

/// <summary>
/// Writes one rejects file for both kinds of left-out rows: rows the CSV reader could not parse and transactions the
/// summaries excluded. The library writes each kind on its own (CsvExport.WriteRejects, CsvExport.WriteIssues); a person
/// fixing an export wants them together, in file order, each with its line.
/// </summary>
internal static class RejectsFile
{
    public static readonly string[] Header = ["line", "stage", "reason", "column", "value", "message", "raw_text"];

    public static void Write(string path, CsvSummaryImport import, JobOptions options)
    {
        var rows = new List<(long Line, string[] Fields)>();
        foreach (var reject in import.Report.Rejects)
        {
            rows.Add((reject.LineNumber, [Number(reject.LineNumber), "read", reject.Reason.ToString(), reject.Column ?? string.Empty, reject.Value ?? string.Empty, reject.Message, reject.RawText]));
        }

        foreach (var issue in import.Summary.Issues)
        {
            var (column, value, message) = Describe(issue, options);
            var line = import.LineOf(issue);
            rows.Add((line, [Number(line), "summary", issue.Reason.ToString(), column, value, message, string.Empty]));
        }

        rows.Sort((a, b) => a.Line.CompareTo(b.Line));
        using var writer = new StreamWriter(path, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false)) { NewLine = "\r\n" };
        writer.WriteLine(string.Join(',', Header));
        foreach (var (_, fields) in rows)
        {
            writer.WriteLine(string.Join(',', fields.Select(Field)));
        }
    }

    private static (string Column, string Value, string Message) Describe(TransactionIssue issue, JobOptions options)
    {
        var t = issue.Transaction;
        var amount = t.Amount.ToString(CultureInfo.InvariantCulture);
        return issue.Reason switch
        {
            TransactionIssueReason.AfterAsOfDate => ("date", Date(t.Timestamp), $"is after the as-of date {Date(options.AsOf)}; a later --as-of includes it"),
            TransactionIssueReason.NegativeAmount => ("amount", amount, $"is a return (negative amount) of customer {t.CustomerId}, left out because --returns is {options.Input.Returns}; --returns net subtracts it from the customer's spend"),
            TransactionIssueReason.ReturnWithoutPurchase => ("amount", amount, $"is a return of customer {t.CustomerId}, who has no purchase up to the as-of date to net it against"),
            TransactionIssueReason.MissingCustomerId => ("customer id", string.Empty, "has no customer id"),
            _ => (string.Empty, string.Empty, issue.Reason.ToString()),
        };
    }

    private static string Date(DateTime value) => value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Date(DateOnly value) => value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    // RFC 4180 quoting; text a spreadsheet would run as a formula gets a leading quote, as CsvExport does.
    private static string Field(string value)
    {
        value = value.ReplaceLineEndings(" ");
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' && !double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
        {
            value = "'" + value;
        }

        return value.AsSpan().IndexOfAny(",\"") >= 0 || value != value.Trim()
            ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
            : value;
    }
}
