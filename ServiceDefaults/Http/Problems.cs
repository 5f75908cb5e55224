using Microsoft.AspNetCore.Http.HttpResults;

namespace WijPlatform.ServiceDefaults.Http;

/// <summary>Problem details (application/problem+json) for the answers every API gives.</summary>
public static class Problems
{
    /// <summary>
    /// 404 for a record that is not there: "Case not found." and "There is no case {id}."; a
    /// <paramref name="detail"/> where there is more to say.
    /// </summary>
    public static ProblemHttpResult NotFound(string kind, object id, string? detail = null) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: $"{char.ToUpperInvariant(kind[0])}{kind[1..]} not found.", detail: detail ?? $"There is no {kind} {id}.");

    public static ProblemHttpResult Conflict(string title, string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: title, detail: detail);

    /// <summary>The caller's role may use the endpoint, but not for this record (another team's case, another volunteer's match).</summary>
    public static ProblemHttpResult Forbidden(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Not allowed.", detail: detail);

    /// <summary>Writes a problem straight to the response, for middleware that answers before any endpoint runs.</summary>
    public static async Task WriteAsync(HttpContext context, int status, string title, string detail)
    {
        context.Response.StatusCode = status;
        await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new Microsoft.AspNetCore.Mvc.ProblemDetails { Status = status, Title = title, Detail = detail },
        });
    }

    public static ValidationProblem Invalid(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] });
}
