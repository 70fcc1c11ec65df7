namespace CustomerValue;

/// <summary>One reason for a customer's priority and its contribution to the priority. Immutable.</summary>
/// <param name="Name">The reason, one of <see cref="PriorityReasonNames"/>.</param>
/// <param name="Contribution">
/// The part of the priority it accounts for: for "high value" the importance share, importance x ImportanceWeight / (ImportanceWeight + UrgencyWeight);
/// for an urgency factor, factor x its weight / (sum of the weights of the customer's factors) x UrgencyWeight / (ImportanceWeight + UrgencyWeight).
/// </param>
public sealed record PriorityReason(string Name, double Contribution);
