using System.Runtime.CompilerServices;
using CustomerValue.Internal;

namespace CustomerValue;

/// <summary>A purchase after partitioning: the id travels in a parallel string array so this part needs no zeroing.</summary>
internal struct PurchaseRecord<TMoney>
    where TMoney : struct, ISummaryMoney<TMoney>
{
    public uint Hash;
    public int Day;
    public TMoney Amount;
}

/// <summary>A return after partitioning, with its input index for a <see cref="TransactionIssueReason.ReturnWithoutPurchase"/> issue.</summary>
internal struct ReturnRecord<TMoney>
    where TMoney : struct, ISummaryMoney<TMoney>
{
    public uint Hash;
    public int Day;
    public int Index;
    public TMoney Amount;
}

/// <summary>One output row before ordering.</summary>
internal struct SummaryRow
{
    public double RecencyDays;
    public double Frequency;
    public double Monetary;
    public double Orders;
    public double Revenue;
    public double TenureDays;
    public double ModelFrequency;
    public double ModelRecency;
    public double ModelT;
    public double ModelMonetary;
    public double WindowSpend;
    public double PreviousWindowSpend;

    /// <summary>Computes a customer's row from its totals: every path that aggregates ends here, so they round alike.</summary>
    public static SummaryRow Create(
        in SummarySettings settings, int orders, int firstDay, int lastDay, int periods, int distinctDays,
        decimal revenue, decimal windowSpend, decimal previousWindowSpend, decimal repeatSpend)
        => Create(
            settings, orders, firstDay, lastDay, periods, distinctDays, (double)revenue, (double)windowSpend, (double)previousWindowSpend,
            settings.AverageOrderValue ? (double)(revenue / orders) : (double)revenue,
            periods - 1 == 0 ? 0 : (double)(repeatSpend / (periods - 1)));

    /// <summary>
    /// The same row from sums in units of 0.0001 of a log whose absolute total fits <see cref="UnitMoney"/>: such a sum
    /// converts to the double its decimal converts to (<see cref="UnitMoney.ToDouble"/>), and so does an average that divides evenly (<see cref="UnitMoney.Average"/>).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static SummaryRow CreateFromUnits(
        in SummarySettings settings, int orders, int firstDay, int lastDay, int periods, int distinctDays,
        long revenue, long windowSpend, long previousWindowSpend, long repeatSpend)
        => Create(
            settings, orders, firstDay, lastDay, periods, distinctDays, UnitMoney.ToDouble(revenue), UnitMoney.ToDouble(windowSpend), UnitMoney.ToDouble(previousWindowSpend),
            settings.AverageOrderValue ? UnitMoney.Average(revenue, orders) : UnitMoney.ToDouble(revenue),
            periods - 1 == 0 ? 0 : UnitMoney.Average(repeatSpend, periods - 1));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static SummaryRow Create(
        in SummarySettings settings, int orders, int firstDay, int lastDay, int periods, int distinctDays,
        double revenue, double windowSpend, double previousWindowSpend, double monetary, double modelMonetary)
    {
        var asOfPeriod = settings.Weekly ? settings.AsOfDay / 7 : settings.AsOfDay;
        var firstPeriod = settings.Weekly ? firstDay / 7 : firstDay;
        var lastPeriod = settings.Weekly ? lastDay / 7 : lastDay;
        return new SummaryRow
        {
            RecencyDays = settings.AsOfDay - lastDay,
            TenureDays = settings.AsOfDay - firstDay,
            Orders = orders,
            Frequency = settings.CountPurchaseDays ? distinctDays : orders,
            Revenue = revenue,
            Monetary = monetary,
            WindowSpend = windowSpend,
            PreviousWindowSpend = previousWindowSpend,
            ModelFrequency = periods - 1,
            ModelRecency = lastPeriod - firstPeriod,
            ModelT = asOfPeriod - firstPeriod,
            ModelMonetary = modelMonetary,
        };
    }
}

/// <summary>The customers of one hash bucket, in first-purchase order.</summary>
internal sealed class BucketSummary(string[] ids, ulong[] keys, SummaryRow[] rows, List<int>? returnsWithoutPurchase, int returnsNetted)
{
    public string[] Ids { get; } = ids;

    public ulong[] Keys { get; } = keys;

    public SummaryRow[] Rows { get; } = rows;

    public List<int>? ReturnsWithoutPurchase { get; } = returnsWithoutPurchase;

    public int ReturnsNetted { get; } = returnsNetted;
}

/// <summary>The settings every bucket needs, derived once from the options.</summary>
internal readonly record struct SummarySettings(int AsOfDay, int WindowStart, int PreviousWindowStart, bool Weekly, bool CountPurchaseDays, bool AverageOrderValue)
{
    /// <summary>Validates <paramref name="options"/> and derives the settings.</summary>
    public static SummarySettings From(SummaryOptions options)
    {
        Guard.InRange(options.GrowthWindowDays, 1, 3660, nameof(options.GrowthWindowDays));
        if (!Enum.IsDefined(options.ModelPeriod) || !Enum.IsDefined(options.NegativeAmounts) || !Enum.IsDefined(options.InvalidTransactions)
            || !Enum.IsDefined(options.Frequency) || !Enum.IsDefined(options.Monetary))
        {
            throw new ArgumentException("An enum option of SummaryOptions has an undefined value.", nameof(options));
        }

        var asOfDay = options.AsOf.DayNumber;
        var windowStart = asOfDay - options.GrowthWindowDays + 1;
        return new SummarySettings(
            asOfDay,
            windowStart,
            windowStart - options.GrowthWindowDays,
            options.ModelPeriod == SummaryPeriod.Week,
            options.Frequency == FrequencyDefinition.PurchaseDays,
            options.Monetary == MonetaryDefinition.AverageOrderValue);
    }
}

/// <summary>
/// Aggregates one bucket (every transaction of a set of customers) with a small open-addressing table that stays in cache.
/// One instance per worker thread; its arrays are reused from bucket to bucket.
/// </summary>
internal sealed class SummaryBucket<TMoney>
    where TMoney : struct, ISummaryMoney<TMoney>
{
    private const int TouchBlock = 64;
    private int[] _table = new int[1024];
    private Totals[] _totals = new Totals[512];
    private string[] _ids = new string[512];
    private int[] _customerOf = new int[4096];
    private int[] _days = new int[4096];
    private int[] _start = new int[513];
    private int _count;
    private int _tableMask;

    /// <summary>Gets the sum of the id lengths read ahead, kept so the JIT cannot drop the reads.</summary>
    public int Touched { get; private set; }

    public BucketSummary Summarize(
        ReadOnlySpan<string> ids, ReadOnlySpan<PurchaseRecord<TMoney>> purchases, ReadOnlySpan<string> returnIds, ReadOnlySpan<ReturnRecord<TMoney>> returns,
        in SummarySettings settings, int sharedPrefix)
    {
        _count = 0;
        var tableSize = CustomerIdKeys.PowerOfTwoAtLeast(Math.Clamp(purchases.Length / 4, 64, 1 << 16));
        if (_table.Length < tableSize)
        {
            _table = new int[tableSize];
        }
        else
        {
            Array.Clear(_table, 0, tableSize);
        }

        if (_customerOf.Length < purchases.Length)
        {
            _customerOf = new int[purchases.Length];
            _days = new int[purchases.Length];
        }

        AddPurchases(ids, purchases, settings, tableSize);
        CountDistinctPeriods(purchases, settings.Weekly);
        List<int>? withoutPurchase = null;
        var netted = 0;
        for (var r = 0; r < returns.Length; r++)
        {
            ref readonly var record = ref returns[r];
            var customer = Find(record.Hash, returnIds[r]);
            if (customer < 0)
            {
                (withoutPurchase ??= []).Add(record.Index);
                continue;
            }

            ref var totals = ref _totals[customer];
            totals.Revenue = TMoney.Add(totals.Revenue, record.Amount);
            AddToWindows(ref totals, record.Day, record.Amount, settings);
            netted++;
        }

        var outIds = new string[_count];
        var keys = new ulong[_count];
        var rows = new SummaryRow[_count];
        var touched = 0;
        for (var c = 0; c < _count; c++)
        {
            // As in pass 1: read ahead in a tight loop so the misses on the ids overlap.
            if (c % TouchBlock == 0)
            {
                foreach (var id in _ids.AsSpan(c, Math.Min(TouchBlock, _count - c)))
                {
                    touched += id.Length;
                }
            }

            outIds[c] = _ids[c];
            keys[c] = CustomerIdKeys.OrderKey(_ids[c], sharedPrefix);
            rows[c] = Row(_totals[c], settings);
        }

        Array.Clear(_ids, 0, _count);
        Touched += touched;
        return new BucketSummary(outIds, keys, rows, withoutPurchase, netted);
    }

    private static void AddToWindows(ref Totals totals, int day, TMoney amount, in SummarySettings settings)
    {
        if (day >= settings.WindowStart)
        {
            totals.WindowSpend = TMoney.Add(totals.WindowSpend, amount);
        }
        else if (day >= settings.PreviousWindowStart)
        {
            totals.PreviousWindowSpend = TMoney.Add(totals.PreviousWindowSpend, amount);
        }
    }

    private static SummaryRow Row(in Totals totals, in SummarySettings settings)
        => SummaryRow.Create(
            settings, totals.Orders, totals.FirstDay, totals.LastDay, totals.Periods, totals.DistinctDays,
            totals.Revenue.ToDecimal(), totals.WindowSpend.ToDecimal(), totals.PreviousWindowSpend.ToDecimal(), totals.RepeatSpend.ToDecimal());

    private void AddPurchases(ReadOnlySpan<string> ids, ReadOnlySpan<PurchaseRecord<TMoney>> purchases, in SummarySettings settings, int tableSize)
    {
        var mask = tableSize - 1;
        var table = _table;
        for (var k = 0; k < purchases.Length; k++)
        {
            ref readonly var record = ref purchases[k];
            var hash = record.Hash;
            var id = ids[k];
            var slot = (int)(hash >> 1) & mask;
            int customer;
            while (true)
            {
                var entry = table[slot];
                if (entry == 0)
                {
                    if (2 * (_count + 1) > tableSize)
                    {
                        tableSize *= 2;
                        mask = tableSize - 1;
                        table = Rehash(tableSize);
                        slot = (int)(hash >> 1) & mask;
                        continue;
                    }

                    customer = NewCustomer(id, hash);
                    table[slot] = customer + 1;
                    break;
                }

                customer = entry - 1;
                if (_totals[customer].Hash == hash && string.Equals(_ids[customer], id))
                {
                    break;
                }

                slot = (slot + 1) & mask;
            }

            _customerOf[k] = customer;
            var day = record.Day;
            var amount = record.Amount;
            var period = settings.Weekly ? day / 7 : day;
            ref var totals = ref _totals[customer];
            if (totals.Orders == 0)
            {
                totals.FirstDay = day;
                totals.LastDay = day;
                totals.FirstPeriod = period;
                totals.FirstPeriodSpend = amount;
            }
            else
            {
                totals.FirstDay = Math.Min(totals.FirstDay, day);
                totals.LastDay = Math.Max(totals.LastDay, day);

                // Spend after the first period, summed without sorting: decimal sums are exact, so the order does not matter.
                if (period < totals.FirstPeriod)
                {
                    totals.RepeatSpend = TMoney.Add(totals.RepeatSpend, totals.FirstPeriodSpend);
                    totals.FirstPeriod = period;
                    totals.FirstPeriodSpend = amount;
                }
                else if (period == totals.FirstPeriod)
                {
                    totals.FirstPeriodSpend = TMoney.Add(totals.FirstPeriodSpend, amount);
                }
                else
                {
                    totals.RepeatSpend = TMoney.Add(totals.RepeatSpend, amount);
                }
            }

            totals.Orders++;
            totals.Revenue = TMoney.Add(totals.Revenue, amount);
            AddToWindows(ref totals, day, amount, settings);
        }

        _tableMask = mask;
    }

    // Groups each customer's purchase days (counting sort by customer), sorts the few days of each and counts distinct days and periods.
    private void CountDistinctPeriods(ReadOnlySpan<PurchaseRecord<TMoney>> purchases, bool weekly)
    {
        if (_start.Length <= _count)
        {
            _start = new int[_totals.Length + 1];
        }

        var start = _start;
        var sum = 0;
        for (var c = 0; c < _count; c++)
        {
            start[c] = sum;
            sum += _totals[c].Orders;
        }

        start[_count] = sum;
        for (var k = 0; k < purchases.Length; k++)
        {
            _days[start[_customerOf[k]]++] = purchases[k].Day;
        }

        for (var c = 0; c < _count; c++)
        {
            ref var totals = ref _totals[c];
            var days = _days.AsSpan(start[c] - totals.Orders, totals.Orders);
            if (days.Length == 1)
            {
                totals.DistinctDays = 1;
                totals.Periods = 1;
                continue;
            }

            Sort(days);
            var distinctDays = 0;
            var periods = 0;
            var previousDay = int.MinValue;
            var previousPeriod = int.MinValue;
            foreach (var day in days)
            {
                if (day != previousDay)
                {
                    distinctDays++;
                    previousDay = day;
                }

                // Day numbers count from Monday 0001-01-01, so day / 7 is the Monday-based week.
                var period = weekly ? day / 7 : day;
                if (period != previousPeriod)
                {
                    periods++;
                    previousPeriod = period;
                }
            }

            totals.DistinctDays = distinctDays;
            totals.Periods = periods;
        }
    }

    private static void Sort(Span<int> days)
    {
        if (days.Length > 24)
        {
            days.Sort();
            return;
        }

        for (var i = 1; i < days.Length; i++)
        {
            var day = days[i];
            var j = i - 1;
            while (j >= 0 && days[j] > day)
            {
                days[j + 1] = days[j];
                j--;
            }

            days[j + 1] = day;
        }
    }

    private int Find(uint hash, string id)
    {
        var mask = _tableMask;
        var slot = (int)(hash >> 1) & mask;
        while (true)
        {
            var entry = _table[slot];
            if (entry == 0)
            {
                return -1;
            }

            var customer = entry - 1;
            if (_totals[customer].Hash == hash && string.Equals(_ids[customer], id))
            {
                return customer;
            }

            slot = (slot + 1) & mask;
        }
    }

    private int NewCustomer(string id, uint hash)
    {
        if (_count == _totals.Length)
        {
            Array.Resize(ref _totals, _count * 2);
            Array.Resize(ref _ids, _count * 2);
        }

        _totals[_count] = new Totals { Hash = hash };
        _ids[_count] = id;
        return _count++;
    }

    private int[] Rehash(int tableSize)
    {
        if (_table.Length < tableSize)
        {
            _table = new int[tableSize];
        }
        else
        {
            Array.Clear(_table, 0, tableSize);
        }

        var mask = tableSize - 1;
        for (var c = 0; c < _count; c++)
        {
            var slot = (int)(_totals[c].Hash >> 1) & mask;
            while (_table[slot] != 0)
            {
                slot = (slot + 1) & mask;
            }

            _table[slot] = c + 1;
        }

        return _table;
    }

    private struct Totals
    {
        public uint Hash;
        public int Orders;
        public int FirstDay;
        public int LastDay;
        public int FirstPeriod;
        public int Periods;
        public int DistinctDays;
        public TMoney Revenue;
        public TMoney WindowSpend;
        public TMoney PreviousWindowSpend;
        public TMoney FirstPeriodSpend;
        public TMoney RepeatSpend;
    }
}
