using CustomerValue.Internal;

namespace CustomerValue.Priority;

/// <summary>
/// Recovers each reason's contribution to a scored customer's priority from the scored columns, so reasons can be
/// listed largest first although the flags column is a set. The overdue factor of a customer without a purchase
/// rhythm used the fitted median interval, which the frame does not carry: it is recovered from the urgency column.
/// </summary>
internal sealed class ReasonContributions
{
    private readonly PriorityOptions _o;
    private readonly NumericColumn _importance;
    private readonly NumericColumn _urgency;
    private readonly FlagsColumn _reasons;
    private readonly NumericColumn _recency;
    private readonly NumericColumn _tenure;
    private readonly NumericColumn _orders;
    private readonly NumericColumn? _complaints;
    private readonly NumericColumn? _satisfaction;
    private readonly NumericColumn? _pAlive;
    private readonly double _wi;
    private readonly double _wu;

    public ReasonContributions(CustomerFrame scored, PriorityOptions options)
    {
        _o = options;
        _importance = scored.GetNumeric(ColumnNames.Importance);
        _urgency = scored.GetNumeric(ColumnNames.Urgency);
        _reasons = scored[ColumnNames.PriorityReasons] as FlagsColumn
            ?? throw new ArgumentException(Guard.Invariant($"The column '{ColumnNames.PriorityReasons}' is {scored[ColumnNames.PriorityReasons].Kind}, not Flags; score the frame with AddPriority()."), nameof(scored));
        _recency = scored.GetNumeric(ColumnNames.RecencyDays);
        _tenure = scored.GetNumeric(ColumnNames.TenureDays);
        _orders = scored.GetNumeric(ColumnNames.Orders);
        _complaints = FittedPriorityStage.Optional(scored, options.ComplaintsColumn);
        _satisfaction = FittedPriorityStage.Optional(scored, options.SatisfactionColumn);
        _pAlive = FittedPriorityStage.Optional(scored, options.PAliveColumn);
        var combined = options.ImportanceWeight + options.UrgencyWeight;
        _wi = options.ImportanceWeight / combined;
        _wu = options.UrgencyWeight / combined;
    }

    public PriorityReason[] For(int row)
    {
        var flags = _reasons[row];
        if (flags == 0)
        {
            return [];
        }

        var o = _o;
        var others = 0.0;
        var otherWeights = 0.0;
        var complaints = Factor(_complaints is null ? double.NaN : UrgencyFactors.Complaints(_complaints[row], o.ComplaintSaturation), o.ComplaintsWeight, ref others, ref otherWeights);
        var satisfaction = Factor(_satisfaction is null ? double.NaN : UrgencyFactors.LowSatisfaction(_satisfaction[row], o.SatisfactionThreshold, o.SatisfactionFloor), o.SatisfactionWeight, ref others, ref otherWeights);
        var pAlive = Factor(_pAlive is null ? double.NaN : UrgencyFactors.FallingPAlive(_pAlive[row]), o.PAliveWeight, ref others, ref otherWeights);

        var urgency = _urgency[row];
        var overdue = double.NaN;
        if (o.OverdueWeight > 0)
        {
            var interval = UrgencyFactors.OwnInterval(_recency[row], _tenure[row], _orders[row]);
            if (!double.IsNaN(interval))
            {
                overdue = UrgencyFactors.Overdue(_recency[row], interval, o.OverdueSaturation);
            }
            else if ((flags & FittedPriorityStage.OverdueFlag) != 0 || (others > 0 && urgency * otherWeights < others * (1 - 1e-9)))
            {
                // Present with the median interval: urgency = (wO f + others) / (wO + otherWeights).
                overdue = Math.Clamp(((urgency * (o.OverdueWeight + otherWeights)) - others) / o.OverdueWeight, 0, 1);
            }
        }

        var weights = otherWeights + (double.IsNaN(overdue) ? 0 : o.OverdueWeight);
        var reasons = new List<PriorityReason>(5);
        AddIf(reasons, flags, FittedPriorityStage.HighValueFlag, PriorityReasonNames.HighValue, _wi * _importance[row]);
        AddIf(reasons, flags, FittedPriorityStage.OverdueFlag, PriorityReasonNames.Overdue, Share(overdue, o.OverdueWeight, weights));
        AddIf(reasons, flags, FittedPriorityStage.ComplaintsFlag, PriorityReasonNames.Complaints, Share(complaints, o.ComplaintsWeight, weights));
        AddIf(reasons, flags, FittedPriorityStage.LowSatisfactionFlag, PriorityReasonNames.LowSatisfaction, Share(satisfaction, o.SatisfactionWeight, weights));
        AddIf(reasons, flags, FittedPriorityStage.FallingPAliveFlag, PriorityReasonNames.FallingPAlive, Share(pAlive, o.PAliveWeight, weights));

        // Insertion sort (at most five reasons), stable: equal contributions keep the flag order. Rounding hides the
        // last-bit noise of a recovered overdue factor.
        var sorted = reasons.ToArray();
        for (var i = 1; i < sorted.Length; i++)
        {
            var item = sorted[i];
            var key = Math.Round(item.Contribution, 12);
            var j = i - 1;
            while (j >= 0 && Math.Round(sorted[j].Contribution, 12) < key)
            {
                sorted[j + 1] = sorted[j];
                j--;
            }

            sorted[j + 1] = item;
        }

        return sorted;
    }

    private static double Factor(double f, double weight, ref double sum, ref double weights)
    {
        if (!(weight > 0))
        {
            return double.NaN;
        }

        if (!double.IsNaN(f))
        {
            sum += weight * f;
            weights += weight;
        }

        return f;
    }

    private double Share(double factor, double weight, double weights)
        => double.IsNaN(factor) || !(weights > 0) ? 0 : _wu * weight * factor / weights;

    private static void AddIf(List<PriorityReason> reasons, ulong flags, ulong flag, string name, double contribution)
    {
        if ((flags & flag) != 0)
        {
            reasons.Add(new PriorityReason(name, contribution));
        }
    }
}
