using System.ComponentModel.DataAnnotations;
using MassTransit;
using Microsoft.AspNetCore.Http.HttpResults;
using WijPlatform.Matching.Infrastructure;
using WijPlatform.Matching.Messaging;
using WijPlatform.Matching.Model;
using WijPlatform.ServiceDefaults.Http;
using WijPlatform.ServiceDefaults.Messaging;
using WijPlatform.ServiceDefaults.Security;

namespace WijPlatform.Matching.Apis;

/// <summary>
/// A resident offers a talent themselves (in the resident app): the application waits, not ranked
/// and not proposable, until the coordinator approves it, which needs a valid certificate of conduct (VOG).
/// </summary>
public static class VolunteerApplicationsApi
{
    public static RouteGroupBuilder MapVolunteerApplicationsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/matching/volunteer-applications").WithTags("Volunteer applications").Audited("volunteer");
        api.MapPost("/", Apply).RequireRoles(WijRoles.Resident).WithSummary("A resident signs up as a volunteer themselves; the coordinator approves once the VOG is valid");
        api.MapGet("/mine", Mine).RequireRoles(WijRoles.Resident).WithSummary("The calling resident's own application and how it stands");
        api.MapGet("/", async Task<Ok<Page<VolunteerApplication>>> ([AsParameters] PageRequest page, [AllowedValues(null, "pending", "approved", "declined")] string? status, VolunteerStore store, CancellationToken ct) =>
                TypedResults.Ok(await store.ApplicationsAsync(null, status, page, ct)))
            .RequireRoles(WijRoles.Coordinator).WithSummary("Applications, oldest first; ?status=pending for the ones waiting");
        api.MapPost("/{id:guid}/approve", Approve).RequireRoles(WijRoles.Coordinator)
            .WithSummary("Approve: the volunteer becomes active (ranked and proposable); refused while the VOG is not valid");
        api.MapPost("/{id:guid}/decline", Decline).RequireRoles(WijRoles.Coordinator).WithSummary("Decline, with a reason the resident reads");
        return api;
    }

    public static async Task<Results<Created<VolunteerApplication>, ValidationProblem, ProblemHttpResult>> Apply(
        ApplyAsVolunteer request, Caller caller, UnitOfWorkFactory unitOfWork, VolunteerStore store, PostcodeMap map, NeighbourhoodTable neighbourhoods, TimeProvider clock, CancellationToken ct)
    {
        if (caller.User.ResidentId() is not { } residentId)
        {
            return Problems.Forbidden("matching.sign-as-resident-apply");
        }
        var asRegistration = new RegisterVolunteer(request.FirstName, request.Talents, request.Postcode, request.TravelMode, request.OtherTalents, request.Street,
            request.MaxDistanceKm, request.Availability, null, request.Languages, null, request.Preferences, request.MaxActiveMatches, Vog.None, null, residentId,
            request.PreferredContact, request.Phone, request.Email);
        var errors = asRegistration.Validate(map);
        if (errors.Count > 0)
        {
            return Problems.Invalid(errors);
        }
        var volunteer = VolunteersApi.NewVolunteer(asRegistration, active: false, clock.GetUtcNow().UtcDateTime);
        await using var work = await unitOfWork.BeginAsync(ct);
        // One application per resident at a time (a withdrawn or declined one may be followed by a new one).
        if (await store.ApplicationOfResidentAsync(work, residentId, ct) is { Status: ApplicationStatus.Pending or ApplicationStatus.Approved } existing)
        {
            return Problems.Conflict("matching.already-applied", new Text("matching.you-applied-your-application", existing.AppliedAt, existing.Status));
        }
        await store.InsertAsync(work, volunteer, neighbourhoods.Find(volunteer.Postcode), ct);
        await store.DecideAsync(work, volunteer.Id, ApplicationStatus.Pending, null, ct);
        await work.PublishAsync(asRegistration.Contact.RecordedFor(volunteer, volunteer.CreatedAt), ct);
        await work.CommitAsync(ct);
        return TypedResults.Created("/api/matching/volunteer-applications/mine", (await store.ApplicationsAsync(volunteer.Id, null, new PageRequest(), ct)).Items[0]);
    }

    public static async Task<Results<Ok<VolunteerApplication>, ProblemHttpResult>> Mine(Caller caller, VolunteerStore store, CancellationToken ct) =>
        caller.User.ResidentId() is { } residentId && await store.ApplicationOfResidentAsync(residentId, ct) is { } application
            ? TypedResults.Ok(application)
            : Problems.NotFound("application", "of yours", "matching.you-have-not-applied");

    public static async Task<Results<Ok<VolunteerApplication>, ProblemHttpResult>> Approve(Guid id, UnitOfWorkFactory unitOfWork, VolunteerStore store, VogExpiryWatch vogWatch, CancellationToken ct)
    {
        await using (var work = await unitOfWork.BeginAsync(ct))
        {
            if (await store.LockApplicationAsync(work, id, ct) is not { } application)
            {
                return NotFound(id);
            }
            if (application.Status != ApplicationStatus.Pending)
            {
                return Problems.Conflict("matching.already-decided", new Text("matching.application", MatchingWords.ApplicationStatuses.Of(application.Status)));
            }
            if (application.VogStatus != Vog.Valid)
            {
                return Problems.Conflict("matching.certificate-conduct-needed",
                    new Text("matching.vog-record-valid-one", MatchingWords.VogStatuses.Of(application.VogStatus), id));
            }
            await store.DecideAsync(work, id, ApplicationStatus.Approved, null, ct);
            await vogWatch.WarnAsync(work, id, ct);
            await work.CommitAsync(ct);
        }
        return TypedResults.Ok((await store.ApplicationsAsync(id, null, new PageRequest(), ct)).Items[0]);
    }

    public static async Task<Results<Ok<VolunteerApplication>, ProblemHttpResult>> Decline(Guid id, DeclineApplication request, UnitOfWorkFactory unitOfWork, VolunteerStore store, CancellationToken ct)
    {
        await using (var work = await unitOfWork.BeginAsync(ct))
        {
            if (await store.LockApplicationAsync(work, id, ct) is not { } application)
            {
                return NotFound(id);
            }
            if (application.Status != ApplicationStatus.Pending)
            {
                return Problems.Conflict("matching.already-decided", new Text("matching.application", MatchingWords.ApplicationStatuses.Of(application.Status)));
            }
            await store.DecideAsync(work, id, ApplicationStatus.Declined, request.Reason.Trim(), ct);
            await work.CommitAsync(ct);
        }
        return TypedResults.Ok((await store.ApplicationsAsync(id, null, new PageRequest(), ct)).Items[0]);
    }

    private static ProblemHttpResult NotFound(Guid id) => Problems.NotFound("volunteer application", id);
}

/// <summary>What a resident fills in to volunteer; the certificate of conduct and the approval are the coordinator's.</summary>
public sealed record ApplyAsVolunteer(
    [property: Required, StringLength(100, MinimumLength = 1)] string FirstName,
    [property: Required, MaxLength(20), ItemLength(50)] string[] Talents,
    [property: Required, StringLength(7), RegularExpression("^[1-9][0-9]{3} ?[A-Za-z]{2}$", ErrorMessage = "Enter a Dutch postcode such as 3705 AB.")] string Postcode,
    [property: Required, AllowedValues("foot", "bike", "car")] string TravelMode,
    [property: MaxLength(20), ItemLength(100)] string[]? OtherTalents = null,
    [property: StringLength(200)] string? Street = null,
    [property: Range(0.1, 30)] double? MaxDistanceKm = null,
    [property: MaxLength(50)] WeeklyWindow[]? Availability = null,
    [property: MaxLength(10), ItemLength(8)] string[]? Languages = null,
    [property: StringLength(500)] string? Preferences = null,
    [property: Range(1, 10)] int MaxActiveMatches = 2,
    [property: AllowedValues(null, "sms", "email", "phone", "coordinator")] string? PreferredContact = null,
    [property: Phone, StringLength(30)] string? Phone = null,
    [property: EmailAddress, StringLength(200)] string? Email = null);

public sealed record DeclineApplication([property: Required, StringLength(500, MinimumLength = 1)] string Reason);
