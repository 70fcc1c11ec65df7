using CustomerValue.Internal;

namespace CustomerValue.Models;

/// <summary>Checks a purchase model fitted on a calibration period against the purchases of a later holdout period.</summary>
public static class CalibrationHoldout
{
    /// <summary>Compares the model's expected holdout purchases with the actual ones, per calibration frequency and in total.</summary>
    /// <param name="model">The model fitted on the calibration period.</param>
    /// <param name="frequency">The calibration numbers of repeat purchases.</param>
    /// <param name="recency">The calibration recencies, in the model's unit.</param>
    /// <param name="age">The calibration ages T, in the model's unit.</param>
    /// <param name="holdoutPurchases">The numbers of purchases each customer made in the holdout period (whole numbers &gt;= 0).</param>
    /// <param name="holdout">The length of the holdout period.</param>
    /// <param name="maxFrequency">The frequency of the last, open-ended bucket (1 to 1000).</param>
    /// <returns>The report.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="model"/> is null.</exception>
    /// <exception cref="ArgumentException">The spans differ in length or a row is invalid (the message names the row and field).</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxFrequency"/> is outside 1 to 1000.</exception>
    public static CalibrationReport Compare(PurchaseModel model, ReadOnlySpan<double> frequency, ReadOnlySpan<double> recency, ReadOnlySpan<double> age, ReadOnlySpan<double> holdoutPurchases, Horizon holdout, int maxFrequency = 7)
    {
        Guard.NotNull(model);
        Guard.InRange(maxFrequency, 1, 1000);
        var n = frequency.Length;
        PurchaseModel.CheckSpans(n, recency.Length, age.Length);
        if (holdoutPurchases.Length != n)
        {
            throw new ArgumentException(Guard.Invariant($"The holdout purchases must have one value per customer ({n}); they have {holdoutPurchases.Length}."), nameof(holdoutPurchases));
        }

        var counts = new int[maxFrequency + 1];
        var predicted = new double[maxFrequency + 1];
        var actual = new double[maxFrequency + 1];
        var t = holdout.In(model.TimeUnit);
        for (var i = 0; i < n; i++)
        {
            SummaryRows.CheckPurchaseRow(i, frequency[i], recency[i], age[i]);
            var h = holdoutPurchases[i];
            if (!double.IsFinite(h) || h < 0 || h != Math.Floor(h))
            {
                throw new ArgumentException(Guard.Invariant($"Row {i}: holdoutPurchases must be a whole number >= 0; it was {h}."), nameof(holdoutPurchases));
            }

            var bucket = (int)Math.Min(frequency[i], maxFrequency);
            counts[bucket]++;
            predicted[bucket] += model.ProbabilityAliveCore(frequency[i], recency[i], age[i]) * model.ActivePurchasesCore(frequency[i], age[i], t);
            actual[bucket] += h;
        }

        var buckets = new CalibrationBucket[maxFrequency + 1];
        double predictedTotal = 0, actualTotal = 0;
        for (var b = 0; b <= maxFrequency; b++)
        {
            buckets[b] = new CalibrationBucket(b, b == maxFrequency, counts[b], predicted[b], actual[b]);
            predictedTotal += predicted[b];
            actualTotal += actual[b];
        }

        return new CalibrationReport(buckets, n, predictedTotal, actualTotal);
    }
}
