using Microsoft.AspNetCore.Http.HttpResults;
using WijPlatform.ServiceDefaults.Texts;

namespace WijPlatform.ServiceDefaults.Http;

/// <summary>
/// Problem details (application/problem+json) for the answers every API gives. Titles, details and
/// field errors are <see cref="Text"/>s: <see cref="ProblemTexts"/> renders them in the caller's
/// language when the problem is written.
/// </summary>
public static class Problems
{
    /// <summary>
    /// 404 for a record that is not there: "Casus niet gevonden." and "Er is geen casus {id}."
    /// (<paramref name="kind"/> is the record's English noun, itself a key); a <paramref name="detail"/>
    /// where there is more to say.
    /// </summary>
    public static ProblemHttpResult NotFound(string kind, object id, Text? detail = null) =>
        Problem(StatusCodes.Status404NotFound, SharedTexts.NotFound(kind), detail ?? SharedTexts.NoSuch(kind, id));

    public static ProblemHttpResult Conflict(Text title, Text detail) => Problem(StatusCodes.Status409Conflict, title, detail);

    /// <summary>The caller's role may use the endpoint, but not for this record (another team's case, another volunteer's match).</summary>
    public static ProblemHttpResult Forbidden(Text detail) => Problem(StatusCodes.Status403Forbidden, SharedTexts.NotAllowed, detail);

    /// <param name="extensions">What the caller's program needs besides the texts (the conflicting record's id).</param>
    public static ProblemHttpResult Problem(int status, Text title, Text detail, IDictionary<string, object?>? extensions = null)
    {
        var problem = ProblemTexts.With(new Microsoft.AspNetCore.Mvc.ProblemDetails { Status = status }, title, detail);
        foreach (var (key, value) in extensions ?? new Dictionary<string, object?>())
        {
            problem.Extensions[key] = value;
        }
        return TypedResults.Problem(problem);
    }

    /// <summary>Writes a problem straight to the response, for middleware that answers before any endpoint runs.</summary>
    public static async Task WriteAsync(HttpContext context, int status, Text title, Text detail)
    {
        context.Response.StatusCode = status;
        await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = ProblemTexts.With(new Microsoft.AspNetCore.Mvc.ProblemDetails { Status = status }, title, detail),
        });
    }

    public static ValidationProblem Invalid(string field, Text message) => Invalid(new Dictionary<string, Text> { [field] = message });

    /// <summary>A 400 whose field errors are texts (with their arguments), rendered in the request's language.</summary>
    public static ValidationProblem Invalid(IReadOnlyDictionary<string, Text> errors) =>
        TypedResults.ValidationProblem(errors.ToDictionary(e => e.Key, e => new[] { e.Value.Key }), extensions: ProblemTexts.Errors(errors.ToDictionary()));
}
