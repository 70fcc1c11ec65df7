namespace CustomerValue.Tiers;

/// <summary>Errors about the population a stage fits on or scores, reported against the public parameter name.</summary>
internal static class PopulationError
{
    public static ArgumentException Create(string message) => new(message, ParameterName);

    // The parameter of ICustomerStage.Fit and IFittedCustomerStage.Score the error is about.
    private static string ParameterName => "population";
}
