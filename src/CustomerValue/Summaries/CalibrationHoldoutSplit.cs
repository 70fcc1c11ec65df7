using CustomerValue.Models;

namespace CustomerValue;

/// <summary>
/// A transaction log split at a calibration end date (<see cref="CustomerSummaries.SplitCalibrationHoldout"/>): the model
/// summary of the calibration period and, per calibration customer, the purchases of the holdout period that follows it.
/// Pass it to <see cref="CalibrationHoldout.Compare(PurchaseModel, CalibrationHoldoutSplit, int)"/> to check a model fitted
/// on <see cref="Calibration"/>. Immutable.
/// </summary>
public sealed class CalibrationHoldoutSplit
{
    private readonly int[] _holdoutPurchases;

    internal CalibrationHoldoutSplit(
        SummaryResult calibration, int[] holdoutPurchases, DateOnly calibrationEnd, DateOnly holdoutEnd, Horizon holdout, int customersBornInHoldout, int transactionsAfterHoldout)
    {
        Calibration = calibration;
        _holdoutPurchases = holdoutPurchases;
        HoldoutPurchases = Array.AsReadOnly(holdoutPurchases);
        CalibrationEnd = calibrationEnd;
        HoldoutEnd = holdoutEnd;
        Holdout = holdout;
        CustomersBornInHoldout = customersBornInHoldout;
        TransactionsAfterHoldout = transactionsAfterHoldout;
    }

    /// <summary>
    /// Gets the summaries as of <see cref="CalibrationEnd"/>, exactly as <see cref="CustomerSummaries.FromTransactions"/> gives them
    /// (later transactions are among its issues, with reason <see cref="TransactionIssueReason.AfterAsOfDate"/>).
    /// </summary>
    public SummaryResult Calibration { get; }

    /// <summary>
    /// Gets, per row of <see cref="SummaryResult.Customers"/> of <see cref="Calibration"/>, the number of distinct periods
    /// (days or weeks, as <see cref="SummaryOptions.ModelPeriod"/>) with a purchase after <see cref="CalibrationEnd"/> up to
    /// and including <see cref="HoldoutEnd"/>: the holdout counterpart of the model frequency. Returns are never purchases.
    /// </summary>
    public IReadOnlyList<int> HoldoutPurchases { get; }

    /// <summary>Gets the last day of the calibration period (the <see cref="SummaryOptions.AsOf"/> of the split).</summary>
    public DateOnly CalibrationEnd { get; }

    /// <summary>Gets the last day of the holdout period.</summary>
    public DateOnly HoldoutEnd { get; }

    /// <summary>
    /// Gets the length of the holdout period in the summary's period: the days from <see cref="CalibrationEnd"/> to
    /// <see cref="HoldoutEnd"/>, or with weekly summaries the weeks between the week of one and the week of the other.
    /// </summary>
    public Horizon Holdout { get; }

    /// <summary>Gets the number of customers whose first purchase falls in the holdout period; they are not in the calibration set.</summary>
    public int CustomersBornInHoldout { get; }

    /// <summary>Gets the number of transactions dated after <see cref="HoldoutEnd"/>; they are in neither period.</summary>
    public int TransactionsAfterHoldout { get; }

    internal ReadOnlySpan<int> HoldoutPurchaseCounts => _holdoutPurchases;
}
