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

    /// <summary>
    /// Compares the model's expected holdout purchases with the actual ones of a <see cref="CalibrationHoldoutSplit"/>, per calibration
    /// frequency and in total. The split's recency and T, in its summary period, are converted to the model's <see cref="PurchaseModel.TimeUnit"/>.
    /// </summary>
    /// <param name="model">The model fitted on <see cref="CalibrationHoldoutSplit.Calibration"/>.</param>
    /// <param name="split">The calibration summaries and holdout purchases.</param>
    /// <param name="maxFrequency">The frequency of the last, open-ended bucket (1 to 1000); 7 is the usual choice of the papers.</param>
    /// <returns>The report.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxFrequency"/> is outside 1 to 1000.</exception>
    public static CalibrationReport Compare(PurchaseModel model, CalibrationHoldoutSplit split, int maxFrequency)
    {
        Guard.NotNull(model);
        Guard.NotNull(split);
        var customers = split.Calibration.Customers;
        var frequency = customers.GetNumeric(ColumnNames.ModelFrequency).Values;
        var recency = customers.GetNumeric(ColumnNames.ModelRecency).Values;
        var age = customers.GetNumeric(ColumnNames.ModelT).Values;
        var counts = split.HoldoutPurchaseCounts;
        var ratio = TimeUnits.Ratio(split.Holdout.Unit, model.TimeUnit);
        var holdoutPurchases = new double[counts.Length];
        for (var i = 0; i < counts.Length; i++)
        {
            holdoutPurchases[i] = counts[i];
        }

        if (ratio == 1.0)
        {
            return Compare(model, frequency, recency, age, holdoutPurchases, split.Holdout, maxFrequency);
        }

        var convertedRecency = new double[recency.Length];
        var convertedAge = new double[age.Length];
        for (var i = 0; i < recency.Length; i++)
        {
            convertedRecency[i] = recency[i] * ratio;
            convertedAge[i] = age[i] * ratio;
        }

        return Compare(model, frequency, convertedRecency, convertedAge, holdoutPurchases, split.Holdout, maxFrequency);
    }
}
