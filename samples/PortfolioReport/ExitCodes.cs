namespace PortfolioReport;

/// <summary>The report's exit codes (the same as ValueJob's).</summary>
public static class ExitCodes
{
    /// <summary>The report ran and wrote its files.</summary>
    public const int Ok = 0;

    /// <summary>The data cannot be used: a bad row in strict mode, a missing column, or no usable row.</summary>
    public const int BadData = 1;

    /// <summary>The command line is wrong: an unknown option, a bad value, or a missing file.</summary>
    public const int BadUsage = 2;
}
