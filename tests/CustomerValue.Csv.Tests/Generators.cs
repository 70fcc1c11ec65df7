using System.Globalization;
using System.Text;
using FsCheck;
using FsCheck.Fluent;

namespace CustomerValue.Csv.Tests;

/// <summary>The kinds of line a generated transaction file is made of.</summary>
public enum LineKind
{
    Good,
    BadDate,
    BadNumber,
    MissingField,
    ExtraField,
    UnclosedQuote,
    StrayQuote,
    EmptyId,
    EmptyLine,
}

/// <summary>A generated transaction file: its lines, by kind.</summary>
public sealed record GeneratedLog(LineKind[] Lines)
{
    public string Text()
    {
        var text = new StringBuilder("customer_id,date,amount\r\n");
        for (var i = 0; i < Lines.Length; i++)
        {
            var id = "C" + (i % 7).ToString(CultureInfo.InvariantCulture);
            text.Append(Lines[i] switch
            {
                LineKind.Good => $"\"{id}, Ltd\",2020-01-{1 + (i % 28):00},{i}.25",
                LineKind.BadDate => $"{id},2020-02-30,1",
                LineKind.BadNumber => $"{id},2020-01-01,1.2.3",
                LineKind.MissingField => $"{id},2020-01-01",
                LineKind.ExtraField => $"{id},2020-01-01,1,extra",
                LineKind.UnclosedQuote => $"\"{id},2020-01-01,1",
                LineKind.StrayQuote => $"{id}\"x,2020-01-01,1",
                LineKind.EmptyId => ",2020-01-01,1",
                _ => string.Empty,
            });
            text.Append(i % 2 == 0 ? "\n" : "\r\n");
        }

        return text.ToString();
    }
}

/// <summary>A generated frame of bounded values that CSV can carry (finite numbers, single-line text with a letter).</summary>
public sealed record GeneratedFrame(double[] Numbers, string?[] Texts);

/// <summary>Bounded generators for the property tests.</summary>
public static class Generators
{
    private static readonly string[] Words = ["Ann", "Bob, Jr", "say \"hi\"", " padded ", "=SUM(A1)", "-x", "Zoë", "a;b", "@home", "\ttab"];

    public static Arbitrary<GeneratedLog> Logs()
        => Arb.From(Gen.ArrayOf(Gen.Elements(Enum.GetValues<LineKind>())).Select(lines => new GeneratedLog(lines)));

    public static Arbitrary<GeneratedFrame> Frames()
    {
        var number = Gen.Choose(-1_000_000, 1_000_000).SelectMany(mantissa => Gen.Choose(-12, 12), (mantissa, exponent) => mantissa * Math.Pow(10, exponent));
        var maybeNumber = Gen.Frequency((5, number), (1, Gen.Constant(double.NaN)));
        var text = Gen.Elements(Words).SelectMany(_ => Gen.Elements(Words), (a, b) => (string?)(a + b));
        var maybeText = Gen.Frequency((5, text), (1, Gen.Constant<string?>(null)));
        return Arb.From(
            from rows in Gen.Choose(1, 40)
            from numbers in Gen.ArrayOf(maybeNumber, rows)
            from texts in Gen.ArrayOf(maybeText, rows)
            select new GeneratedFrame(numbers, texts));
    }
}
