using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using WijPlatform.ServiceDefaults.Http;

namespace WijPlatform.ServiceDefaults.Security;

/// <summary>
/// A record read within the caller's scope: there and theirs, there and someone else's (403: the
/// caller's role may use the endpoint, not for this record), or not there at all (the endpoint's 404).
/// </summary>
public readonly struct Scoped<T>
    where T : class
{
    internal Scoped(T? value, string? refusal) => (Value, Refusal) = (value, refusal);

    /// <summary>The record, when it exists and is the caller's.</summary>
    public T? Value { get; }

    /// <summary>Why the caller may not have it, when it exists but is not theirs.</summary>
    public string? Refusal { get; }

    /// <summary>The problem to answer instead of the record: 403 when it is not the caller's, 404 when it does not exist; null when the caller has it.</summary>
    public ProblemHttpResult? Problem(Func<ProblemHttpResult> notFound) =>
        Refusal is { } refusal ? Problems.Forbidden(refusal) : Value is null ? notFound() : null;

    public Results<TResult, ProblemHttpResult> Answer<TResult>(Func<T, TResult> found, Func<ProblemHttpResult> notFound)
        where TResult : IResult =>
        Value is { } value ? found(value) : Problem(notFound)!;
}

public static class Scoped
{
    public static Scoped<T> Of<T>(T value)
        where T : class => new(value, null);

    public static Scoped<T> Refused<T>(string refusal)
        where T : class => new(null, refusal);

    public static Scoped<T> Missing<T>()
        where T : class => default;

    /// <summary>Nothing when there is no record; the record when <paramref name="covered"/>; else refused.</summary>
    public static Scoped<T> Check<T>(T? record, bool covered, string refusal)
        where T : class => record is null ? default : covered ? new(record, null) : new(null, refusal);
}
