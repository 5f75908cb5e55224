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
/// A refusal: the API answers it as problem details (404, 403, 409, 400), a consumer answers the
/// sender with <see cref="Title"/> and <see cref="Detail"/>. <see cref="Field"/> names the wrong value.
/// </summary>
public sealed record Refusal(RefusalKind Kind, string Title, string Detail, string? Field = null)
{
    public static Refusal Missing(string kind, object id, string? detail = null) =>
        new(RefusalKind.Missing, $"{char.ToUpperInvariant(kind[0])}{kind[1..]} not found.", detail ?? $"There is no {kind} {id}.");

    public static Refusal NotYours(string reason) => new(RefusalKind.NotYours, "Not allowed.", reason);

    public static Refusal Conflict(string title, string detail) => new(RefusalKind.Conflict, title, detail);

    public static Refusal Invalid(string field, string message) => new(RefusalKind.Invalid, "Invalid value.", message, field);

    /// <summary>What a consumer tells the sender.</summary>
    public override string ToString() => $"{Title} {Detail}";
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
