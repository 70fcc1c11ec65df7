namespace CustomerValue.Csv;

/// <summary>Why a CSV row was rejected.</summary>
public enum CsvRejectReason
{
    /// <summary>A date field is empty or matches none of the date formats.</summary>
    BadDate,

    /// <summary>A number field is empty (where required) or is not a number in the culture.</summary>
    BadNumber,

    /// <summary>The row has fewer fields than the header.</summary>
    MissingField,

    /// <summary>The row has more fields than the header.</summary>
    ExtraField,

    /// <summary>A quoted field is not closed before the end of its line.</summary>
    UnclosedQuote,

    /// <summary>A quote inside an unquoted field, or text after a closing quote.</summary>
    MalformedQuote,

    /// <summary>The customer id is empty or whitespace.</summary>
    EmptyCustomerId,

    /// <summary>The customer id already appeared on an earlier row (attribute files have one row per customer).</summary>
    DuplicateCustomerId,
}
