using System.Globalization;
using CustomerValue;
using ScottPlot;

namespace Migrations;

/// <summary>The tier-migration chart, drawn with ScottPlot (SkiaSharp's bundled native library, so no system packages are needed).</summary>
internal static class Chart
{
    private const int Width = 1000;
    private const int Height = 700;

    /// <summary>
    /// The tier transition matrix as a heatmap: rows are the 'before' tiers plus a row of new customers, columns the
    /// 'after' tiers plus a column of lost customers. Colour is the share of the row, so a stable base reads as a
    /// bright diagonal; each cell is labelled with its customer count and that share.
    /// </summary>
    public static void TierMigration(string path, MigrationMatrix tiers, DateOnly from, DateOnly to)
    {
        var labels = tiers.Labels;
        var n = labels.Count;
        var rows = n + 1;
        var columns = n + 1;
        var counts = new int[rows, columns];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                counts[i, j] = tiers.Cells[(i * n) + j].Customers;
            }
        }

        for (var t = 0; t < n; t++)
        {
            counts[n, t] = tiers.NewCustomers.Count(c => c.Category == labels[t]);
            counts[t, n] = tiers.LostCustomers.Count(c => c.Category == labels[t]);
        }

        // Heatmap rows run top to bottom, so the first 'before' tier is row 0 and drawn at the top.
        var shares = new double[rows, columns];
        var rowTotals = new int[rows];
        for (var i = 0; i < rows; i++)
        {
            for (var j = 0; j < columns; j++)
            {
                rowTotals[i] += counts[i, j];
            }

            for (var j = 0; j < columns; j++)
            {
                shares[i, j] = rowTotals[i] == 0 || (i == n && j == n) ? double.NaN : 100.0 * counts[i, j] / rowTotals[i];
            }
        }

        using var plot = new Plot();
        var heatmap = plot.Add.Heatmap(shares);
        heatmap.Colormap = new ScottPlot.Colormaps.Viridis();
        heatmap.Rectangle = new CoordinateRect(0.5, columns + 0.5, 0.5, rows + 0.5);
        var colorBar = plot.Add.ColorBar(heatmap);
        colorBar.Label = "share of the row's customers (%)";

        for (var i = 0; i < rows; i++)
        {
            for (var j = 0; j < columns; j++)
            {
                if (double.IsNaN(shares[i, j]))
                {
                    continue;
                }

                var text = plot.Add.Text(string.Create(CultureInfo.InvariantCulture, $"{counts[i, j]:N0}\n{shares[i, j]:F1}%"), j + 1, rows - i);
                text.Alignment = Alignment.MiddleCenter;
                text.LabelFontSize = 14;
                text.LabelFontColor = Colors.Black;
                text.LabelBackgroundColor = Colors.White.WithAlpha(0.7);
            }
        }

        var positions = Enumerable.Range(1, columns).Select(p => (double)p).ToArray();
        string[] after = [.. labels, "(lost)"];
        string[] before = [.. labels, "(new)"];
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(positions, after);
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual(positions, [.. before.Reverse()]);
        plot.Axes.SetLimits(0.5, columns + 0.5, 0.5, rows + 0.5);
        plot.HideGrid();
        plot.Title(string.Create(CultureInfo.InvariantCulture, $"Tier migration {from:yyyy-MM-dd} to {to:yyyy-MM-dd}"));
        plot.XLabel(string.Create(CultureInfo.InvariantCulture, $"tier at {to:yyyy-MM-dd}"));
        plot.YLabel(string.Create(CultureInfo.InvariantCulture, $"tier at {from:yyyy-MM-dd}"));
        plot.SavePng(path, Width, Height);
    }
}
