using MassTransit;

namespace WijPlatform.Intake.Apis;

/// <summary>Registering a question that needs follow-up: it becomes a case (same id) with a timeline.</summary>
public static class HelpRequestsApi
{
    public static RouteGroupBuilder MapHelpRequestsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/intake/help-requests").WithTags("Help requests").RequireRoles(WijRoles.Desk, WijRoles.Professional).Audited("case");

        api.MapPost("/", RegisterHelpRequest)
            .WithSummary("Register a resident's question as a case; one that needs a volunteer is passed to matching");
        api.MapGet("/", (TeamScope scope, CaseStore store, [AsParameters] PageRequest page, CancellationToken ct) => store.ListAsync(scope, null, null, null, null, openOnly: false, page, ct))
            .WithSummary("The help requests (cases) of the caller's team, newest first").RequireRoles(WijRoles.Professional);
        api.MapGet("/{id:guid}", async Task<Results<Ok<HelpRequest>, ProblemHttpResult>> (Guid id, TeamScope scope, CaseStore store, CancellationToken ct) =>
                (await store.FindAsync(id, scope, ct)).Answer(TypedResults.Ok, () => Problems.NotFound("help request", id)))
            .WithSummary("One help request (case) of the caller's team").RequireRoles(WijRoles.Professional);
        return api;
    }

    public static async Task<Results<Created<HelpRequest>, ValidationProblem, ProblemHttpResult>> RegisterHelpRequest(
        RegisterHelpRequest request, Caller caller, TeamScope scope, UnitOfWorkFactory unitOfWork, CaseStore cases, ResidentStore residents,
        RegisseurStore regisseurs, ReferralSender referrals, NeighbourhoodTable neighbourhoods, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, Text>();
        if (Domains.Unknown(request.Domains) is { } unknown)
        {
            errors["domains"] = unknown;
        }
        Resident? resident = null;
        if (request.ResidentId is { } residentId)
        {
            var found = await residents.ResidentOfTeamAsync(residentId, scope, cancellationToken);
            if (found.Refusal is { } otherTeam)
            {
                return Problems.Forbidden(otherTeam);
            }
            resident = found.Value;
            if (resident is null || resident.ErasedAt is not null)
            {
                errors["residentId"] = new Text("intake.no-such-resident", residentId);
            }
        }
        if (request.VolunteerTalent is { } wanted && Talents.Normalise(wanted).Length == 0)
        {
            errors["volunteerTalent"] = new Text("intake.name-talent-needed", string.Join(", ", Talents.Listed.Order()));
        }
        // A known resident's address gives the postcode; an anonymous question names one.
        var postcodeText = resident?.Postcode ?? request.Postcode;
        if (!Postcode.TryParse(postcodeText, out var postcode))
        {
            errors["postcode"] = "intake.enter-dutch-postcode-such";
        }
        if (errors.Count > 0 || postcode is not { } valid)
        {
            return Problems.Invalid(errors);
        }

        var helpRequest = new HelpRequest(
            NewId.NextGuid(),
            request.Channel,
            Domains.Normalise(request.Domains),
            request.Urgency ?? Urgency.Normal,
            valid.Value,
            request.Description,
            request.VolunteerTalent,
            CaseStatus.Registered,
            clock.GetUtcNow().UtcDateTime)
        {
            ResidentId = resident?.Id,
            HouseholdId = resident?.HouseholdId,
            Neighbourhood = neighbourhoods.Find(valid),
            OnBehalfOf = request.OnBehalfOf,
        };

        var who = caller.Display;
        await using var work = await unitOfWork.BeginAsync(cancellationToken);
        (helpRequest, var regisseur) = await regisseurs.JoinAsync(work, helpRequest, cancellationToken);
        cases.Insert(work, helpRequest);
        cases.Append(work, helpRequest.Id, "registered", request.OnBehalfOf is null
            ? new Text("intake.timeline.registered", IntakeWords.Channels.Of(request.Channel))
            : new Text("intake.timeline.registered-on-behalf", IntakeWords.Channels.Of(request.Channel), request.OnBehalfOf), who, helpRequest.CreatedAt);
        if (regisseur is not null)
        {
            cases.Append(work, helpRequest.Id, "joined-household", new Text("intake.timeline.joined-household", regisseur.Name, regisseur.Organisation), who, helpRequest.CreatedAt);
        }
        // The first volunteer referral carries the case's id, so matching's request and the case share it.
        if (request.VolunteerTalent is { } talent
            && await referrals.VolunteerAsync(work, helpRequest, helpRequest.Id, talent, VolunteerTime.Whenever with { WantedAt = request.WantedAt }, who, cancellationToken) is { } refusal)
        {
            return refusal;
        }
        await work.CommitAsync(cancellationToken);
        return TypedResults.Created($"/api/intake/help-requests/{helpRequest.Id}", helpRequest);
    }
}

/// <summary>A question as the desk registers it; with a residentId the resident's own address is used.</summary>
public sealed record RegisterHelpRequest(
    [property: Required, AllowedValues("desk", "phone", "email", "online", "on-behalf")] string Channel,
    [property: Required, MinLength(1), MaxLength(10), ItemLength(50)] string[] Domains,
    [property: Required, StringLength(4000, MinimumLength = 1)] string Description,
    [property: StringLength(10)] string? Postcode = null,
    [property: AllowedValues(null, Urgency.Low, Urgency.Normal, Urgency.High, Urgency.Crisis)] string? Urgency = null,
    [property: StringLength(50)] string? VolunteerTalent = null,
    DateTimeOffset? WantedAt = null,
    Guid? ResidentId = null,
    [property: StringLength(200)] string? OnBehalfOf = null);
