using CustomerValue;
using CustomerValue.Csv;

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

    /// <summary>Runs the report, writing it to <paramref name="stdout"/> and errors to <paramref name="stderr"/>.</summary>
    /// <param name="args">The command line.</param>
    /// <param name="stdout">Receives the report.</param>
    /// <param name="stderr">Receives errors.</param>
    /// <returns>The exit code (<see cref="ExitCodes"/>).</returns>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        try
        {
            var options = ReportOptions.Parse(args);
            if (options.Help)
            {
                stdout.Write(ReportOptions.HelpText);
                return ExitCodes.Ok;
            }

            return new Report(options, stdout).Run();
        }
        catch (UsageException e)
        {
            stderr.WriteLine("error: " + e.Message);
            stderr.WriteLine("Run with --help to see every option and its default.");
            return ExitCodes.BadUsage;
        }
        catch (CsvImportException e)
        {
            stderr.WriteLine("error: " + e.Message);
            if (e.Reject is not null)
            {
                stderr.WriteLine("Run without --strict to skip bad rows and go on.");
            }

            return ExitCodes.BadData;
        }
        catch (BadDataException e)
        {
            stderr.WriteLine("error: " + e.Message);
            return ExitCodes.BadData;
        }
        catch (InvalidTransactionException e)
        {
            stderr.WriteLine("error: " + e.Message);
            stderr.WriteLine("Run without --strict to skip such transactions and go on.");
            return ExitCodes.BadData;
        }
        catch (IOException e)
        {
            stderr.WriteLine("error: " + e.Message);
            return ExitCodes.BadData;
        }
    }
}
