using Microsoft.AspNetCore.Http.HttpResults;
using WijPlatform.ServiceDefaults.Domain;
using WijPlatform.ServiceDefaults.Texts;

namespace WijPlatform.ServiceDefaults.Http;

/// <summary>Domain outcomes as HTTP answers: the one place where a refusal becomes a status code.</summary>
public static class Outcomes
{
    /// <summary><paramref name="done"/>'s answer, or the refusal as problem details (400 with the field's error, 403, 404, 409).</summary>
    public static Results<TResult, ValidationProblem, ProblemHttpResult> Answer<T, TResult>(this Outcome<T> outcome, Func<T, TResult> done)
        where T : class
        where TResult : IResult
    {
        if (outcome.Refusal is not { } refusal)
        {
            return done(outcome.Value!);
        }
        return refusal.Kind == RefusalKind.Invalid ? Problems.Invalid(refusal.Field!, refusal.Detail) : refusal.Problem();
    }

    /// <summary>The refusal as problem details; a wrong value is a 400 that names its field.</summary>
    public static ProblemHttpResult Problem(this Refusal refusal) => refusal.Kind switch
    {
        RefusalKind.Missing => Problems.Problem(StatusCodes.Status404NotFound, refusal.Title, refusal.Detail),
        RefusalKind.NotYours => Problems.Forbidden(refusal.Detail),
        RefusalKind.Invalid => TypedResults.Problem(ProblemTexts.WithError(refusal.Title, refusal.Detail, refusal.Field!)),
        _ => Problems.Conflict(refusal.Title, refusal.Detail),
    };
}
