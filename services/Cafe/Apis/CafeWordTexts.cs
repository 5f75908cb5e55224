namespace WijPlatform.Cafe.Apis;

/// <summary>
/// The café's stored words (an application's status, an allergen, a diet) as words inside a sentence
/// for people, in their language: the API keeps the stored word, a Dutch sentence says "afgewezen".
/// </summary>
public static class CafeWordTexts
{
    public static Text ApplicationStatus(string status) => status switch
    {
        DeliveryApplication.Pending => "cafe.status.pending",
        DeliveryApplication.Accepted => "cafe.status.accepted",
        DeliveryApplication.Declined => "cafe.status.declined",
        _ => status,
    };

    /// <summary>What a diet conflict's value is called: the allergen or the diet it concerns.</summary>
    public static Text ConflictValue(string kind, string value) => (kind, value) switch
    {
        ("allergen", "gluten") => "cafe.allergen.gluten",
        ("allergen", "crustaceans") => "cafe.allergen.crustaceans",
        ("allergen", "eggs") => "cafe.allergen.eggs",
        ("allergen", "fish") => "cafe.allergen.fish",
        ("allergen", "peanuts") => "cafe.allergen.peanuts",
        ("allergen", "soybeans") => "cafe.allergen.soybeans",
        ("allergen", "milk") => "cafe.allergen.milk",
        ("allergen", "nuts") => "cafe.allergen.nuts",
        ("allergen", "celery") => "cafe.allergen.celery",
        ("allergen", "mustard") => "cafe.allergen.mustard",
        ("allergen", "sesame") => "cafe.allergen.sesame",
        ("allergen", "sulphites") => "cafe.allergen.sulphites",
        ("allergen", "lupin") => "cafe.allergen.lupin",
        ("allergen", "molluscs") => "cafe.allergen.molluscs",
        ("diet", "vegetarian") => "cafe.diet.vegetarian",
        ("diet", "halal") => "cafe.diet.halal",
        ("diet", "low-salt") => "cafe.diet.low-salt",
        ("diet", "diabetic") => "cafe.diet.diabetic",
        _ => value,
    };
}
