using System.Globalization;

namespace CustomerValue.Csv.Internal;

/// <summary>Culture-invariant formatting for messages (the core's Guard is internal to it).</summary>
internal static class Text
{
    public static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    // Spreadsheets run a cell that starts with one of these as a formula (OWASP's list: =, +, -, @, tab, CR).
    public static bool StartsLikeFormula(string value)
        => value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r';

    /// <summary>Prefixes a single quote to text a spreadsheet would run as a formula, so it shows as text.</summary>
    public static string Neutralise(string value) => StartsLikeFormula(value) ? "'" + value : value;
}
