using System.Globalization;

namespace CustomerValue.Csv;

/// <summary>Options for reading a transaction export (<see cref="CsvTransactionReader"/>, <see cref="CsvTransactions"/>). Immutable.</summary>
public sealed record CsvTransactionOptions
{
    /// <summary>Gets the field delimiter.</summary>
    /// <value>The default value is ','. Must be an ASCII character other than the quote, CR and LF.</value>
    public char Delimiter { get; init; } = ',';

    /// <summary>Gets the culture of numbers and dates, such as de-DE for "12,50".</summary>
    /// <value>The default value is <see cref="CultureInfo.InvariantCulture"/>.</value>
    public CultureInfo Culture { get; init; } = CultureInfo.InvariantCulture;

    /// <summary>Gets the date formats, tried in order (as <see cref="DateTime.ParseExact(string, string[], IFormatProvider, DateTimeStyles)"/> takes them).</summary>
    /// <value>The default value is yyyy-MM-dd, yyyyMMdd, yyyy-MM-dd HH:mm:ss and yyyy-MM-ddTHH:mm:ss, which are parsed on a fast path.</value>
    public IReadOnlyList<string> DateFormats { get; init; } = DefaultDateFormats;

    /// <summary>Gets what to do with a bad row.</summary>
    /// <value>The default value is <see cref="CsvErrorMode.Strict"/>: the first bad row throws.</value>
    public CsvErrorMode Errors { get; init; } = CsvErrorMode.Strict;

    /// <summary>Gets the header of the customer id column.</summary>
    /// <value>The default value is <see langword="null"/>: the first of customer_id, customerid, customer, client_id, client, cust_id, customer_no, customer_number, account_id, id (any case, separators ignored).</value>
    public string? CustomerIdColumn { get; init; }

    /// <summary>Gets the header of the date column.</summary>
    /// <value>The default value is <see langword="null"/>: the first of date, order_date, invoice_date, transaction_date, purchase_date, sale_date, timestamp, datetime (any case, separators ignored).</value>
    public string? DateColumn { get; init; }

    /// <summary>Gets the header of the amount column.</summary>
    /// <value>The default value is <see langword="null"/>: the first of amount, revenue, total, value, sales, order_value, total_amount, net_amount, spend, price (any case, separators ignored).</value>
    public string? AmountColumn { get; init; }

    internal static IReadOnlyList<string> DefaultDateFormats { get; } = ["yyyy-MM-dd", "yyyyMMdd", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-ddTHH:mm:ss"];
}
