namespace CustomerValue;

/// <summary>
/// The flag names of the low-value stage: the criteria (<see cref="ColumnNames.LowValueCriteria"/>, and the evidence of a
/// "Low value" status) and the other evidence of <see cref="ColumnNames.StatusReasons"/>.
/// </summary>
public static class LowValueReasonNames
{
    /// <summary>Criterion: the value is at most the fitted bottom-share threshold (<see cref="LowValueOptions.BottomValueShare"/>).</summary>
    public const string BottomValueShare = "bottom value share";

    /// <summary>Criterion: at most <see cref="LowValueOptions.MaxOrders"/> orders.</summary>
    public const string FewOrders = "few orders";

    /// <summary>Criterion: no purchase for at least <see cref="LowValueOptions.InactiveDays"/> days.</summary>
    public const string Inactive = "inactive";

    /// <summary>Criterion: at most <see cref="LowValueOptions.MaxInteractions"/> interactions.</summary>
    public const string FewInteractions = "few interactions";

    /// <summary>Criterion: at least <see cref="LowValueOptions.MinComplaints"/> complaints.</summary>
    public const string ManyComplaints = "many complaints";

    /// <summary>Criterion: satisfaction at most <see cref="LowValueOptions.MaxSatisfaction"/>.</summary>
    public const string LowSatisfaction = "low satisfaction";

    /// <summary>Status evidence: the value is zero or negative (status "Valueless").</summary>
    public const string ZeroOrNegativeValue = "zero or negative value";

    /// <summary>Potential evidence and the evidence of status "New": tenure below <see cref="LowValueOptions.NewCustomerDays"/>.</summary>
    public const string NewCustomer = "new customer";

    /// <summary>Potential evidence: spend in the recent window above the previous window.</summary>
    public const string GrowingSpend = "growing spend";

    /// <summary>Potential evidence: the stated potential is above <see cref="LowValueOptions.PotentialThreshold"/>.</summary>
    public const string StatedPotential = "stated potential";

    /// <summary>Potential evidence: the predicted value is above <see cref="LowValueOptions.PredictedValueThreshold"/>.</summary>
    public const string PredictedValue = "predicted value";

    internal static readonly string[] Criteria = [BottomValueShare, FewOrders, Inactive, FewInteractions, ManyComplaints, LowSatisfaction];

    /// <summary>Bits 0..5 are the criteria, so a low-value customer's status reasons are its criteria bits unchanged.</summary>
    internal static readonly string[] Status = [.. Criteria, ZeroOrNegativeValue, NewCustomer, GrowingSpend, StatedPotential, PredictedValue];
}
