using System.Globalization;

namespace CustomerValue.Csv;

/// <summary>Options for reading a customer-attribute export with <see cref="CsvAttributes"/>. Immutable.</summary>
public sealed record CsvAttributeOptions
{
    /// <summary>Gets the field delimiter.</summary>
    /// <value>The default value is ','. Must be an ASCII character other than the quote, CR and LF.</value>
    public char Delimiter { get; init; } = ',';

    /// <summary>Gets the culture of numbers, such as de-DE for "4,5".</summary>
    /// <value>The default value is <see cref="CultureInfo.InvariantCulture"/>.</value>
    public CultureInfo Culture { get; init; } = CultureInfo.InvariantCulture;

    /// <summary>Gets what to do with a bad row.</summary>
    /// <value>The default value is <see cref="CsvErrorMode.Strict"/>: the first bad row throws.</value>
    public CsvErrorMode Errors { get; init; } = CsvErrorMode.Strict;

    /// <summary>Gets the header of the customer id column.</summary>
    /// <value>The default value is <see langword="null"/>: the first of customer_id, customerid, customer, client_id, client, cust_id, customer_no, customer_number, account_id, id (any case, separators ignored).</value>
    public string? CustomerIdColumn { get; init; }

    /// <summary>
    /// Gets the kind of chosen columns, by column name (a <see cref="CsvAttributeNames"/> name or a header, any case,
    /// separators ignored): <see cref="ColumnKind.Numeric"/> (a value that does not parse rejects the row),
    /// <see cref="ColumnKind.Text"/> or <see cref="ColumnKind.Category"/>.
    /// </summary>
    /// <value>The default value is empty: a column is numeric when every non-empty value parses as a number in <see cref="Culture"/>, text otherwise.</value>
    public IReadOnlyDictionary<string, ColumnKind> ColumnKinds { get; init; } = new Dictionary<string, ColumnKind>();
}
