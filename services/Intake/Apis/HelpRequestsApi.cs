using System.ComponentModel.DataAnnotations;
using MassTransit;
using Microsoft.AspNetCore.Http.HttpResults;
using WijPlatform.Contracts;
using WijPlatform.Intake.Infrastructure;
using WijPlatform.Intake.Model;
using WijPlatform.ServiceDefaults.Http;
using WijPlatform.ServiceDefaults.Messaging;

namespace WijPlatform.Intake.Apis;

public static class HelpRequestsApi
{
    public static RouteGroupBuilder MapHelpRequestsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/intake/help-requests").WithTags("Help requests");

        api.MapPost("/", RegisterHelpRequest)
            .WithSummary("Register a resident's question; one that needs a volunteer is passed to matching");
        api.MapGet("/", ListHelpRequests).WithSummary("Help requests, newest first");
        api.MapGet("/{id:guid}", GetHelpRequest).WithSummary("One help request");
        return api;
    }

    public static async Task<Results<Created<HelpRequest>, ValidationProblem>> RegisterHelpRequest(
        RegisterHelpRequest request, UnitOfWorkFactory unitOfWork, HelpRequestStore store, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = request.Validate();
        if (errors.Count > 0 || !Postcode.TryParse(request.Postcode, out var postcode))
        {
            if (!Postcode.TryParse(request.Postcode, out _))
            {
                errors["postcode"] = ["Enter a Dutch postcode such as 9712 HW."];
            }
            return TypedResults.ValidationProblem(errors);
        }

        var helpRequest = new HelpRequest(
            NewId.NextGuid(),
            request.Channel,
            request.Domains.Select(d => d.ToLowerInvariant()).Distinct().ToArray(),
            request.Urgency ?? "normal",
            postcode.Value.Value,
            request.Description,
            request.VolunteerTalent,
            request.VolunteerTalent is null ? "registered" : "volunteer-requested",
            clock.GetUtcNow().UtcDateTime);

        await using var work = await unitOfWork.BeginAsync(cancellationToken);
        await store.InsertAsync(work, helpRequest, cancellationToken);
        if (request.VolunteerTalent is { } talent)
        {
            await work.PublishAsync(new VolunteerRequested(
                RequestId: helpRequest.Id,
                CaseId: helpRequest.Id,
                ResidentId: Guid.Empty,
                Talent: talent,
                Postcode: helpRequest.Postcode,
                Street: null,
                FirstName: null,
                WantedAt: request.WantedAt,
                Urgency: helpRequest.Urgency,
                InsideHome: talent is "home-visit" or "computer-help"), cancellationToken);
        }
        await work.CommitAsync(cancellationToken);
        return TypedResults.Created($"/api/intake/help-requests/{helpRequest.Id}", helpRequest);
    }

    public static async Task<Ok<Page<HelpRequest>>> ListHelpRequests([AsParameters] PageRequest page, HelpRequestStore store, CancellationToken cancellationToken) =>
        TypedResults.Ok(await store.ListAsync(page, cancellationToken));

    public static async Task<Results<Ok<HelpRequest>, ProblemHttpResult>> GetHelpRequest(Guid id, HelpRequestStore store, CancellationToken cancellationToken) =>
        await store.FindAsync(id, cancellationToken) is { } found
            ? TypedResults.Ok(found)
            : Problems.NotFound("Help request not found.", $"There is no help request {id}.");
}

/// <summary>A question as the desk registers it.</summary>
public sealed record RegisterHelpRequest(
    [property: Required, AllowedValues("desk", "phone", "email", "online", "on-behalf")] string Channel,
    [property: Required, MinLength(1)] string[] Domains,
    [property: Required, StringLength(4000, MinimumLength = 1)] string Description,
    [property: Required] string Postcode,
    [property: AllowedValues(null, "low", "normal", "high", "crisis")] string? Urgency = null,
    [property: StringLength(50)] string? VolunteerTalent = null,
    DateTimeOffset? WantedAt = null)
{
    public Dictionary<string, string[]> Validate()
    {
        var errors = new Dictionary<string, string[]>();
        var unknown = (Domains ?? []).Where(d => !HelpRequest.KnownDomains.Contains(d?.ToLowerInvariant())).ToList();
        if (unknown.Count > 0)
        {
            errors["domains"] = [$"Unknown domain(s): {string.Join(", ", unknown)}. Known: {string.Join(", ", HelpRequest.KnownDomains)}."];
        }
        return errors;
    }
}
