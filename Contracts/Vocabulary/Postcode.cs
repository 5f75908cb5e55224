using System.ComponentModel.DataAnnotations;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.RegularExpressions;

namespace WijPlatform.Contracts.Vocabulary;

/// <summary>
/// A Dutch postcode, "1234 AB": four digits (not starting with 0) and two letters (not SA, SD or SS, which
/// PostNL does not issue). The one parser of every service and message.
/// </summary>
public readonly partial record struct Postcode
{
    private Postcode(string value) => Value = value;

    public string Value { get; }

    public string Digits => Value[..4];

    /// <summary>The four digits as a number: the area (PC4) that neighbourhoods and distances are kept for.</summary>
    public int Pc4 => int.Parse(Digits, CultureInfo.InvariantCulture);

    /// <summary>"3705ab" becomes "3705 AB"; null when it is not a Dutch postcode.</summary>
    public static string? Normalise(string? text) => TryParse(text, out var postcode) ? postcode.Value.Value : null;

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

/// <summary>A request field that must be a Dutch postcode (<see cref="Postcode"/>); empty is left to [Required].</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed class DutchPostcodeAttribute : ValidationAttribute
{
    public DutchPostcodeAttribute()
        : base("Enter a Dutch postcode such as 3705 AB.")
    {
    }

    public override bool IsValid(object? value) => value is null || (value is string text && Postcode.TryParse(text, out _));
}
