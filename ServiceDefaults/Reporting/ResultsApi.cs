using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection.Extensions;
using WijPlatform.Contracts.Vocabulary;

namespace WijPlatform.ServiceDefaults.Reporting;

/// <summary>
/// <c>GET /api/&lt;service&gt;/results?from=2026-01&amp;to=2026-06</c> (JSON, or CSV with
/// <c>Accept: text/csv</c> or <c>?format=csv</c>) and <c>/results/{figure}.svg</c>: the same
/// endpoints in every service that counts something, each answering from its own database.
/// For the coordinator (who reports to the municipality): counts without any resident, so not audited.
/// </summary>
public static class ResultsApi
{
    public static IServiceCollection AddResults<TSource>(this IServiceCollection services)
        where TSource : class, IResultsSource
    {
        services.TryAddSingleton<IResultsSource, TSource>();
        return services;
    }

    public static RouteGroupBuilder MapResultsApi(this IEndpointRouteBuilder app, string service)
    {
        var api = app.MapGroup($"/api/{service}/results").WithTags("Results").RequireRoles(WijRoles.Coordinator).WithoutResidentData();
        api.MapGet("/", (string? from, string? to, string? format, HttpContext http, IResultsSource source, TimeProvider clock, CancellationToken ct) =>
                TableAsync(service, from, to, format, http, source, clock, ct))
            .WithSummary("Counts per month, neighbourhood team and figure, small numbers hidden (JSON, or CSV with Accept: text/csv or ?format=csv); at most 12 months")
            .Produces<string>(StatusCodes.Status200OK, ResultsCsv.ContentType);
        api.MapGet("/{figure}.svg", ChartAsync).WithSummary("One figure as an SVG bar chart");
        return api;
    }

    private static async Task<Results<Ok<ResultsTable>, ContentHttpResult, ValidationProblem>> TableAsync(
        string service, string? from, string? to, string? format, HttpContext http, IResultsSource source, TimeProvider clock, CancellationToken ct)
    {
        var csv = format switch
        {
            null => http.Request.GetTypedHeaders().Accept.Any(a => a.MediaType.Equals(ResultsCsv.ContentType, StringComparison.OrdinalIgnoreCase)),
            "csv" => true,
            "json" => false,
            _ => (bool?)null,
        };
        if (csv is null)
        {
            return Problems.Invalid("format", "shared.results-format");
        }
        var (range, field, error) = Range(from, to, clock);
        if (range is null)
        {
            return Problems.Invalid(field, error);
        }
        var rows = SmallCells.Suppress(await source.CountAsync(range, ct), source.Figures);
        if (csv is true)
        {
            http.Response.Headers.ContentDisposition = $"attachment; filename=\"{service}-results-{range.From}-{range.To}.csv\"";
            return TypedResults.Text(ResultsCsv.Write(rows), ResultsCsv.ContentType, Encoding.UTF8);
        }
        return TypedResults.Ok(new ResultsTable(range.From, range.To, SmallCells.Threshold, source.Figures, rows));
    }

    private static async Task<Results<ContentHttpResult, ValidationProblem, ProblemHttpResult>> ChartAsync(
        string figure, string? from, string? to, IResultsSource source, TimeProvider clock, CancellationToken ct)
    {
        if (source.Figures.FirstOrDefault(f => f.Name == figure) is not { } known)
        {
            return Problems.NotFound("figure", figure, new Texts.Text("shared.known-figures", string.Join(", ", source.Figures.Select(f => f.Name))));
        }
        var (range, field, error) = Range(from, to, clock);
        if (range is null)
        {
            return Problems.Invalid(field, error);
        }
        var rows = SmallCells.Suppress(await source.CountAsync(range, ct), source.Figures);
        return TypedResults.Text(ResultsChart.Render(known, range, rows), ResultsChart.ContentType, Encoding.UTF8);
    }

    /// <summary>Without months given, the last six up to this one.</summary>
    private static (MonthRange? Range, string Field, string Error) Range(string? from, string? to, TimeProvider clock)
    {
        var today = Amsterdam.Today(clock.GetUtcNow());
        var thisMonth = new DateOnly(today.Year, today.Month, 1);
        to ??= thisMonth.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
        from ??= MonthRange.Parse(to, to).Range is { } last ? last.First.AddMonths(-5).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture) : to;
        return MonthRange.Parse(from, to);
    }
}
