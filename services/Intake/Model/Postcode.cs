using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace WijPlatform.Intake.Model;

/// <summary>A Dutch postcode, "1234 AB": four digits (not starting with 0) and two letters (not SA, SD or SS).</summary>
public readonly partial record struct Postcode
{
    private Postcode(string value) => Value = value;

    public string Value { get; }

    public string Digits => Value[..4];

    public static bool TryParse(string? text, [NotNullWhen(true)] out Postcode? postcode)
    {
        postcode = null;
        if (text is null)
        {
            return false;
        }
        var match = Pattern().Match(text.Trim());
        if (!match.Success)
        {
            return false;
        }
        var letters = match.Groups["letters"].Value.ToUpperInvariant();
        if (letters is "SA" or "SD" or "SS")
        {
            return false;
        }
        postcode = new Postcode($"{match.Groups["digits"].Value} {letters}");
        return true;
    }

    public override string ToString() => Value;

    [GeneratedRegex("^(?<digits>[1-9][0-9]{3}) ?(?<letters>[A-Za-z]{2})$")]
    private static partial Regex Pattern();
}
