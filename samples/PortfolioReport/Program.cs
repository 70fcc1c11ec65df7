using Samples.Common;

namespace PortfolioReport;

/// <summary>
/// The portfolio report: two scored snapshots of a transaction export, an allocation plan of customers to account
/// managers, the managers' KPIs and their ranking. Run it with <c>dotnet run --project samples/PortfolioReport</c> from
/// the repository root; <c>-- --help</c> lists the options.
/// </summary>
public static class Program
{
    /// <summary>Runs the report on the console.</summary>
    /// <param name="args">The command line.</param>
    /// <returns>The exit code (<see cref="ExitCodes"/>).</returns>
    public static int Main(string[] args) => Run(args, Console.Out, Console.Error);

    /// <summary>Runs the report, writing it to <paramref name="stdout"/> and errors and progress to <paramref name="stderr"/>.</summary>
    /// <param name="args">The command line.</param>
    /// <param name="stdout">Receives the report.</param>
    /// <param name="stderr">Receives errors and, for large files or a terminal, progress.</param>
    /// <returns>The exit code (<see cref="ExitCodes"/>).</returns>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
        => ProgramShell.Run(
            args,
            stdout,
            stderr,
            ReportOptions.Parse,
            ReportOptions.HelpText,
            (options, terminal) => new Report(options, stdout, stderr, terminal).Run());
}
