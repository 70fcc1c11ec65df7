using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using static CustomerValue.Csv.Tests.CsvInput;

namespace CustomerValue.Csv.Tests;

[Properties(Arbitrary = [typeof(Generators)], MaxTest = 200)]
public sealed class CsvPropertyTests
{
    [Property]
    public Property ReadAll_AnyFileWithBadRows_AcceptedPlusRejectedEqualsRowsRead(GeneratedLog log)
    {
        var (rows, report) = Lenient(log.Text());

        var dataLines = log.Lines.Count(kind => kind != LineKind.EmptyLine);
        var good = log.Lines.Count(kind => kind == LineKind.Good);
        var badLines = log.Lines.Select((kind, i) => (kind, Line: i + 2L)).Where(x => x.kind is not (LineKind.Good or LineKind.EmptyLine)).Select(x => x.Line);
        return (report.RowsRead == dataLines).Label("rows read")
            .And(report.RowsAccepted + report.RowsRejected == report.RowsRead).Label("accepted + rejected")
            .And(rows.Length == good && report.RowsAccepted == good).Label("accepted = good lines")
            .And(report.Rejects.Select(r => r.LineNumber).SequenceEqual(badLines)).Label("reject lines");
    }

    [Property]
    public Property ReadAll_AnyFileWithBadRows_EachRejectHasTheReasonOfItsLine(GeneratedLog log)
    {
        var (_, report) = Lenient(log.Text());

        var expected = log.Lines.Where(kind => kind is not (LineKind.Good or LineKind.EmptyLine)).Select(kind => kind switch
        {
            LineKind.BadDate => CsvRejectReason.BadDate,
            LineKind.BadNumber => CsvRejectReason.BadNumber,
            LineKind.MissingField => CsvRejectReason.MissingField,
            LineKind.ExtraField => CsvRejectReason.ExtraField,
            LineKind.UnclosedQuote => CsvRejectReason.UnclosedQuote,
            LineKind.StrayQuote => CsvRejectReason.MalformedQuote,
            _ => CsvRejectReason.EmptyCustomerId,
        });
        return report.Rejects.Select(r => r.Reason).SequenceEqual(expected).ToProperty();
    }

    [Property]
    public bool WriteFrame_AnyFrame_ReadsBackAsTheSameValues(GeneratedFrame generated)
    {
        var ids = Enumerable.Range(0, generated.Numbers.Length).Select(i => "C" + i).ToArray();
        var frame = CustomerFrame.Create(ids, [new NumericColumn("value", generated.Numbers), new TextColumn("note", generated.Texts)]);
        using var output = new MemoryStream();
        CsvExport.WriteFrame(frame, output);
        output.Position = 0;

        var read = CsvAttributes.Read(output).Customers;

        var notes = read.Columns[1] as TextColumn;
        return read.CustomerIds.SequenceEqual(ids)
            && (read.Columns[0] is NumericColumn values
                ? values.Values.ToArray().SequenceEqual(generated.Numbers)
                : generated.Numbers.All(double.IsNaN))
            && Enumerable.Range(0, ids.Length).All(i => (notes?[i] ?? null) == Expected(generated.Texts[i]));
    }

    // The writer neutralises formulas with a leading quote; everything else comes back as written.
    private static string? Expected(string? text) => text is null ? null : (text[0] is '=' or '+' or '-' or '@' or '\t' ? "'" + text : text);
}
