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

    public static Arbitrary<GeneratedExport> Exports()
    {
        var id = Gen.Elements("A", "B", "C7", "\"A\"", " B ", "\"D, x\"", "Zoë", "", "\u00A0");
        var date = Gen.Elements("2020-01-01", "2020-01-06", "2020-02-29", "2020-06-30", "2020-07-01", "2019-12-30T10:11:12", "20200315", "2020-13-01", "");
        var amount = Gen.Elements("1", "12.5", "-3", "-0", "0.125", "0.123456", "99999999999.99", "-12.50", "abc", "", "+4", "\"7\"");
        var ending = Gen.Elements("\n", "\r\n", "\r");
        var line = Gen.Frequency(
            (12, from i in id from d in date from a in amount select i + "," + d + "," + a),
            (1, Gen.Elements("", "   ", "A,2020-01-01", "A,2020-01-01,1,x", "\"A,2020-01-01,1", "A\"x,2020-01-01,1")));
        var lines = Gen.ListOf(from l in line from e in ending select l + e);
        return Arb.From(
            from body in lines
            from negative in Gen.Elements(Enum.GetValues<NegativeAmountHandling>())
            from invalid in Gen.Elements(Enum.GetValues<InvalidTransactionHandling>())
            from period in Gen.Elements(Enum.GetValues<SummaryPeriod>())
            from frequency in Gen.Elements(Enum.GetValues<FrequencyDefinition>())
            from monetary in Gen.Elements(Enum.GetValues<MonetaryDefinition>())
            from errors in Gen.Frequency((3, Gen.Constant(CsvErrorMode.Lenient)), (1, Gen.Constant(CsvErrorMode.Strict)))
            select new GeneratedExport(
                "customer_id,date,amount\n" + string.Concat(body),
                new SummaryOptions
                {
                    AsOf = new DateOnly(2020, 6, 30), NegativeAmounts = negative, InvalidTransactions = invalid,
                    ModelPeriod = period, Frequency = frequency, Monetary = monetary, GrowthWindowDays = 60,
                },
                errors));
    }

    /// <summary>
    /// Exports whose customers buy on many days spread over decades before the as-of date (and a few after it), so a
    /// customer's periods fall both inside and outside the window the import keeps as bits.
    /// </summary>
    public static Arbitrary<SpreadExport> SpreadExports()
    {
        var asOf = new DateOnly(2020, 6, 30);
        var id = Gen.Elements("A", "B", "C", "D");
        var daysBefore = Gen.Elements(-3, 0, 1, 2, 6, 7, 8, 90, 1022, 1023, 1024, 1025, 2000, 7167, 7168, 7175, 7200, 20000);
        var amount = Gen.Elements("1", "12.5", "-3", "0.125", "7");
        var line = from i in id from d in daysBefore from a in amount select string.Create(CultureInfo.InvariantCulture, $"{i},{asOf.AddDays(-d):yyyy-MM-dd},{a}\n");
        return Arb.From(
            from body in Gen.ListOf(line)
            from negative in Gen.Elements(Enum.GetValues<NegativeAmountHandling>())
            from period in Gen.Elements(Enum.GetValues<SummaryPeriod>())
            from frequency in Gen.Elements(Enum.GetValues<FrequencyDefinition>())
            from monetary in Gen.Elements(Enum.GetValues<MonetaryDefinition>())
            select new SpreadExport(
                "customer_id,date,amount\n" + string.Concat(body),
                new SummaryOptions
                {
                    AsOf = asOf, NegativeAmounts = negative, InvalidTransactions = InvalidTransactionHandling.Skip,
                    ModelPeriod = period, Frequency = frequency, Monetary = monetary,
                }));
    }

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
