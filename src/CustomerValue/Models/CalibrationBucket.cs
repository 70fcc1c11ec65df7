namespace CustomerValue.Models;

/// <summary>Predicted versus actual holdout purchases of the customers with one calibration frequency. Immutable.</summary>
/// <param name="Frequency">The calibration frequency of the bucket; in the last bucket, this frequency or more.</param>
/// <param name="IsOpenEnded">Whether the bucket holds every frequency from <paramref name="Frequency"/> up.</param>
/// <param name="Customers">The number of customers in the bucket.</param>
/// <param name="PredictedPurchases">The sum of the customers' expected holdout purchases.</param>
/// <param name="ActualPurchases">The sum of the customers' actual holdout purchases.</param>
public sealed record CalibrationBucket(int Frequency, bool IsOpenEnded, int Customers, double PredictedPurchases, double ActualPurchases)
{
    /// <summary>Gets the mean predicted holdout purchases per customer (0 for an empty bucket).</summary>
    public double PredictedMean => Customers == 0 ? 0.0 : PredictedPurchases / Customers;

    /// <summary>Gets the mean actual holdout purchases per customer (0 for an empty bucket).</summary>
    public double ActualMean => Customers == 0 ? 0.0 : ActualPurchases / Customers;
}
