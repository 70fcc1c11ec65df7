using System.Globalization;
using CustomerValue;
using CustomerValue.Models;
using ScottPlot;

namespace ValueJob;

/// <summary>The PNG charts of the job, drawn with ScottPlot (SkiaSharp's bundled native library, so no system packages are needed).</summary>
internal static class Charts
{
    private const int Width = 1000;
    private const int Height = 650;

    // Pareto curves of millions of customers look the same with a few thousand points.
    private const int MaxCurvePoints = 2000;

    private static readonly Color CustomersColor = Color.FromHex("#4C72B0");
    private static readonly Color RevenueColor = Color.FromHex("#DD8452");

    /// <summary>Share of customers and share of revenue per segment, as horizontal bar pairs labelled with the counts.</summary>
    public static void SegmentBars(string path, IReadOnlyList<SegmentSummaryRow> segments)
    {
        using var plot = new Plot();
        var totalCustomers = segments.Sum(s => s.Customers);
        var customerBars = new List<Bar>();
        var revenueBars = new List<Bar>();
        var ticks = new List<Tick>();
        for (var i = 0; i < segments.Count; i++)
        {
            // The first segment (the best, in map order) goes on top.
            var position = segments.Count - i;
            var segment = segments[i];
            customerBars.Add(new Bar
            {
                Position = position + 0.2,
                Value = totalCustomers == 0 ? 0 : 100.0 * segment.Customers / totalCustomers,
                Size = 0.4,
                FillColor = CustomersColor,
                Orientation = Orientation.Horizontal,
                Label = Invariant($"{segment.Customers:N0}"),
            });
            revenueBars.Add(new Bar
            {
                Position = position - 0.2,
                Value = 100.0 * segment.RevenueShare,
                Size = 0.4,
                FillColor = RevenueColor,
                Orientation = Orientation.Horizontal,
                Label = Invariant($"{segment.Revenue:N0}"),
            });
            ticks.Add(new Tick(position, segment.Segment));
        }

        var customers = plot.Add.Bars(customerBars);
        customers.Horizontal = true;
        customers.LegendText = "customers (% of all; label: count)";
        var revenue = plot.Add.Bars(revenueBars);
        revenue.Horizontal = true;
        revenue.LegendText = "revenue (% of all; label: amount)";

        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual([.. ticks]);
        plot.Axes.Left.MajorTickStyle.Length = 0;
        plot.Axes.Margins(left: 0, right: 0.15, bottom: 0.02, top: 0.02);
        plot.Title("Customers and revenue per segment");
        plot.XLabel("share (%)");
        plot.ShowLegend(Alignment.LowerRight);
        plot.SavePng(path, Width, Height);
    }

    /// <summary>The average of <paramref name="valueColumn"/> over the customers in each R x F cell, with the cell's customer count.</summary>
    public static void RecencyFrequencyHeatmap(string path, CustomerFrame scored, string valueColumn, string title, string format = "N0")
    {
        var r = scored.GetScore(ColumnNames.RecencyScore);
        var f = scored.GetScore(ColumnNames.FrequencyScore);
        var money = scored.GetNumeric(valueColumn).Values;
        var k = r.Bins;
        var sums = new double[k, k];
        var counts = new int[k, k];
        for (var i = 0; i < scored.Count; i++)
        {
            sums[f[i] - 1, r[i] - 1] += money[i];
            counts[f[i] - 1, r[i] - 1]++;
        }

        // Heatmap rows run top to bottom, so the highest F score is row 0; an empty cell stays transparent (NaN).
        var means = new double[k, k];
        for (var fs = 1; fs <= k; fs++)
        {
            for (var rs = 1; rs <= k; rs++)
            {
                var n = counts[fs - 1, rs - 1];
                means[k - fs, rs - 1] = n == 0 ? double.NaN : sums[fs - 1, rs - 1] / n;
            }
        }

        using var plot = new Plot();
        var heatmap = plot.Add.Heatmap(means);
        heatmap.Colormap = new ScottPlot.Colormaps.Viridis();
        heatmap.Rectangle = new CoordinateRect(0.5, k + 0.5, 0.5, k + 0.5);
        var colorBar = plot.Add.ColorBar(heatmap);
        colorBar.Label = "average " + valueColumn;

        for (var fs = 1; fs <= k; fs++)
        {
            for (var rs = 1; rs <= k; rs++)
            {
                var n = counts[fs - 1, rs - 1];
                if (n == 0)
                {
                    continue;
                }

                var text = plot.Add.Text(means[k - fs, rs - 1].ToString(format, CultureInfo.InvariantCulture) + Invariant($"\n{n:N0} cust."), rs, fs);
                text.Alignment = Alignment.MiddleCenter;
                text.LabelFontSize = k > 6 ? 10 : 13;
                text.LabelFontColor = Colors.Black;
                text.LabelBackgroundColor = Colors.White.WithAlpha(0.7);
            }
        }

        var scores = Enumerable.Range(1, k).Select(s => (double)s).ToArray();
        var labels = scores.Select(s => s.ToString(CultureInfo.InvariantCulture)).ToArray();
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(scores, labels);
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual(scores, labels);
        plot.Axes.SetLimits(0.5, k + 0.5, 0.5, k + 0.5);
        plot.HideGrid();
        plot.Title(title);
        plot.XLabel(Invariant($"R score ({k} = most recent)"));
        plot.YLabel(Invariant($"F score ({k} = most orders)"));
        plot.SavePng(path, Width, Height);
    }

    /// <summary>
    /// The ABC (Pareto) curve: customers sorted by revenue, largest first, against the cumulative share of revenue,
    /// with the A (80%) and B (95%) lines; the shares come from <see cref="Pareto"/>.
    /// </summary>
    public static void ParetoCurve(string path, double[] customerShare, double[] revenueShare)
    {
        var a = ShareReaching(customerShare, revenueShare, 80);
        var b = ShareReaching(customerShare, revenueShare, 95);

        using var plot = new Plot();
        var stride = Math.Max(1, customerShare.Length / MaxCurvePoints);
        var xs = new List<double>();
        var ys = new List<double>();
        for (var i = 0; i < customerShare.Length; i += stride)
        {
            xs.Add(customerShare[i]);
            ys.Add(revenueShare[i]);
        }

        xs.Add(customerShare[^1]);
        ys.Add(revenueShare[^1]);
        var curve = plot.Add.ScatterLine(xs.ToArray(), ys.ToArray(), CustomersColor);
        curve.LineWidth = 2;
        curve.LegendText = "cumulative revenue";
        var even = plot.Add.Line(0, 0, 100, 100);
        even.LinePattern = LinePattern.Dashed;
        even.Color = Colors.Gray;
        even.LegendText = "every customer equal";

        foreach (var (level, share, name) in new[] { (80.0, a, "A"), (95.0, b, "B") })
        {
            var across = plot.Add.HorizontalLine(level, 1, RevenueColor, LinePattern.Dotted);
            across.ExcludeFromLegend = true;
            var down = plot.Add.VerticalLine(share, 1, RevenueColor, LinePattern.Dotted);
            down.ExcludeFromLegend = true;
            var label = plot.Add.Text(Invariant($"{name}: top {share:F1}% of customers bring {level:F0}% of revenue"), share + 1, level - 2);
            label.Alignment = Alignment.UpperLeft;
            label.LabelFontSize = 13;
        }

        plot.Axes.SetLimits(0, 100, 0, 100);
        plot.Title("ABC (Pareto) curve");
        plot.XLabel("customers, largest revenue first (cumulative %)");
        plot.YLabel("revenue (cumulative %)");
        plot.ShowLegend(Alignment.LowerRight);
        plot.SavePng(path, Width, Height);
    }

    /// <summary>
    /// Predicted versus actual mean holdout purchase days per customer, one pair of bars per calibration frequency
    /// (the papers' conditional-expectation check: a model that predicts well has bars of equal height).
    /// </summary>
    public static void HoldoutBars(string path, CalibrationReport report, CalibrationHoldoutSplit split)
    {
        using var plot = new Plot();
        var predictedBars = new List<Bar>();
        var actualBars = new List<Bar>();
        var ticks = new List<Tick>();
        foreach (var bucket in report.Buckets)
        {
            predictedBars.Add(new Bar
            {
                Position = bucket.Frequency - 0.2,
                Value = bucket.PredictedMean,
                Size = 0.4,
                FillColor = CustomersColor,
                Label = bucket.PredictedMean.ToString("F2", CultureInfo.InvariantCulture),
            });
            actualBars.Add(new Bar
            {
                Position = bucket.Frequency + 0.2,
                Value = bucket.ActualMean,
                Size = 0.4,
                FillColor = RevenueColor,
                Label = bucket.ActualMean.ToString("F2", CultureInfo.InvariantCulture),
            });
            var label = bucket.IsOpenEnded ? Invariant($"{bucket.Frequency}+") : Invariant($"{bucket.Frequency}");
            ticks.Add(new Tick(bucket.Frequency, Invariant($"{label}\n{bucket.Customers:N0} cust.")));
        }

        plot.Add.Bars(predictedBars).LegendText = Invariant($"predicted (total {report.PredictedPurchases:N0})");
        plot.Add.Bars(actualBars).LegendText = Invariant($"actual (total {report.ActualPurchases:N0})");
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual([.. ticks]);
        plot.Axes.Margins(bottom: 0, top: 0.15);
        plot.Title(Invariant($"Holdout {split.CalibrationEnd.AddDays(1):yyyy-MM-dd} to {split.HoldoutEnd:yyyy-MM-dd}: predicted vs actual purchase days"));
        plot.XLabel(Invariant($"repeat purchase days up to {split.CalibrationEnd:yyyy-MM-dd} (calibration)"));
        plot.YLabel("mean purchase days per customer in the holdout");
        plot.ShowLegend(Alignment.UpperLeft);
        plot.SavePng(path, Width, Height);
    }

    /// <summary>Cumulative shares in percent, starting at (0, 0), customers sorted by revenue descending (ties by id).</summary>
    internal static (double[] Customers, double[] Revenue) Pareto(CustomerFrame scored)
    {
        var revenue = scored.GetNumeric(ColumnNames.Revenue).Values.ToArray();
        var order = Enumerable.Range(0, revenue.Length).ToArray();
        var ids = scored.CustomerIds;
        Array.Sort(order, (x, y) =>
        {
            var byRevenue = revenue[y].CompareTo(revenue[x]);
            return byRevenue != 0 ? byRevenue : string.CompareOrdinal(ids[x], ids[y]);
        });
        var total = revenue.Sum();
        var customers = new double[revenue.Length + 1];
        var cumulative = new double[revenue.Length + 1];
        var running = 0.0;
        for (var i = 0; i < order.Length; i++)
        {
            running += revenue[order[i]];
            customers[i + 1] = 100.0 * (i + 1) / order.Length;
            cumulative[i + 1] = total == 0 ? 0 : 100.0 * running / total;
        }

        return (customers, cumulative);
    }

    /// <summary>The smallest share of customers whose cumulative revenue reaches <paramref name="level"/> percent.</summary>
    internal static double ShareReaching(double[] customers, double[] revenue, double level)
    {
        for (var i = 0; i < revenue.Length; i++)
        {
            if (revenue[i] >= level)
            {
                return customers[i];
            }
        }

        return 100;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
