using CustomerValue;
using CustomerValue.Csv;

namespace ValueJob;

/// <summary>
/// The main job: a transaction export in, scored customers, rejects, the fitted model and charts out.
/// Run it with <c>dotnet run --project samples/ValueJob</c> from the repository root; <c>-- --help</c> lists the options.
/// </summary>
public static class Program
{
    /// <summary>Runs the job on the console.</summary>
    /// <param name="args">The command line.</param>
    /// <returns>The exit code (<see cref="ExitCodes"/>).</returns>
    public static int Main(string[] args) => Run(args, Console.Out, Console.Error);

    /// <summary>Runs the job, writing the report to <paramref name="stdout"/> and errors and progress to <paramref name="stderr"/>.</summary>
    /// <param name="args">The command line.</param>
    /// <param name="stdout">Receives the report.</param>
    /// <param name="stderr">Receives errors and, for large files or a terminal, progress.</param>
    /// <returns>The exit code (<see cref="ExitCodes"/>).</returns>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        try
        {
            var options = JobOptions.Parse(args);
            if (options.Help)
            {
                stdout.Write(JobOptions.HelpText);
                return ExitCodes.Ok;
            }

            var terminal = ReferenceEquals(stderr, Console.Error) && !Console.IsErrorRedirected;
            return new Job(options, stdout, stderr, terminal).Run();
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
                stderr.WriteLine("Run without --strict to write bad rows to rejects.csv and go on.");
            }
            else if (e.Message.Contains("CsvTransactionOptions.", StringComparison.Ordinal))
            {
                stderr.WriteLine("Name the transaction columns with --id-column, --date-column and --amount-column.");
            }

            return ExitCodes.BadData;
        }
        catch (InvalidTransactionException e)
        {
            stderr.WriteLine("error: " + e.Message);
            stderr.WriteLine("Run without --strict to report such transactions in rejects.csv and go on, or use --returns net.");
            return ExitCodes.BadData;
        }
        catch (IOException e)
        {
            stderr.WriteLine("error: " + e.Message);
            return ExitCodes.BadData;
        }
    }
}
