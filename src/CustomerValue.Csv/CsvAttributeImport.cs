namespace CustomerValue.Csv;

/// <summary>Customer attributes read from a CSV export, with what the read did with every row. Immutable.</summary>
public sealed class CsvAttributeImport
{
    internal CsvAttributeImport(CustomerFrame customers, CsvReadReport report)
    {
        Customers = customers;
        Report = report;
    }

    /// <summary>Gets one row per accepted customer, in file order, with a column per other header (see <see cref="CsvAttributeNames"/>).</summary>
    public CustomerFrame Customers { get; }

    /// <summary>Gets the rows read, accepted and rejected.</summary>
    public CsvReadReport Report { get; }
}
