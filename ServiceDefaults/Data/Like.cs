namespace WijPlatform.ServiceDefaults.Data;

/// <summary>LIKE patterns from what a user typed: their % and _ are letters, not wildcards.</summary>
public static class Like
{
    /// <summary>Matches text containing <paramref name="text"/>; use with <c>LIKE @pattern ESCAPE '\'</c>.</summary>
    public static string Containing(string text) => $"%{Escape(text)}%";

    public static string Escape(string text) =>
        text.Replace(@"\", @"\\", StringComparison.Ordinal).Replace("%", @"\%", StringComparison.Ordinal).Replace("_", @"\_", StringComparison.Ordinal);
}
