using MassTransit;

namespace WijPlatform.Matching.Apis;

public static class VolunteersApi
{
    public static RouteGroupBuilder MapVolunteersApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/matching/volunteers").WithTags("Volunteers").RequireRoles(WijRoles.Coordinator, WijRoles.Volunteer).Audited("volunteer");
        api.MapPost("/", RegisterVolunteer).WithSummary("Register a volunteer: talents, availability, reach, languages, certificate of conduct").RequireRoles(WijRoles.Coordinator);
        api.MapGet("/", async Task<Ok<Page<Volunteer>>> ([AsParameters] PageRequest page, VolunteerStore store, CancellationToken ct) =>
            TypedResults.Ok(await store.ListAsync(page, ct))).WithSummary("Volunteers, newest first").RequireRoles(WijRoles.Coordinator);
        api.MapGet("/{id:guid}", async Task<Results<Ok<Volunteer>, ProblemHttpResult>> (Guid id, VolunteerScope scope, VolunteerStore store, CancellationToken ct) =>
            (await store.FindAsync(id, scope, ct)).Answer(TypedResults.Ok, () => Problems.NotFound("volunteer", id)))
            .WithSummary("One volunteer").RequireRoles(WijRoles.Coordinator);
        api.MapPut("/{id:guid}/vog", UpdateVog).WithSummary("Record a renewed (or requested) certificate of conduct; a VOG close to expiry is warned about at once")
            .RequireRoles(WijRoles.Coordinator);
        api.MapGet("/{id:guid}/vog-warnings", async Task<Results<Ok<Page<VogWarning>>, ProblemHttpResult>> (Guid id, [AsParameters] PageRequest page, VolunteerScope scope, VolunteerStore store, Matchmaker matchmaker, CancellationToken ct) =>
                (await store.FindAsync(id, scope, ct)).Problem(() => Problems.NotFound("volunteer", id)) is { } problem ? problem : TypedResults.Ok(Warnings(await store.VogWarningsAsync(id, page, ct), matchmaker.Today)))
            .WithSummary("The volunteer's own warnings that their certificate of conduct expires, with the text to show them");
        var warnings = app.MapGroup("/api/matching/vog-warnings").WithTags("Volunteers").RequireRoles(WijRoles.Coordinator).Audited("volunteer");
        warnings.MapGet("/", async Task<Ok<Page<VogWarning>>> ([AsParameters] PageRequest page, VolunteerStore store, Matchmaker matchmaker, CancellationToken ct) =>
                TypedResults.Ok(Warnings(await store.VogWarningsAsync(null, page, ct), matchmaker.Today)))
            .WithSummary("Warnings sent to volunteers whose certificate of conduct expires (once per expiry), newest first");
        api.MapPut("/{id:guid}/contact", ChangeContact)
            .WithSummary("The volunteer (their own) or the coordinator changes how the volunteer hears what concerns them: sms, email, phone or through the coordinator");
        api.MapGet("/vog-expiring", VogExpiring).WithSummary("Volunteers whose certificate of conduct has expired or expires within the given number of days").RequireRoles(WijRoles.Coordinator);
        api.MapGet("/{id:guid}/tasks", Tasks).WithSummary("What the volunteer sees: first name, street, task and time of each current match; never the case");
        api.MapGet("/{id:guid}/workload", Workload).WithSummary("Matches held, hours in the last four weeks, and whether the volunteer is overloaded").RequireRoles(WijRoles.Coordinator);
        api.MapDelete("/{id:guid}", Erase).WithSummary("Erase the volunteer's personal data (on their request); hours and matches stay as numbers").RequireRoles(WijRoles.Coordinator);
        return api;
    }

    public static async Task<Results<Created<Volunteer>, ValidationProblem>> RegisterVolunteer(
        RegisterVolunteer request, UnitOfWorkFactory unitOfWork, VolunteerStore store, PostcodeMap map, NeighbourhoodTable neighbourhoods, VogExpiryWatch vogWatch, TimeProvider clock, CancellationToken ct)
    {
        var errors = request.Validate(map);
        if (errors.Count > 0)
        {
            return Problems.Invalid(errors);
        }
        var volunteer = NewVolunteer(request, active: true, clock.GetUtcNow().UtcDateTime);
        await using var work = await unitOfWork.BeginAsync(ct);
        await store.InsertAsync(work, volunteer, neighbourhoods.Find(volunteer.Postcode), ct);
        await work.PublishAsync(request.Contact.RecordedFor(volunteer, volunteer.CreatedAt), ct);
        await vogWatch.WarnAsync(work, volunteer.Id, ct);
        await work.CommitAsync(ct);
        return TypedResults.Created($"/api/matching/volunteers/{volunteer.Id}", volunteer);
    }

    /// <summary>A volunteer from a validated registration (by the coordinator, or a resident's own application).</summary>
    public static Volunteer NewVolunteer(RegisterVolunteer request, bool active, DateTime now)
    {
        var postcode = Contracts.Vocabulary.Postcode.Normalise(request.Postcode)!;
        return new Volunteer(
            NewId.NextGuid(), request.ResidentId, request.FirstName.Trim(),
            request.Talents.Select(Talents.Normalise).Distinct().ToArray(),
            (request.OtherTalents ?? []).Select(Talents.Normalise).Where(t => t.Length > 0).Distinct().ToArray(),
            postcode, request.Street?.Trim(), request.TravelMode, TravelModes.Reach(request.TravelMode, request.MaxDistanceKm),
            request.Availability ?? [], request.Absences ?? [],
            (request.Languages is { Length: > 0 } languages ? languages : ["nl"]).Select(l => l.Trim().ToLowerInvariant()).Distinct().ToArray(),
            request.Gender, request.Preferences, request.MaxActiveMatches, request.VogStatus, request.VogIssuedOn, active, now);
    }

    public static async Task<Results<Ok<Volunteer>, ValidationProblem, ProblemHttpResult>> UpdateVog(
        Guid id, UpdateVog request, VolunteerScope scope, UnitOfWorkFactory unitOfWork, VolunteerStore store, VogExpiryWatch vogWatch, CancellationToken ct)
    {
        if (request.Status == Vog.Valid && request.IssuedOn is null)
        {
            return Problems.Invalid("issuedOn", "matching.valid-certificate-conduct-needs");
        }
        await using (var work = await unitOfWork.BeginAsync(ct))
        {
            if (await VolunteerStore.UpdateVogAsync(work, id, request.Status, request.Status == Vog.Valid ? request.IssuedOn : null, ct) == 0)
            {
                return Problems.NotFound("volunteer", id);
            }
            await vogWatch.WarnAsync(work, id, ct);
            await work.CommitAsync(ct);
        }
        return TypedResults.Ok((await store.FindAsync(id, scope, ct)).Value!);
    }

    /// <summary>
    /// A new way of contact goes to the notices service through the outbox, stamped with when it was
    /// recorded: the volunteer's row is locked first, so of two changes the later commit has the later
    /// stamp, and the notices service keeps the newest whatever order they arrive in. Matching keeps no
    /// contact details itself.
    /// </summary>
    public static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> ChangeContact(
        Guid id, ChangeVolunteerContact request, VolunteerScope scope, UnitOfWorkFactory unitOfWork, VolunteerStore store, TimeProvider clock, CancellationToken ct)
    {
        var errors = new Dictionary<string, Text>();
        request.Contact.Validate(errors);
        if (errors.Count > 0)
        {
            return Problems.Invalid(errors);
        }
        await using var work = await unitOfWork.BeginAsync(ct);
        var locked = scope.Check(await store.LockAsync(work, id, ct), v => v.Id);
        if (locked.Problem(() => Problems.NotFound("volunteer", id)) is { } problem)
        {
            return problem;
        }
        if (VolunteerStore.IsErased(locked.Value!))
        {
            return Problems.NotFound("volunteer", id);
        }
        await work.PublishAsync(request.Contact.RecordedFor(locked.Value!, clock.GetUtcNow().UtcDateTime), ct);
        await work.CommitAsync(ct);
        return TypedResults.NoContent();
    }

    private static Page<VogWarning> Warnings(Page<VogWarningRow> rows, DateOnly today) =>
        new(rows.Items.Select(w => new VogWarning(w.VolunteerId, w.FirstName, w.ExpiresOn, w.WarnedAt, Vog.Warning(w.ExpiresOn, today))).ToList(),
            rows.PageNumber, rows.PageSize, rows.TotalCount);

    public static async Task<Ok<Page<VogExpiry>>> VogExpiring([AsParameters] PageRequest page, [Range(0, 3650)] int? withinDays, VolunteerStore store, Matchmaker matchmaker, CancellationToken ct) =>
        TypedResults.Ok(await store.VogExpiringAsync(matchmaker.Today.AddDays(withinDays ?? 30), page, ct));

    public static async Task<Results<Ok<Page<VolunteerTask>>, ProblemHttpResult>> Tasks(Guid id, [AsParameters] PageRequest page, VolunteerScope scope, VolunteerStore volunteers, MatchStore matches, CancellationToken ct) =>
        (await volunteers.FindAsync(id, scope, ct)).Problem(() => Problems.NotFound("volunteer", id)) is { } problem ? problem : TypedResults.Ok(await matches.TasksAsync(id, scope, page, ct));

    public static async Task<Results<Ok<WorkloadView>, ProblemHttpResult>> Workload(Guid id, VolunteerScope scope, VolunteerStore volunteers, MatchStore matches, Matchmaker matchmaker, CancellationToken ct)
    {
        var found = await volunteers.FindAsync(id, scope, ct);
        if (found.Problem(() => Problems.NotFound("volunteer", id)) is { } problem)
        {
            return problem;
        }
        var volunteer = found.Value!;
        var (holding, hours) = await matches.WorkloadAsync(id, matchmaker.Today.AddDays(-28), ct);
        return TypedResults.Ok(new WorkloadView(id, holding, volunteer.MaxActiveMatches, hours, Model.Workload.IsOverloaded(holding, volunteer.MaxActiveMatches, hours)));
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> Erase(Guid id, UnitOfWorkFactory unitOfWork, VolunteerStore store, CancellationToken ct)
    {
        await using var work = await unitOfWork.BeginAsync(ct);
        if (await store.EraseAsync(work, id, null, ct) == 0)
        {
            return Problems.NotFound("volunteer", id);
        }
        await work.CommitAsync(ct);
        return TypedResults.NoContent();
    }
}

/// <summary>How the volunteer wants to hear what concerns them from now on.</summary>
public sealed record ChangeVolunteerContact(
    [property: Required, AllowedValues("sms", "email", "phone", "coordinator")] string PreferredContact,
    [property: Phone, StringLength(30)] string? Phone = null,
    [property: EmailAddress, StringLength(200)] string? Email = null)
{
    /// <remarks>Made from the body's own fields, so not a field of the body (nor of its OpenAPI schema).</remarks>
    [System.Text.Json.Serialization.JsonIgnore]
    public VolunteerContact Contact => new(PreferredContact, Phone, Email);
}

public sealed record UpdateVog([property: Required, AllowedValues("none", "requested", "valid")] string Status, DateOnly? IssuedOn = null);

public sealed record WorkloadView(Guid VolunteerId, int ActiveMatches, int MaxActiveMatches, double HoursLast4Weeks, bool Overloaded);

public sealed record RegisterVolunteer(
    [property: Required, StringLength(100, MinimumLength = 1)] string FirstName,
    [property: Required, MaxLength(20), ItemLength(50)] string[] Talents,
    [property: Required, StringLength(7), DutchPostcode] string Postcode,
    [property: Required, AllowedValues("foot", "bike", "car")] string TravelMode,
    [property: MaxLength(20), ItemLength(100)] string[]? OtherTalents = null,
    [property: StringLength(200)] string? Street = null,
    [property: Range(0.1, 30)] double? MaxDistanceKm = null,
    [property: MaxLength(50)] WeeklyWindow[]? Availability = null,
    [property: MaxLength(50)] Absence[]? Absences = null,
    [property: MaxLength(10), ItemLength(8)] string[]? Languages = null,
    [property: AllowedValues(null, "female", "male", "x")] string? Gender = null,
    [property: StringLength(500)] string? Preferences = null,
    [property: Range(1, 10)] int MaxActiveMatches = 2,
    [property: AllowedValues("none", "requested", "valid")] string VogStatus = "none",
    DateOnly? VogIssuedOn = null,
    Guid? ResidentId = null,
    [property: AllowedValues(null, "sms", "email", "phone", "coordinator")] string? PreferredContact = null,
    [property: Phone, StringLength(30)] string? Phone = null,
    [property: EmailAddress, StringLength(200)] string? Email = null)
{
    /// <summary>How the volunteer wants to hear what concerns them; through the coordinator when they did not say.</summary>
    /// <remarks>Made from the body's own fields, so not a field of the body (nor of its OpenAPI schema).</remarks>
    [System.Text.Json.Serialization.JsonIgnore]
    public VolunteerContact Contact => new(PreferredContact, Phone, Email);

    public Dictionary<string, Text> Validate(PostcodeMap map)
    {
        var errors = new Dictionary<string, Text>();
        if (Talents.Any(string.IsNullOrWhiteSpace) || (OtherTalents ?? []).Any(t => t is null) || (Languages ?? []).Any(string.IsNullOrWhiteSpace))
        {
            errors["talents"] = "matching.talents-other-talents-languages";
            return errors;
        }
        var unknown = Talents.Select(Contracts.Vocabulary.Talents.Normalise).Where(t => !Contracts.Vocabulary.Talents.Listed.Contains(t)).ToArray();
        if (unknown.Length > 0)
        {
            errors["talents"] = new Text("matching.talents-not-listed", string.Join(", ", unknown), string.Join(", ", Contracts.Vocabulary.Talents.Listed.Order()));
        }
        else if (Talents.Length == 0 && (OtherTalents ?? []).All(string.IsNullOrWhiteSpace))
        {
            errors["talents"] = "matching.name-least-one-talent";
        }
        if (Contracts.Vocabulary.Postcode.Normalise(Postcode) is { } postcode && map.Find(postcode) is null)
        {
            errors["postcode"] = "matching.postcode-outside-areas-service";
        }
        if ((Availability ?? []).Any(w => w is null || !Enum.IsDefined(w.Day) || w.Until <= w.From))
        {
            errors["availability"] = "matching.each-window-needs-day";
        }
        if ((Absences ?? []).Any(a => a is null || a.Until < a.From))
        {
            errors["absences"] = "matching.each-absence-needs-first";
        }
        if (VogStatus == Vog.Valid && VogIssuedOn is null)
        {
            errors["vogIssuedOn"] = "matching.valid-certificate-conduct-needs";
        }
        Contact.Validate(errors);
        return errors;
    }
}
