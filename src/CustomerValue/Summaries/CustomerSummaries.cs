using System.Runtime.InteropServices;
using CustomerValue.Internal;
using CustomerValue.Models;

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

    /// <summary>
    /// Splits <paramref name="transactions"/> at the calibration end <see cref="SummaryOptions.AsOf"/> into the summaries of the
    /// calibration period (exactly those of <see cref="FromTransactions"/> with the same <paramref name="options"/>) and, per
    /// calibration customer, the number of distinct purchase periods in the holdout period after it, up to and including
    /// <paramref name="holdoutEnd"/> (lifetimes' <c>calibration_and_holdout_data</c>). Customers whose first purchase is in the
    /// holdout period are left out and counted; transactions after <paramref name="holdoutEnd"/> are ignored and counted.
    /// </summary>
    /// <remarks>
    /// The holdout window is cut by date. With weekly summaries, pick a calibration end on a Sunday so that both periods hold
    /// whole weeks: otherwise, as in lifetimes, purchases later in the calibration end's own week count as a holdout week.
    /// </remarks>
    /// <param name="transactions">The log, in any order; the result does not depend on the order. A lazy sequence is enumerated once.</param>
    /// <param name="options">The calibration end (<see cref="SummaryOptions.AsOf"/>), the period and the handling of bad rows, as for <see cref="FromTransactions"/>.</param>
    /// <param name="holdoutEnd">The last day of the holdout period; after <see cref="SummaryOptions.AsOf"/>.</param>
    /// <returns>The calibration summaries, the holdout purchases and the holdout length.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="holdoutEnd"/> is not after <see cref="SummaryOptions.AsOf"/> (with weekly summaries: not in a later week).</exception>
    /// <exception cref="ArgumentException">The log is empty, no customer purchased up to the calibration end, or an option is out of range.</exception>
    /// <exception cref="InvalidTransactionException">
    /// A row is invalid and <see cref="SummaryOptions.InvalidTransactions"/> is <see cref="InvalidTransactionHandling.Throw"/>; a negative amount in
    /// the holdout period counts as invalid under <see cref="NegativeAmountHandling.Reject"/>, as it would in summaries as of <paramref name="holdoutEnd"/>.
    /// </exception>
    public static CalibrationHoldoutSplit SplitCalibrationHoldout(IEnumerable<Transaction> transactions, SummaryOptions options, DateOnly holdoutEnd)
    {
        ArgumentNullException.ThrowIfNull(transactions);
        ArgumentNullException.ThrowIfNull(options);
        var calibrationEnd = options.AsOf;
        if (holdoutEnd <= calibrationEnd)
        {
            throw new ArgumentOutOfRangeException(
                nameof(holdoutEnd), holdoutEnd, Guard.Invariant($"holdoutEnd must be after the calibration end SummaryOptions.AsOf ({calibrationEnd:yyyy-MM-dd}); it was {holdoutEnd:yyyy-MM-dd}."));
        }

        var weekly = options.ModelPeriod == SummaryPeriod.Week;
        var (asOfDay, endDay) = (calibrationEnd.DayNumber, holdoutEnd.DayNumber);

        // Day numbers count from Monday 0001-01-01, so day / 7 is the Monday-based week of the summaries.
        var length = weekly ? (endDay / 7) - (asOfDay / 7) : endDay - asOfDay;
        if (length == 0)
        {
            throw new ArgumentOutOfRangeException(
                nameof(holdoutEnd),
                holdoutEnd,
                Guard.Invariant($"With SummaryOptions.ModelPeriod Week, holdoutEnd must fall in a later week (weeks start on Monday) than SummaryOptions.AsOf ({calibrationEnd:yyyy-MM-dd}); it was {holdoutEnd:yyyy-MM-dd}, in the same week. Choose a later holdoutEnd or set ModelPeriod to Day."));
        }

        // The summaries read an array or list without copying it; anything else is materialised once rather than enumerated twice.
        var list = transactions as List<Transaction>;
        var array = list is null ? transactions as Transaction[] ?? [.. transactions] : null;
        var calibration = array is not null ? FromTransactions(array, options) : FromTransactions(list!, options);
        var customers = calibration.Customers;
        if (customers.Count == 0)
        {
            throw new ArgumentException(
                Guard.Invariant($"No customer made a purchase up to the calibration end SummaryOptions.AsOf ({calibrationEnd:yyyy-MM-dd}), so there is nothing to calibrate on. Choose a later SummaryOptions.AsOf."),
                nameof(transactions));
        }

        var log = array is not null ? array.AsSpan() : CollectionsMarshal.AsSpan(list);
        var rejectNegative = options.NegativeAmounts == NegativeAmountHandling.Reject && options.InvalidTransactions == InvalidTransactionHandling.Throw;
        var periods = new List<long>();
        var born = new HashSet<string>(StringComparer.Ordinal);
        var after = 0;
        for (var i = 0; i < log.Length; i++)
        {
            ref readonly var transaction = ref log[i];
            var day = (int)(transaction.Timestamp.Ticks / TimeSpan.TicksPerDay);
            if (day <= asOfDay)
            {
                continue;
            }

            if (day > endDay)
            {
                after++;
                continue;
            }

            // Blank ids were rejected (or reported) by the calibration summaries already; returns are never purchases.
            if (string.IsNullOrWhiteSpace(transaction.CustomerId) || transaction.Amount < 0)
            {
                if (rejectNegative && transaction.Amount < 0)
                {
                    throw SummaryBuilder.Rejection(i, transaction, TransactionIssueReason.NegativeAmount);
                }

                continue;
            }

            var row = customers.IndexOf(transaction.CustomerId);
            if (row < 0)
            {
                born.Add(transaction.CustomerId);
                continue;
            }

            periods.Add(((long)row << 32) | (uint)(weekly ? day / 7 : day));
        }

        // Sorted (customer, period) keys: each run of equal keys is one distinct purchase period of that customer.
        var keys = CollectionsMarshal.AsSpan(periods);
        keys.Sort();
        var counts = new int[customers.Count];
        var previous = -1L;
        foreach (var key in keys)
        {
            if (key != previous)
            {
                counts[(int)(key >> 32)]++;
                previous = key;
            }
        }

        var holdout = new Horizon(length, weekly ? ModelTimeUnit.Week : ModelTimeUnit.Day);
        return new CalibrationHoldoutSplit(calibration, counts, calibrationEnd, holdoutEnd, holdout, born.Count, after);
    }
}
