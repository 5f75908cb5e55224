using System.Globalization;
using Microsoft.AspNetCore.Mvc;

namespace WijPlatform.ServiceDefaults.Texts;

/// <summary>
/// Problem details carry <see cref="Text"/>s in private extensions until they are written; then the
/// title, detail and field errors are rendered in the request's language and the extensions
/// removed, so the JSON keeps its shape (type, title, status, detail, errors). What ASP.NET itself
/// wrote in English (a status's default title, a data annotation's message) is translated by its
/// English wording.
/// </summary>
internal static class ProblemTexts
{
    private const string TitleKey = "wij:title";
    private const string DetailKey = "wij:detail";
    private const string ErrorsKey = "wij:errors";

    public static TProblem With<TProblem>(TProblem problem, Text title, Text? detail)
        where TProblem : ProblemDetails
    {
        // The keys stand in for the texts wherever nothing renders them.
        problem.Title = title.Key;
        problem.Detail = detail?.Key;
        problem.Extensions[TitleKey] = title;
        if (detail is not null)
        {
            problem.Extensions[DetailKey] = detail;
        }
        return problem;
    }

    /// <summary>A 400 as a plain problem whose <c>errors</c> name the wrong field.</summary>
    public static ProblemDetails WithError(Text title, Text message, string field)
    {
        var problem = With(new ProblemDetails { Status = StatusCodes.Status400BadRequest }, title, message);
        problem.Extensions["errors"] = new Dictionary<string, string[]> { [field] = [message.Key] };
        problem.Extensions[ErrorsKey] = new Dictionary<string, Text> { [field] = message };
        return problem;
    }

    public static Dictionary<string, object?> Errors(Dictionary<string, Text> errors) => new() { [ErrorsKey] = errors };

    /// <summary>In the language request localization chose (<see cref="CultureInfo.CurrentUICulture"/>).</summary>
    public static void Render(ProblemDetails problem, TextCatalogue texts)
    {
        var culture = CultureInfo.CurrentUICulture;
        problem.Title = problem.Extensions.Remove(TitleKey, out var title) && title is Text titleText
            ? Capitalised(texts.Render(titleText, culture))
            : problem.Title is { } written ? texts.Translate(written, culture) : null;
        problem.Detail = problem.Extensions.Remove(DetailKey, out var detail) && detail is Text detailText
            ? texts.Render(detailText, culture)
            : problem.Detail is { } wrote ? texts.Translate(wrote, culture) : null;
        var errorTexts = problem.Extensions.Remove(ErrorsKey, out var errors) ? errors as Dictionary<string, Text> : null;
        if (problem is HttpValidationProblemDetails validation)
        {
            foreach (var field in validation.Errors.Keys.ToList())
            {
                validation.Errors[field] = errorTexts?.GetValueOrDefault(field) is { } text
                    ? [texts.Render(text, culture)]
                    : [.. validation.Errors[field].Select(m => texts.Translate(m, culture))];
            }
        }
        else if (errorTexts is not null)
        {
            problem.Extensions["errors"] = errorTexts.ToDictionary(e => e.Key, e => new[] { texts.Render(e.Value, culture) });
        }
    }

    private static string Capitalised(string title) => title.Length == 0 ? title : $"{char.ToUpper(title[0], CultureInfo.CurrentUICulture)}{title[1..]}";
}
