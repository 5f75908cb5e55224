using MassTransit;

namespace WijPlatform.Intake.Apis;

/// <summary>A quick question answered at the desk is only counted: no name, no address, no description.</summary>
public static class QuickQuestionsApi
{
    public static RouteGroupBuilder MapQuickQuestionsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/intake/quick-questions").WithTags("Quick questions").RequireRoles(WijRoles.Desk, WijRoles.Professional).WithoutResidentData();
        api.MapPost("/", Count).WithSummary("Count a question that was answered on the spot (nothing personal is kept)");
        api.MapGet("/counts", Counts).WithSummary("How many quick questions per domain between two dates (Amsterdam days)");
        return api;
    }

    public static async Task<Results<Created<CountedQuestion>, ValidationProblem>> Count(
        CountQuestion request, UnitOfWorkFactory unitOfWork, CaseStore store, NeighbourhoodTable neighbourhoods, TimeProvider clock, CancellationToken ct)
    {
        if (Domains.Unknown(request.Domains) is { } unknown)
        {
            return Problems.Invalid("domains", unknown);
        }
        Postcode? postcode = null;
        if (request.Postcode is not null && !Postcode.TryParse(request.Postcode, out postcode))
        {
            return Problems.Invalid("postcode", "intake.enter-dutch-postcode-such-2");
        }
        // Only the neighbourhood is kept, not the postcode, so that a count cannot point to an address.
        var counted = new CountedQuestion(NewId.NextGuid(), request.Channel, Domains.Normalise(request.Domains),
            postcode is { } p ? neighbourhoods.Find(p) : null, Amsterdam.Today(clock.GetUtcNow()));
        await using var work = await unitOfWork.BeginAsync(ct);
        await store.InsertCountedAsync(work, counted.Id, counted.Channel, counted.Domains, counted.Neighbourhood, counted.AnsweredOn, ct);
        await work.CommitAsync(ct);
        return TypedResults.Created($"/api/intake/quick-questions/counts?from={counted.AnsweredOn:yyyy-MM-dd}&to={counted.AnsweredOn:yyyy-MM-dd}", counted);
    }

    public static async Task<Results<Ok<QuestionCounts>, ValidationProblem>> Counts(DateOnly from, DateOnly to, CaseStore store, CancellationToken ct)
    {
        if (to < from || to.DayNumber - from.DayNumber > 366)
        {
            return Problems.Invalid("to", "intake.choose-after-from-most");
        }
        var byDomain = await store.CountQuestionsAsync(from, to, ct);
        return TypedResults.Ok(new QuestionCounts(from, to, byDomain));
    }
}

public sealed record CountQuestion(
    [property: Required, AllowedValues("desk", "phone", "email", "online", "on-behalf")] string Channel,
    [property: Required, MinLength(1), MaxLength(10), ItemLength(50)] string[] Domains,
    [property: StringLength(10)] string? Postcode = null);

public sealed record CountedQuestion(Guid Id, string Channel, string[] Domains, string? Neighbourhood, DateOnly AnsweredOn);

/// <summary>Counts per domain; a question with two domains counts in both.</summary>
public sealed record QuestionCounts(DateOnly From, DateOnly To, IReadOnlyList<QuestionCount> ByDomain);
