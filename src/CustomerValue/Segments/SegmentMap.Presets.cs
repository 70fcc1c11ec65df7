namespace CustomerValue;

/// <content>The published presets.</content>
public sealed partial class SegmentMap
{
    /// <summary>
    /// Gets the default map: the 11-segment R x FM grid for k = 5, covering all 25 (R, FM) cells once, so it
    /// has no fallback.
    /// </summary>
    public static SegmentMap Default { get; } = FromRecencyFmCells(
        5,
        [
            new("Champions", "55", "54", "45"),
            new("Loyal Customers", "53", "44", "35", "34"),
            new("Potential Loyalists", "52", "42", "33", "43"),
            new("Recent Customers", "51"),
            new("Promising", "41", "31"),
            new("Customers Needing Attention", "32", "23", "22"),
            new("About To Sleep", "21"),
            new("At Risk", "25", "24", "13"),
            new("Can't Lose Them", "15", "14"),
            new("Hibernating", "12"),
            new("Lost", "11"),
        ]);

    /// <summary>
    /// Gets the preset of the R <c>rfm</c> package's vignette for k = 5: ten first-match rules with inclusive
    /// bounds; customers no rule matches go to "Others".
    /// </summary>
    public static SegmentMap RfmVignette { get; } = FromRanges(
        5,
        [
            Rule("Champions", 5, 5, 5, 5, 5, 5),
            Rule("Potential Loyalist", 3, 5, 3, 5, 2, 5),
            Rule("Loyal Customers", 2, 4, 2, 4, 2, 4),
            Rule("Promising", 3, 4, 1, 3, 3, 5),
            Rule("New Customers", 4, 5, 1, 3, 1, 5),
            Rule("Can't Lose Them", 1, 2, 3, 4, 4, 5),
            Rule("At Risk", 1, 2, 2, 5, 4, 5),
            Rule("Need Attention", 1, 3, 3, 5, 3, 5),
            Rule("About To Sleep", 2, 3, 1, 3, 1, 4),
            Rule("Lost", 1, 1, 1, 5, 1, 5),
        ],
        "Others");

    /// <summary>
    /// Gets the PyMC-Marketing quartile preset (k = 4): explicit R F M codes for five segments; codes not
    /// listed go to "Other".
    /// </summary>
    public static SegmentMap PyMcQuartiles { get; } = FromCodes(
        4,
        [
            new("Premium Customer", "334", "443", "444", "344", "434", "433", "343", "333"),
            new("Repeat Customer", "244", "234", "232", "332", "143", "233", "243"),
            new("Top Spender", "424", "414", "144", "314", "324", "124", "224", "423", "413", "133", "323", "313", "134"),
            new("At Risk Customer", "422", "223", "212", "122", "222", "132", "322", "312", "412", "123", "214"),
            new("Inactive Customer", "411", "111", "113", "114", "112", "211", "311"),
        ],
        "Other");

    private static SegmentRule Rule(string segment, int recencyMin, int recencyMax, int frequencyMin, int frequencyMax, int monetaryMin, int monetaryMax)
        => new(segment, new(recencyMin, recencyMax), new(frequencyMin, frequencyMax), new(monetaryMin, monetaryMax));
}
