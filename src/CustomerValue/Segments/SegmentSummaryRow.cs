namespace CustomerValue;

/// <summary>One segment's line in a <see cref="SegmentSummary"/>. Immutable.</summary>
/// <param name="Segment">The segment name.</param>
/// <param name="Customers">The number of customers.</param>
/// <param name="Orders">Their orders.</param>
/// <param name="Revenue">Their net revenue.</param>
/// <param name="AverageOrderValue">Revenue divided by orders (0 without orders).</param>
/// <param name="RevenueShare">The segment's share of total revenue, 0..1 (0 when total revenue is 0).</param>
public sealed record SegmentSummaryRow(string Segment, int Customers, double Orders, double Revenue, double AverageOrderValue, double RevenueShare);
