namespace CustomerValue.Allocation.Internal;

/// <summary>
/// Customers grouped into <i>profiles</i> (tier, industry, region, band), which cost the same everywhere, and profiles
/// into <i>classes</i> by current manager, which differ only in where they may stay without the move cost. Solvers
/// decide counts per profile and class; <see cref="Assign"/> turns counts back into customers.
/// </summary>
internal sealed class ProfileSet
{
    public ProfileSet(AllocationObjective objective, List<int> customers)
    {
        var p = objective.Problem;
        var profileIndex = new Dictionary<(int, int, int, int), int>();
        var classIndex = new Dictionary<(int Profile, int Manager), int>();
        foreach (var i in customers)
        {
            var key = p.ProfileKey(i);
            if (!profileIndex.TryGetValue(key, out var k))
            {
                k = First.Count;
                profileIndex.Add(key, k);
                First.Add(i);
                Newcomers.Add([]);
                Sizes.Add(0);
                Sizes.Add(0);
                Sizes.Add(0);
            }

            Sizes[(k * AllocationObjective.Groups) + objective.Group[i]]++;
            if (p.Current[i] < 0)
            {
                Newcomers[k].Add(i);
                continue;
            }

            if (!classIndex.TryGetValue((k, p.Current[i]), out var c))
            {
                c = ClassMembers.Count;
                classIndex.Add((k, p.Current[i]), c);
                ClassMembers.Add([]);
                ClassProfile.Add(k);
                ClassManager.Add(p.Current[i]);
                ClassGroup.Add(objective.Group[i]);
            }

            ClassMembers[c].Add(i);
        }
    }

    /// <summary>Per profile, its first customer, whose tier, band and attributes stand for all.</summary>
    public List<int> First { get; } = [];

    /// <summary>Per profile, its customers without a current manager.</summary>
    public List<List<int>> Newcomers { get; } = [];

    /// <summary>Per profile and unplaced-penalty group (profile * 3 + group), the number of customers.</summary>
    public List<long> Sizes { get; } = [];

    public List<List<int>> ClassMembers { get; } = [];

    public List<int> ClassProfile { get; } = [];

    public List<int> ClassManager { get; } = [];

    public List<int> ClassGroup { get; } = [];

    public int Profiles => First.Count;

    public int Classes => ClassMembers.Count;

    /// <summary>Per profile, all its customers.</summary>
    public long Supply(int profile)
        => Sizes[profile * AllocationObjective.Groups] + Sizes[(profile * AllocationObjective.Groups) + 1] + Sizes[(profile * AllocationObjective.Groups) + 2];

    /// <summary>
    /// Places customers from counts: the highest priorities of a class take its stay count; in each profile and group the
    /// lowest priorities are left out; everyone else, by priority, fills the profile's moves in the given order.
    /// </summary>
    /// <param name="p">The problem.</param>
    /// <param name="stay">Per class, how many stay with their current manager.</param>
    /// <param name="unplaced">Per profile and group, how many are left out.</param>
    /// <param name="moves">Per profile, (manager, count) in the order to fill.</param>
    /// <param name="placement">Receives every placed customer.</param>
    public void Assign(AllocationProblem p, long[] stay, long[] unplaced, List<(int Manager, long Count)>[] moves, Placement placement)
    {
        var pools = new List<int>[Profiles * AllocationObjective.Groups];
        for (var k = 0; k < Profiles; k++)
        {
            pools[k * AllocationObjective.Groups] = Newcomers[k];
            pools[(k * AllocationObjective.Groups) + 1] = [];
            pools[(k * AllocationObjective.Groups) + 2] = [];
        }

        for (var c = 0; c < Classes; c++)
        {
            var members = ClassMembers[c];
            SortByPriority(p, members);
            var pool = pools[(ClassProfile[c] * AllocationObjective.Groups) + ClassGroup[c]];
            for (var j = 0; j < members.Count; j++)
            {
                if (j < stay[c])
                {
                    placement.Place(members[j], ClassManager[c]);
                }
                else
                {
                    pool.Add(members[j]);
                }
            }
        }

        for (var k = 0; k < Profiles; k++)
        {
            var movers = new List<int>();
            for (var g = 0; g < AllocationObjective.Groups; g++)
            {
                var pool = pools[(k * AllocationObjective.Groups) + g];
                SortByPriority(p, pool);
                var keep = pool.Count - unplaced[(k * AllocationObjective.Groups) + g];
                for (var j = 0; j < keep; j++)
                {
                    movers.Add(pool[j]);
                }
            }

            SortByPriority(p, movers);
            var next = 0;
            foreach (var (m, count) in moves[k])
            {
                for (var f = 0L; f < count; f++)
                {
                    placement.Place(movers[next++], m);
                }
            }
        }
    }

    public static void SortByPriority(AllocationProblem p, List<int> members)
        => members.Sort((a, b) =>
        {
            var byPriority = p.Priority[b].CompareTo(p.Priority[a]);
            return byPriority != 0 ? byPriority : a.CompareTo(b);
        });
}
