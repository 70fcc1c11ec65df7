namespace CustomerValue;

/// <summary>The buy-till-you-die model the CLV stage fits to (frequency, recency, T).</summary>
public enum PurchaseModelKind
{
    /// <summary>BG/NBD (Fader, Hardie, Lee 2005). Note: it gives every one-time buyer P(alive) = 1; prefer MBG/NBD when that matters.</summary>
    BgNbd,

    /// <summary>MBG/NBD (Batislam et al.): like BG/NBD, but customers can drop out right after their first purchase.</summary>
    MbgNbd,

    /// <summary>Pareto/NBD (Schmittlein, Morrison, Colombo 1987): dropout at any time.</summary>
    ParetoNbd,
}
