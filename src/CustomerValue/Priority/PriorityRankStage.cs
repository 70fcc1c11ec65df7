using System.Text.Json;

namespace CustomerValue.Priority;

/// <summary>Ranks customers 1..n by the total priority order. Nothing is learned, so it is its own fitted stage.</summary>
internal sealed class PriorityRankStage(string name) : ICustomerStage, IFittedCustomerStage
{
    public const string StageKind = "priority-rank";

    private static readonly string[] Inputs = [ColumnNames.Priority];
    private static readonly string[] Outputs = [ColumnNames.PriorityRank];

    public string Name { get; } = name;

    public string Kind => StageKind;

    public IReadOnlyList<string> RequiredColumns => Inputs;

    public IReadOnlyList<string> ProducedColumns => Outputs;

    public IFittedCustomerStage Fit(CustomerFrame population) => this;

    public IReadOnlyList<FrameColumn> Score(CustomerFrame population)
    {
        var order = PriorityOrder.Sort(population);
        var rank = new double[order.Length];
        for (var k = 0; k < order.Length; k++)
        {
            rank[order[k]] = k + 1;
        }

        return [new NumericColumn(ColumnNames.PriorityRank, rank, owned: true)];
    }

    public StageDescription Describe()
        => new(Name, Kind, [new("order", "priority descending, missing priority last, ties by customer id (ordinal)")], []);

    public void WriteState(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        writer.WriteEndObject();
    }

    public static IFittedCustomerStage Load(string name, JsonElement state) => new PriorityRankStage(name);
}
