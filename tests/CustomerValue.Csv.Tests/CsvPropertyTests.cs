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

    // The one-word amount reader takes the unsigned amounts of up to 8 characters that the character loop takes, with the
    // same units and scale, and leaves it the rest; bytes after the field (the word's upper bytes) change nothing.
    [Property]
    public Property TryParseShortUnits_AnyShortField_AgreesWithTheCharacterLoop()
    {
        var fields = Gen.Choose(1, 8).SelectMany(length => Gen.ArrayOf(Gen.Elements("0123456789..,,-+ e9"u8.ToArray()), length));
        var after = Gen.ArrayOf(Gen.Elements("0123456789.,\n\r;-x"u8.ToArray()), 8);
        var cases = fields.SelectMany(field => after.SelectMany(tail => Gen.Elements((byte)'.', (byte)',').Select(point => (field, tail, point))));
        return Prop.ForAll(Arb.From(cases), c =>
        {
            var (field, tail, point) = c;
            var bytes = field.Concat(tail).Take(8).ToArray();
            var word = BitConverter.ToUInt64(bytes);
            var shortRead = Internal.ParsedAmount.TryParseShortUnits(word, field.Length, point * 0x0101010101010101UL, out var fast);
            var loopRead = Internal.ParsedAmount.TryParseUnits(field, point, out var slow);
            var text = System.Text.Encoding.ASCII.GetString(field);
            return (shortRead == (loopRead && field[0] != '-')).Label($"'{text}' taken by the word reader {shortRead}, by the loop {loopRead}")
                .And(!shortRead || (fast.Units == slow.Units && fast.Scale == slow.Scale && !fast.Negative && !fast.IsExact)).Label($"'{text}' read alike");
        });
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
