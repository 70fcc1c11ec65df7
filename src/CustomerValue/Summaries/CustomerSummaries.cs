namespace CustomerValue;

/// <summary>Turns a transaction log into one summary row per customer: classic RFM and the model summary (GUIDE section 2).</summary>
public static class CustomerSummaries
{
    /// <summary>
    /// Summarises <paramref name="transactions"/> as of <see cref="SummaryOptions.AsOf"/> into a frame with the columns
    /// <see cref="ColumnNames.RecencyDays"/>, <see cref="ColumnNames.Frequency"/>, <see cref="ColumnNames.Monetary"/>,
    /// <see cref="ColumnNames.Orders"/>, <see cref="ColumnNames.Revenue"/>, <see cref="ColumnNames.TenureDays"/>,
    /// the model summary (<see cref="ColumnNames.ModelFrequency"/>, <see cref="ColumnNames.ModelRecency"/>,
    /// <see cref="ColumnNames.ModelT"/>, <see cref="ColumnNames.ModelMonetary"/>, in <see cref="SummaryOptions.ModelPeriod"/> units)
    /// and the growth windows (<see cref="ColumnNames.WindowSpend"/>, <see cref="ColumnNames.PreviousWindowSpend"/>).
    /// </summary>
    /// <param name="transactions">The log, in any order; the result does not depend on the order.</param>
    /// <param name="options">The as-of date and the handling of bad rows.</param>
    /// <returns>The summaries and every excluded transaction with its reason.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The log is empty, or an option is out of range.</exception>
    /// <exception cref="InvalidTransactionException">A row is invalid and <see cref="SummaryOptions.InvalidTransactions"/> is <see cref="InvalidTransactionHandling.Throw"/>.</exception>
    public static SummaryResult FromTransactions(IEnumerable<Transaction> transactions, SummaryOptions options)
    {
        ArgumentNullException.ThrowIfNull(transactions);
        ArgumentNullException.ThrowIfNull(options);
        var builder = new SummaryBuilder(options);
        switch (transactions)
        {
            case Transaction[] array:
                builder.AddLog(array);
                break;
            case List<Transaction> list:
                builder.AddLog(list);
                break;
            default:
                foreach (var transaction in transactions)
                {
                    builder.Add(transaction);
                }

                break;
        }

        if (builder.Read == 0)
        {
            throw new ArgumentException("The transaction log is empty: there is nothing to summarise.", nameof(transactions));
        }

        return builder.Build();
    }
}
