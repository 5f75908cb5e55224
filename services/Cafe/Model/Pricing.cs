namespace WijPlatform.Cafe.Model;

/// <summary>Price rules, configured as Cafe:Pricing:LowIncomeDiscountPercent.</summary>
public sealed class PricingPolicy
{
    public int LowIncomeDiscountPercent { get; set; } = 30;

    /// <summary>What an order costs; the low-income discount is rounded in the resident's favour.</summary>
    public int PriceCents(int dishPriceCents, int portions, bool lowIncome)
    {
        var full = dishPriceCents * portions;
        return lowIncome ? full - (int)Math.Ceiling(full * LowIncomeDiscountPercent / 100m) : full;
    }
}

public static class PaymentMethods
{
    /// <summary>Paid at the counter when eating or picking up, or collected once a month.</summary>
    public static readonly string[] All = ["counter", "monthly"];
}
