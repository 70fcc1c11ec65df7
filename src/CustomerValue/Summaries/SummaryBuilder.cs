using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using CustomerValue.Internal;

namespace CustomerValue;

/// <summary>
/// Accumulates transactions one at a time (so a streaming reader never holds the whole log as objects) and builds the summaries.
/// Keeps per-customer totals plus one compact entry (customer, day, amount) per purchase, which the distinct-day and
/// per-period statistics need.
/// </summary>
internal sealed class SummaryBuilder
{
    private readonly SummaryOptions _options;
    private readonly int _asOfDay;
    private readonly int _windowStart;
    private readonly int _previousWindowStart;
    private readonly Dictionary<string, int> _customerIndex = new(StringComparer.Ordinal);
    private readonly List<string> _customerIds = [];
    private readonly List<TransactionIssue> _issues = [];
    private CustomerTotals[] _totals = new CustomerTotals[1024];
    private int[] _purchaseCustomer;
    private int[] _purchaseDay;
    private decimal[] _purchaseAmount;
    private int _purchases;
    private int _returnsNetted;
    private List<(int Index, Transaction Transaction, int Customer)>? _returns;

    public SummaryBuilder(SummaryOptions options, int capacity)
    {
        _options = options;
        Guard.InRange(options.GrowthWindowDays, 1, 3660, nameof(options.GrowthWindowDays));
        if (!Enum.IsDefined(options.ModelPeriod) || !Enum.IsDefined(options.NegativeAmounts) || !Enum.IsDefined(options.InvalidTransactions)
            || !Enum.IsDefined(options.Frequency) || !Enum.IsDefined(options.Monetary))
        {
            throw new ArgumentException("An enum option of SummaryOptions has an undefined value.", nameof(options));
        }

        _asOfDay = options.AsOf.DayNumber;
        _windowStart = _asOfDay - options.GrowthWindowDays + 1;
        _previousWindowStart = _windowStart - options.GrowthWindowDays;
        capacity = Math.Max(capacity, 16);
        _purchaseCustomer = new int[capacity];
        _purchaseDay = new int[capacity];
        _purchaseAmount = new decimal[capacity];
    }

    public int Read { get; private set; }

    public void AddRange(ReadOnlySpan<Transaction> transactions)
    {
        foreach (ref readonly var transaction in transactions)
        {
            Add(transaction);
        }
    }

    public void Add(in Transaction transaction)
    {
        var index = Read++;
        if (string.IsNullOrWhiteSpace(transaction.CustomerId))
        {
            Reject(index, transaction, TransactionIssueReason.MissingCustomerId);
            return;
        }

        var day = (int)(transaction.Timestamp.Ticks / TimeSpan.TicksPerDay);
        if (day > _asOfDay)
        {
            _issues.Add(new TransactionIssue(index, TransactionIssueReason.AfterAsOfDate, transaction));
            return;
        }

        var amount = transaction.Amount;
        if (amount < 0)
        {
            switch (_options.NegativeAmounts)
            {
                case NegativeAmountHandling.Ignore:
                    _issues.Add(new TransactionIssue(index, TransactionIssueReason.NegativeAmount, transaction));
                    return;
                case NegativeAmountHandling.Reject:
                    Reject(index, transaction, TransactionIssueReason.NegativeAmount);
                    return;
                default:
                    // Whether the customer ever purchased is known only at the end, so returns wait until Build.
                    (_returns ??= []).Add((index, transaction, CustomerOf(transaction.CustomerId)));
                    return;
            }
        }

        var customer = CustomerOf(transaction.CustomerId);
        if (_purchases == _purchaseDay.Length)
        {
            var size = checked(_purchases * 2);
            Array.Resize(ref _purchaseCustomer, size);
            Array.Resize(ref _purchaseDay, size);
            Array.Resize(ref _purchaseAmount, size);
        }

        _purchaseCustomer[_purchases] = customer;
        _purchaseDay[_purchases] = day;
        _purchaseAmount[_purchases] = amount;
        _purchases++;

        ref var totals = ref _totals[customer];
        if (totals.Orders == 0)
        {
            totals.FirstDay = day;
            totals.LastDay = day;
        }
        else
        {
            totals.FirstDay = Math.Min(totals.FirstDay, day);
            totals.LastDay = Math.Max(totals.LastDay, day);
        }

        totals.Orders++;
        totals.Revenue += amount;
        AddToWindows(ref totals, day, amount);
    }

    public SummaryResult Build()
    {
        NetReturns();
        var customers = _customerIds.Count;
        var purchasing = 0;
        for (var c = 0; c < customers; c++)
        {
            purchasing += _totals[c].Orders > 0 ? 1 : 0;
        }

        // Rows are ordered by customer id (ordinal), so the output does not depend on input order.
        var ids = new string[purchasing];
        var source = new int[purchasing];
        for (int c = 0, row = 0; c < customers; c++)
        {
            if (_totals[c].Orders > 0)
            {
                ids[row] = _customerIds[c];
                source[row++] = c;
            }
        }

        Array.Sort(ids, source, StringComparer.Ordinal);
        var rowOf = new int[customers];
        Array.Fill(rowOf, -1);
        for (var row = 0; row < purchasing; row++)
        {
            rowOf[source[row]] = row;
        }

        var columns = new SummaryColumns(purchasing);
        FillClassic(columns, source);
        FillFromPurchases(columns, rowOf);
        _issues.Sort((a, b) => a.Index.CompareTo(b.Index));
        var frame = CustomerFrame.CreateTrusted(ids, columns.ToColumns());
        return new SummaryResult(frame, Read, [.. _issues], _returnsNetted);
    }

    private void Reject(int index, in Transaction transaction, TransactionIssueReason reason)
    {
        var issue = new TransactionIssue(index, reason, transaction);
        if (_options.InvalidTransactions == InvalidTransactionHandling.Skip)
        {
            _issues.Add(issue);
            return;
        }

        var where = Guard.Invariant($"Transaction {index} (customer '{transaction.CustomerId}', {transaction.Timestamp:yyyy-MM-dd}, amount {transaction.Amount})");
        var message = reason == TransactionIssueReason.NegativeAmount
            ? where + " has a negative amount. Set SummaryOptions.NegativeAmounts to NetAsReturn to net returns against revenue, or to Ignore to exclude and report such rows (or set SummaryOptions.InvalidTransactions to Skip)."
            : where + " has an empty customer id. Set SummaryOptions.InvalidTransactions to Skip to exclude and report such rows.";
        throw new InvalidTransactionException(issue, message);
    }

    private int CustomerOf(string id)
    {
        ref var slot = ref CollectionsMarshal.GetValueRefOrAddDefault(_customerIndex, id, out var exists);
        if (!exists)
        {
            slot = _customerIds.Count;
            _customerIds.Add(id);
            if (slot == _totals.Length)
            {
                Array.Resize(ref _totals, checked(slot * 2));
            }
        }

        return slot;
    }

    private void AddToWindows(ref CustomerTotals totals, int day, decimal amount)
    {
        if (day >= _windowStart)
        {
            totals.WindowSpend += amount;
        }
        else if (day >= _previousWindowStart)
        {
            totals.PreviousWindowSpend += amount;
        }
    }

    private void NetReturns()
    {
        if (_returns is null)
        {
            return;
        }

        foreach (var (index, transaction, customer) in _returns)
        {
            ref var totals = ref _totals[customer];
            if (totals.Orders == 0)
            {
                _issues.Add(new TransactionIssue(index, TransactionIssueReason.ReturnWithoutPurchase, transaction));
                continue;
            }

            totals.Revenue += transaction.Amount;
            AddToWindows(ref totals, (int)(transaction.Timestamp.Ticks / TimeSpan.TicksPerDay), transaction.Amount);
            _returnsNetted++;
        }

        _returns = null;
    }

    private void FillClassic(SummaryColumns columns, int[] source)
    {
        for (var row = 0; row < source.Length; row++)
        {
            ref readonly var totals = ref _totals[source[row]];
            columns.RecencyDays[row] = _asOfDay - totals.LastDay;
            columns.TenureDays[row] = _asOfDay - totals.FirstDay;
            columns.Orders[row] = totals.Orders;
            columns.Revenue[row] = (double)totals.Revenue;
            columns.Monetary[row] = _options.Monetary == MonetaryDefinition.Total
                ? (double)totals.Revenue
                : (double)(totals.Revenue / totals.Orders);
            columns.WindowSpend[row] = (double)totals.WindowSpend;
            columns.PreviousWindowSpend[row] = (double)totals.PreviousWindowSpend;
        }
    }

    // Groups purchases by customer (a counting sort, O(n)), orders each customer's few purchases by day, then walks
    // them once for distinct days and per-period totals.
    private void FillFromPurchases(SummaryColumns columns, int[] rowOf)
    {
        var rows = columns.RecencyDays.Length;
        var start = new int[rows + 1];
        for (var i = 0; i < _purchases; i++)
        {
            start[rowOf[_purchaseCustomer[i]] + 1]++;
        }

        for (var r = 0; r < rows; r++)
        {
            start[r + 1] += start[r];
        }

        var next = start[..^1];
        var days = new int[_purchases];
        var amounts = new decimal[_purchases];
        for (var i = 0; i < _purchases; i++)
        {
            var slot = next[rowOf[_purchaseCustomer[i]]]++;
            days[slot] = _purchaseDay[i];
            amounts[slot] = _purchaseAmount[i];
        }

        var weekly = _options.ModelPeriod == SummaryPeriod.Week;
        var asOfPeriod = weekly ? _asOfDay / 7 : _asOfDay;
        for (var r = 0; r < rows; r++)
        {
            var customerDays = days.AsSpan(start[r], start[r + 1] - start[r]);
            var customerAmounts = amounts.AsSpan(start[r], customerDays.Length);
            if (customerDays.Length > 1)
            {
                customerDays.Sort(customerAmounts);
            }

            var distinctDays = 0;
            var previousDay = int.MinValue;
            var periods = 0;
            var previousPeriod = int.MinValue;
            var firstPeriod = 0;
            var repeatSpend = 0m;
            for (var i = 0; i < customerDays.Length; i++)
            {
                var day = customerDays[i];
                if (day != previousDay)
                {
                    distinctDays++;
                    previousDay = day;
                }

                // Day numbers count from Monday 0001-01-01, so day / 7 is the Monday-based week.
                var period = weekly ? day / 7 : day;
                if (period != previousPeriod)
                {
                    if (periods == 0)
                    {
                        firstPeriod = period;
                    }

                    periods++;
                    previousPeriod = period;
                }

                if (periods > 1)
                {
                    repeatSpend += customerAmounts[i];
                }
            }

            var repeats = periods - 1;
            columns.ModelFrequency[r] = repeats;
            columns.ModelRecency[r] = previousPeriod - firstPeriod;
            columns.ModelT[r] = asOfPeriod - firstPeriod;
            columns.ModelMonetary[r] = repeats == 0 ? 0 : (double)(repeatSpend / repeats);
            columns.Frequency[r] = _options.Frequency == FrequencyDefinition.Orders ? columns.Orders[r] : distinctDays;
        }
    }

    private struct CustomerTotals
    {
        public int Orders;
        public int FirstDay;
        public int LastDay;
        public decimal Revenue;
        public decimal WindowSpend;
        public decimal PreviousWindowSpend;
    }

    private sealed class SummaryColumns(int rows)
    {
        public double[] RecencyDays { get; } = new double[rows];
        public double[] Frequency { get; } = new double[rows];
        public double[] Monetary { get; } = new double[rows];
        public double[] Orders { get; } = new double[rows];
        public double[] Revenue { get; } = new double[rows];
        public double[] TenureDays { get; } = new double[rows];
        public double[] ModelFrequency { get; } = new double[rows];
        public double[] ModelRecency { get; } = new double[rows];
        public double[] ModelT { get; } = new double[rows];
        public double[] ModelMonetary { get; } = new double[rows];
        public double[] WindowSpend { get; } = new double[rows];
        public double[] PreviousWindowSpend { get; } = new double[rows];

        public IEnumerable<FrameColumn> ToColumns() =>
        [
            new NumericColumn(ColumnNames.RecencyDays, RecencyDays, owned: true),
            new NumericColumn(ColumnNames.Frequency, Frequency, owned: true),
            new NumericColumn(ColumnNames.Monetary, Monetary, owned: true),
            new NumericColumn(ColumnNames.Orders, Orders, owned: true),
            new NumericColumn(ColumnNames.Revenue, Revenue, owned: true),
            new NumericColumn(ColumnNames.TenureDays, TenureDays, owned: true),
            new NumericColumn(ColumnNames.ModelFrequency, ModelFrequency, owned: true),
            new NumericColumn(ColumnNames.ModelRecency, ModelRecency, owned: true),
            new NumericColumn(ColumnNames.ModelT, ModelT, owned: true),
            new NumericColumn(ColumnNames.ModelMonetary, ModelMonetary, owned: true),
            new NumericColumn(ColumnNames.WindowSpend, WindowSpend, owned: true),
            new NumericColumn(ColumnNames.PreviousWindowSpend, PreviousWindowSpend, owned: true),
        ];
    }
}
