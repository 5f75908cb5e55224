namespace WijPlatform.Cafe.Model;

public static class DietTags
{
    /// <summary>What a dish can be labelled with; a resident's diet asks for the same labels.</summary>
    public static readonly string[] All = ["vegetarian", "halal", "low-salt", "diabetic", "pureed"];

    /// <summary>Diets a resident can follow (texture is asked separately).</summary>
    public static readonly string[] Diets = ["vegetarian", "halal", "low-salt", "diabetic"];

    public static readonly string[] Textures = ["normal", "pureed"];
}

/// <summary>What the kitchen must know about one resident before serving them.</summary>
public sealed record DietProfile(string[] Allergies, string[] Diets, string Texture)
{
    public static readonly DietProfile None = new([], [], "normal");
}

/// <summary>Why a dish does not suit a resident.</summary>
public sealed record DietConflict(string Kind, string Value, string Text);

public static class DietCheck
{
    /// <summary>
    /// Every way a dish clashes with a profile: an allergen the resident must avoid, a diet the dish is
    /// not labelled for, or a texture it is not prepared in. Empty when the dish suits the resident.
    /// </summary>
    public static IReadOnlyList<DietConflict> Conflicts(DietProfile profile, string[] dishAllergens, string[] dishDietTags)
    {
        var conflicts = new List<DietConflict>();
        foreach (var allergen in profile.Allergies.Intersect(dishAllergens, StringComparer.OrdinalIgnoreCase).Order())
        {
            conflicts.Add(new("allergen", allergen, $"Bevat {allergen}, waar deze bewoner allergisch voor is."));
        }
        foreach (var diet in profile.Diets.Except(dishDietTags, StringComparer.OrdinalIgnoreCase).Order())
        {
            conflicts.Add(new("diet", diet, $"Het gerecht is niet {diet}."));
        }
        if (profile.Texture == "pureed" && !dishDietTags.Contains("pureed", StringComparer.OrdinalIgnoreCase))
        {
            conflicts.Add(new("texture", "pureed", "Het gerecht is niet gepureerd."));
        }
        return conflicts;
    }
}
