using WijPlatform.ServiceDefaults.Texts;

namespace WijPlatform.ServiceDefaults.Domain;

/// <summary>Why a domain operation did not do what was asked, in the domain's words.</summary>
public enum RefusalKind
{
    /// <summary>The record is not there.</summary>
    Missing,

    /// <summary>The record is there, but outside the caller's scope (another team's case, another volunteer's match).</summary>
    NotYours,

    /// <summary>The record's state does not allow it now.</summary>
    Conflict,

    /// <summary>A value in what was asked is wrong.</summary>
    Invalid,
}

/// <summary>
/// A refusal: the API answers it as problem details (404, 403, 409, 400) in the caller's language; a
/// consumer answers the sender with its <see cref="Code"/>. <see cref="Title"/> and
/// <see cref="Detail"/> name texts of the service's catalogue, <see cref="Field"/> the wrong value.
/// </summary>
public sealed record Refusal(RefusalKind Kind, Text Title, Text Detail, string? Field = null)
{
    /// <summary><paramref name="kind"/> is the record's English noun, itself the key of its name ("case" → "casus").</summary>
    public static Refusal Missing(string kind, object id, Text? detail = null) =>
        new(RefusalKind.Missing, SharedTexts.NotFound(kind), detail ?? SharedTexts.NoSuch(kind, id)) { Code = $"missing:{kind}" };

    public static Refusal NotYours(Text reason) => new(RefusalKind.NotYours, SharedTexts.NotAllowed, reason);

    public static Refusal Conflict(Text title, Text detail) => new(RefusalKind.Conflict, title, detail);

    public static Refusal Invalid(string field, Text message) => new(RefusalKind.Invalid, SharedTexts.InvalidValue, message, field);

    /// <summary>
    /// What a consumer tells the sender: the detail's key, a code the sender renders in its own
    /// reader's language (a sentence would be in one language, and could carry a name).
    /// </summary>
    public string Code { get; init; } = Detail.Key;

    public override string ToString() => Code;
}

/// <summary>What a domain operation came to: its result, or the <see cref="Refusal"/> why not.</summary>
public readonly record struct Outcome<T>
    where T : class
{
    private Outcome(T? value, Refusal? refusal) => (Value, Refusal) = (value, refusal);

    public T? Value { get; }

    public Refusal? Refusal { get; }

    public static implicit operator Outcome<T>(T value) => new(value, null);

    public static implicit operator Outcome<T>(Refusal refusal) => new(null, refusal);

    public Outcome<TOther> Then<TOther>(Func<T, TOther> next)
        where TOther : class => Refusal ?? (Outcome<TOther>)next(Value!);
}
