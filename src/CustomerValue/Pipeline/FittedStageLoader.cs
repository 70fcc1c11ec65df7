using System.Text.Json;

namespace CustomerValue;

/// <summary>Reads a custom stage's state written by <see cref="IFittedCustomerStage.WriteState"/> back into a fitted stage.</summary>
/// <param name="name">The stage name saved with the model.</param>
/// <param name="state">The JSON object the stage wrote.</param>
/// <returns>The fitted stage.</returns>
public delegate IFittedCustomerStage FittedStageLoader(string name, JsonElement state);
