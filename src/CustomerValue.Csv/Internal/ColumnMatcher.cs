namespace CustomerValue.Csv.Internal;

/// <summary>Finds columns by header name: an explicit name, or the first alias (in priority order) that a header matches.</summary>
internal static class ColumnMatcher
{
    public static readonly string[] CustomerIdAliases =
        ["customer_id", "customerid", "customer", "client_id", "client", "cust_id", "customer_no", "customer_number", "account_id", "id"];

    public static readonly string[] DateAliases =
        ["date", "order_date", "invoice_date", "transaction_date", "purchase_date", "sale_date", "timestamp", "datetime", "invoice_date_time", "order_timestamp"];

    public static readonly string[] AmountAliases =
        ["amount", "revenue", "total", "value", "sales", "order_value", "total_amount", "net_amount", "spend", "price"];

    // Known attribute columns. Only spellings of the names themselves match ("Account Manager"): synonyms such as
    // "owner" would rename columns of written frames, so a frame would not read back as it was written.
    public static readonly string[] AttributeNames =
    [
        CsvAttributeNames.Interactions, CsvAttributeNames.Complaints, CsvAttributeNames.Satisfaction, CsvAttributeNames.AccountManager,
        CsvAttributeNames.Region, CsvAttributeNames.Industry, CsvAttributeNames.Potential,
    ];

    /// <summary>Lower-cases and drops everything but letters and digits, so "Customer ID", "customer_id" and "CustomerID" match.</summary>
    public static string Normalise(string header)
    {
        Span<char> buffer = header.Length <= 128 ? stackalloc char[header.Length] : new char[header.Length];
        var length = 0;
        foreach (var c in header)
        {
            if (char.IsLetterOrDigit(c))
            {
                buffer[length++] = char.ToLowerInvariant(c);
            }
        }

        return new string(buffer[..length]);
    }

    /// <summary>Returns the index of the column for a field, or -1; throws when an explicit name is not a header.</summary>
    public static int Find(IReadOnlyList<string> headers, string? explicitName, string[] aliases, string field, string option)
    {
        if (explicitName is not null)
        {
            var index = IndexOf(headers, explicitName);
            return index >= 0
                ? index
                : throw new CsvImportException(Text.Invariant(
                    $"The {field} column '{explicitName}' set by {option} is not in the header. The header has: {Describe(headers)}."));
        }

        var normalised = Normalised(headers);
        foreach (var alias in aliases)
        {
            var index = Array.IndexOf(normalised, Normalise(alias));
            if (index >= 0)
            {
                return index;
            }
        }

        return -1;
    }

    /// <summary>Like <see cref="Find"/>, but a missing column is an error that lists the headers and the accepted names.</summary>
    public static int FindRequired(IReadOnlyList<string> headers, string? explicitName, string[] aliases, string field, string option)
    {
        var index = Find(headers, explicitName, aliases, field, option);
        return index >= 0
            ? index
            : throw new CsvImportException(Text.Invariant(
                $"No {field} column: the header has {Describe(headers)}; accepted names (any case, with or without separators) are {string.Join(", ", aliases)}. Set {option} to the name of the column."));
    }

    public static int IndexOf(IReadOnlyList<string> headers, string name)
    {
        for (var i = 0; i < headers.Count; i++)
        {
            if (string.Equals(headers[i], name, StringComparison.Ordinal))
            {
                return i;
            }
        }

        var wanted = Normalise(name);
        for (var i = 0; i < headers.Count; i++)
        {
            if (wanted.Length > 0 && Normalise(headers[i]) == wanted)
            {
                return i;
            }
        }

        return -1;
    }

    public static string Describe(IReadOnlyList<string> headers)
    {
        if (headers.Count == 0)
        {
            return "no columns";
        }

        // A garbage "header" can be long; the message only needs enough to recognise it.
        var shown = string.Join(", ", headers.Take(20).Select(h => "'" + (h.Length > 40 ? h[..40] + "..." : h) + "'"));
        return headers.Count > 20 ? Text.Invariant($"{shown} and {headers.Count - 20} more") : shown;
    }

    private static string[] Normalised(IReadOnlyList<string> headers)
    {
        var result = new string[headers.Count];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = Normalise(headers[i]);
        }

        return result;
    }
}
