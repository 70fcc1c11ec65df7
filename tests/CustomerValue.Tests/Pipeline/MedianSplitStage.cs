using System.Globalization;
using System.Text.Json;

namespace CustomerValue.Tests.Pipeline;

/// <summary>A custom stage written against the public stage contract: learns a column's median, labels customers high/low.</summary>
internal sealed class MedianSplitStage(string name, string column) : ICustomerStage
{
    public const string Kind = "test-median-split";

    public string Name { get; } = name;

    public IReadOnlyList<string> RequiredColumns { get; } = [column];

    public IReadOnlyList<string> ProducedColumns { get; } = [name];

    public IFittedCustomerStage Fit(CustomerFrame population)
    {
        var values = population.GetNumeric(column).Values.ToArray();
        Array.Sort(values);
        return new Fitted(Name, column, values[values.Length / 2]);
    }

    public static IFittedCustomerStage Load(string name, JsonElement state)
        => new Fitted(name, state.GetProperty("column").GetString()!, state.GetProperty("median").GetDouble());

    private sealed class Fitted(string name, string column, double median) : IFittedCustomerStage
    {
        public string Name { get; } = name;

        public string Kind => MedianSplitStage.Kind;

        public IReadOnlyList<string> ProducedColumns { get; } = [name];

        public StageDescription Describe()
            => new(Name, Kind, [new("column", column)], [new("median", median.ToString(CultureInfo.InvariantCulture))]);

        public IReadOnlyList<FrameColumn> Score(CustomerFrame population)
        {
            var values = population.GetNumeric(column);
            var labels = new string[population.Count];
            for (var i = 0; i < labels.Length; i++)
            {
                labels[i] = values[i] >= median ? "high" : "low";
            }

            return [new CategoryColumn(Name, labels, ["high", "low"])];
        }

        public void WriteState(Utf8JsonWriter writer)
        {
            writer.WriteStartObject();
            writer.WriteString("column", column);
            writer.WriteNumber("median", median);
            writer.WriteEndObject();
        }
    }
}
