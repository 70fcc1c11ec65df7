namespace CustomerValue.Models;

/// <summary>Predicted versus actual holdout purchases, per calibration frequency and in total. Immutable.</summary>
/// <param name="Buckets">One bucket per calibration frequency 0, 1, ..., the last open-ended.</param>
/// <param name="Customers">The number of customers.</param>
/// <param name="PredictedPurchases">The total expected holdout purchases.</param>
/// <param name="ActualPurchases">The total actual holdout purchases.</param>
public sealed record CalibrationReport(IReadOnlyList<CalibrationBucket> Buckets, int Customers, double PredictedPurchases, double ActualPurchases);
