using System.Collections;
using System.ComponentModel.DataAnnotations;

namespace WijPlatform.ServiceDefaults.Http;

/// <summary>
/// The length of each text in a list (allergens, weekdays, talents): <see cref="MaxLengthAttribute"/>
/// caps how many items a list has, this caps each item. The OpenAPI document shows it as the items'
/// maxLength.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter | AttributeTargets.Field)]
public sealed class ItemLengthAttribute(int maximumLength) : ValidationAttribute
{
    public int MaximumLength { get; } = maximumLength;

    public int MinimumLength { get; init; }

    public override bool IsValid(object? value) =>
        value is not IEnumerable items || value is string || items.Cast<object?>().All(i => i is not string text || (text.Length <= MaximumLength && text.Length >= MinimumLength));

    public override string FormatErrorMessage(string name) =>
        MinimumLength > 0
            ? $"Each item of {name} must be between {MinimumLength} and {MaximumLength} characters long."
            : $"Each item of {name} must be at most {MaximumLength} characters long.";
}
