using MassTransit;

namespace WijPlatform.Intake.Apis;

public static class ReferralsApi
{
    public static RouteGroupBuilder MapReferralsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/intake/cases/{caseId:guid}/referrals").WithTags("Referrals").RequireRoles(WijRoles.Professional).Audited("referral");
        api.MapPost("/", Refer).WithSummary("Refer from the plan: a volunteer (matching), an activity (calendar), meal delivery (café) or a specialist partner; answers appear on the timeline");
        api.MapGet("/", async Task<Results<Ok<Page<Referral>>, ProblemHttpResult>> (Guid caseId, [AsParameters] PageRequest page, TeamScope scope, ReferralStore store, CancellationToken ct) =>
                (await store.ListAsync(caseId, scope, page, ct)).Answer(TypedResults.Ok, () => Problems.NotFound("case", caseId)))
            .WithSummary("The case's referrals and their latest answer");
        api.MapGet("/{id:guid}", async Task<Results<Ok<Referral>, ProblemHttpResult>> (Guid caseId, Guid id, TeamScope scope, ReferralStore store, CancellationToken ct) =>
                (await store.FindAsync(caseId, id, scope, ct)).Answer(TypedResults.Ok, () => Problems.NotFound("referral", id, new Text("intake.case-has-no-referral", caseId, id))))
            .WithSummary("One referral");
        api.MapPost("/{id:guid}/follow-up", FollowUp).WithSummary("Record how a partner referral worked out; it leaves the follow-up worklist");
        return api;
    }

    public static async Task<Results<Created<Referral>, ValidationProblem, ProblemHttpResult>> Refer(
        Guid caseId, Refer request, Caller caller, TeamScope scope, UnitOfWorkFactory unitOfWork, CaseStore cases, ReferralSender sender,
        ReferralStore referrals, TimeProvider clock, CancellationToken ct)
    {
        if (request.Validate(clock.GetUtcNow()) is { Count: > 0 } errors)
        {
            return Problems.Invalid(errors);
        }
        var referralId = NewId.NextGuid();
        await using var work = await unitOfWork.BeginAsync(ct);
        var locked = await cases.LockAsync(work, caseId, scope, ct);
        if (locked.Problem(() => Problems.NotFound("case", caseId)) is { } problem)
        {
            return problem;
        }
        var @case = locked.Value!;
        if (@case.Status == CaseStatus.Closed)
        {
            return Problems.Conflict("intake.case-closed", "intake.reopen-case-before-referring");
        }
        var refusal = await sender.SendAsync(work, @case, referralId, request, caller.Display, ct);
        if (refusal is not null)
        {
            return refusal;
        }
        await work.CommitAsync(ct);
        var created = await referrals.FindAsync(referralId, ct);
        return TypedResults.Created($"/api/intake/cases/{caseId}/referrals/{referralId}", created!);
    }

    public static async Task<Results<Ok<Referral>, ProblemHttpResult>> FollowUp(
        Guid caseId, Guid id, FollowUpReferral request, Caller caller, TeamScope scope, UnitOfWorkFactory unitOfWork, CaseStore cases,
        ReferralStore referrals, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var work = await unitOfWork.BeginAsync(ct);
        if ((await cases.LockAsync(work, caseId, scope, ct)).Problem(() => Problems.NotFound("case", caseId)) is { } problem)
        {
            return problem;
        }
        if (await referrals.LockAsync(work, id, ct) is not { } found || found.CaseId != caseId)
        {
            return Problems.NotFound("referral", id, new Text("intake.case-has-no-referral", caseId, id));
        }
        if (found.Status != "sent")
        {
            return Problems.Conflict("intake.already-answered", new Text("intake.referral-only-sent-referral", found.Status));
        }
        await referrals.SetStatusAsync(work, id, "followed-up", now, null, ct);
        cases.Append(work, caseId, "referral-followed-up", request.Note, caller.Display, now);
        await work.CommitAsync(ct);
        return TypedResults.Ok((await referrals.FindAsync(id, ct))!);
    }
}

public sealed record FollowUpReferral([property: Required, StringLength(2000, MinimumLength = 1)] string Note);

/// <summary>
/// A referral: volunteer (talent; once at wantedAt or weekly on weeklyOn from weeklyFrom, for durationMinutes), activity (activityId, occurrenceStart), meal-delivery
/// (weekdays, startsOn, remarks for the café such as diet or how to get in) or partner (partner, followUpOn).
/// </summary>
public sealed record Refer(
    [property: Required, AllowedValues("volunteer", "activity", "meal-delivery", "partner")] string Kind,
    [property: StringLength(50)] string? Talent = null,
    DateTimeOffset? WantedAt = null,
    Guid? ActivityId = null,
    DateTimeOffset? OccurrenceStart = null,
    [property: StringLength(200)] string? Partner = null,
    DateOnly? FollowUpOn = null,
    [property: MaxLength(7), ItemLength(20)] string[]? Weekdays = null,
    DateOnly? StartsOn = null,
    [property: StringLength(500)] string? Remarks = null,
    [property: AllowedValues(null, "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")] string? WeeklyOn = null,
    TimeOnly? WeeklyFrom = null,
    [property: Range(15, 480)] int? DurationMinutes = null)
{
    public VolunteerTime Time() => new(
        WantedAt,
        WeeklyOn is { } day ? Enum.Parse<DayOfWeek>(day, ignoreCase: true) : null,
        WeeklyFrom is { } from ? from.Hour * 60 + from.Minute : null,
        DurationMinutes);

    public Dictionary<string, Text> Validate(DateTimeOffset now)
    {
        var errors = new Dictionary<string, Text>();
        switch (Kind)
        {
            case "volunteer" when string.IsNullOrWhiteSpace(Talent) || Talents.Normalise(Talent).Length == 0:
                errors["talent"] = new Text("intake.name-talent-needed", string.Join(", ", Talents.Listed.Order()));
                break;
            case "volunteer" when (WeeklyOn is null) != (WeeklyFrom is null):
                errors[WeeklyOn is null ? "weeklyOn" : "weeklyFrom"] = "intake.weekly-request-needs-both";
                break;
            case "volunteer" when WeeklyOn is not null && WantedAt is not null:
                errors["wantedAt"] = "intake.volunteer-asked-once-wantedat";
                break;
            case "activity" when ActivityId is null:
                errors["activityId"] = "intake.name-activity-calendar";
                break;
            case "meal-delivery" when MealDeliveryDays.Problem(Weekdays) is { } days:
                errors["weekdays"] = days;
                break;
            case "meal-delivery" when StartsOn is { } starts && starts < Amsterdam.Today(now):
                errors["startsOn"] = "intake.meal-delivery-cannot-start";
                break;
            case "partner" when string.IsNullOrWhiteSpace(Partner):
                errors["partner"] = "intake.name-partner-organisation";
                break;
            case "partner" when FollowUpOn is not { } followUp || followUp < Amsterdam.Today(now):
                errors["followUpOn"] = "intake.referral-partner-needs-follow";
                break;
        }
        return errors;
    }
}
