namespace PortfolioReport;

/// <summary>Finds the bundled sample exports, so the job runs with no options from the repository root or its build folder.</summary>
internal static class DataFiles
{
    /// <summary>Looks for a repository-relative path from the current directory and from the program's folder, walking up.</summary>
    /// <param name="relativePath">The path relative to the repository root, such as samples/data/transactions.csv.</param>
    /// <returns>The full path, or null when neither folder is inside a checkout that has the file.</returns>
    public static string? FindBundled(string relativePath)
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
            {
                var candidate = Path.Combine(folder.FullName, relativePath);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        return null;
    }
}
