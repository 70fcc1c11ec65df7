namespace CustomerValue;

/// <summary>The names of the columns the built-in stages read and write.</summary>
public static class ColumnNames
{
    /// <summary>Days between the last purchase date and the as-of date.</summary>
    public const string RecencyDays = "recency_days";

    /// <summary>The RFM frequency: orders, or distinct purchase days (see <see cref="SummaryOptions.Frequency"/>).</summary>
    public const string Frequency = "frequency";

    /// <summary>The RFM monetary value: total or average order value (see <see cref="SummaryOptions.Monetary"/>).</summary>
    public const string Monetary = "monetary";

    /// <summary>The number of orders (purchase transactions) up to the as-of date.</summary>
    public const string Orders = "orders";

    /// <summary>The net revenue (purchases, less netted returns) up to the as-of date.</summary>
    public const string Revenue = "revenue";

    /// <summary>Days between the first purchase date and the as-of date (tenure).</summary>
    public const string TenureDays = "tenure_days";

    /// <summary>Model summary: the number of repeat periods (distinct purchase periods minus one).</summary>
    public const string ModelFrequency = "model_frequency";

    /// <summary>Model summary: last purchase period minus first purchase period.</summary>
    public const string ModelRecency = "model_recency";

    /// <summary>Model summary: as-of period minus first purchase period.</summary>
    public const string ModelT = "model_T";

    /// <summary>Model summary: mean spend per repeat period (first period excluded); 0 without repeats.</summary>
    public const string ModelMonetary = "model_monetary";

    /// <summary>Spend in the most recent growth window ending on the as-of date.</summary>
    public const string WindowSpend = "window_spend";

    /// <summary>Spend in the growth window before the most recent one.</summary>
    public const string PreviousWindowSpend = "previous_window_spend";

    /// <summary>The recency score 1..k (most recent = k).</summary>
    public const string RecencyScore = "r_score";

    /// <summary>The frequency score 1..k.</summary>
    public const string FrequencyScore = "f_score";

    /// <summary>The monetary score 1..k.</summary>
    public const string MonetaryScore = "m_score";

    /// <summary>The FM score: round-half-up of (F + M) / 2.</summary>
    public const string FmScore = "fm_score";

    /// <summary>The RFM code, 100R + 10F + M (e.g. 545).</summary>
    public const string RfmCode = "rfm_code";

    /// <summary>The weighted RFM score.</summary>
    public const string RfmScore = "rfm_score";

    /// <summary>The segment name.</summary>
    public const string Segment = "segment";

    /// <summary>The tier label (tier classification stage).</summary>
    public const string Tier = "tier";

    /// <summary>The total of the rule points (rule points stage).</summary>
    public const string Points = "points";

    /// <summary>The rules that fired for the customer (rule points stage).</summary>
    public const string PointsRules = "points_rules";

    /// <summary>Importance: the customer's value as a percentile, 0..1 (priority stage).</summary>
    public const string Importance = "importance";

    /// <summary>Urgency: the risk of losing the customer, 0..1 (priority stage).</summary>
    public const string Urgency = "urgency";

    /// <summary>The combined priority, 0..1 (priority stage).</summary>
    public const string Priority = "priority";

    /// <summary>The priority rank, 1 = most urgent attention; a total order, ties by customer id (priority stage).</summary>
    public const string PriorityRank = "priority_rank";

    /// <summary>The quadrant: act now, nurture, low-touch or monitor (priority stage).</summary>
    public const string Quadrant = "quadrant";

    /// <summary>The reasons for the customer's priority (priority stage).</summary>
    public const string PriorityReasons = "priority_reasons";

    /// <summary>The low-value criteria that fired for the customer (low-value stage).</summary>
    public const string LowValueCriteria = "low_value_criteria";

    /// <summary>The value status: valuable, low value, valueless, potential or new (low-value stage).</summary>
    public const string ValueStatus = "value_status";

    /// <summary>The evidence behind the value status, e.g. which potential evidence saved a customer (low-value stage).</summary>
    public const string StatusReasons = "status_reasons";

    /// <summary>The probability that the customer is still active (CLV stage).</summary>
    public const string ProbabilityAlive = "p_alive";

    /// <summary>Expected purchases over the CLV horizon (CLV stage).</summary>
    public const string ExpectedPurchases = "expected_purchases";

    /// <summary>Expected average spend per purchase, from the spend model (CLV stage).</summary>
    public const string ExpectedSpend = "expected_spend";

    /// <summary>Discounted customer-lifetime value over the horizon (CLV stage).</summary>
    public const string Clv = "clv";

    /// <summary>Conventional attribute: the number of interactions (calls, visits, tickets) a caller supplies.</summary>
    public const string Interactions = "interactions";

    /// <summary>Conventional attribute: the number of complaints a caller supplies.</summary>
    public const string Complaints = "complaints";

    /// <summary>Conventional attribute: a satisfaction score (e.g. 0..10) a caller supplies.</summary>
    public const string Satisfaction = "satisfaction";

    /// <summary>Conventional attribute: the account manager a caller supplies.</summary>
    public const string AccountManager = "account_manager";

    /// <summary>Conventional attribute: a stated potential score a caller supplies.</summary>
    public const string Potential = "potential";

    /// <summary>The columns every frame from <see cref="CustomerSummaries.FromTransactions"/> has.</summary>
    internal static readonly string[] SummaryColumns =
    [
        RecencyDays, Frequency, Monetary, Orders, Revenue, TenureDays,
        ModelFrequency, ModelRecency, ModelT, ModelMonetary, WindowSpend, PreviousWindowSpend,
    ];
}
